"""One cable and its breaker, by IEC 60364-5-52 and 60364-4-43.

- ``size``: :func:`size_cable`, the entry point, and the order of its steps;
- ``factors``: correction factors for temperature, grouping and soil;
- ``checks``: overload coordination, a forced cross-section, what the tables leave out;
- ``voltage_drop``: Annex G;
- ``types``: what each cable type is (insulation, construction) and the methods it may use.
"""
