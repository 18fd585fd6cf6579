"""Shared test setup; the catalogue in the test database comes from ../conftest.py."""

from __future__ import annotations

import os

from hypothesis import settings as hypothesis_settings

# CI runs the same examples every time (a red CI must be reproducible); local runs explore new
# ones, and what they find goes into a regression test.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")
