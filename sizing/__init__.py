"""Keuzehulp sizing engine: pure Python (pydantic + pint), no Django.

Entry points: :func:`sizing.engine.design`, :func:`sizing.engine.suggest` and
:func:`sizing.cable.size_cable`.
"""

ENGINE_VERSION = "0.1.0"
