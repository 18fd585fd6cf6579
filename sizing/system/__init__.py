"""The system: which inverter, modules and backup work at a site, and why the others do not.

- ``rules``: the product and grid rules as functions of catalogue figures;
- ``limits``: the grid and safety thresholds (grid code, PGS 37) with their references;
- ``suggest``: every valid configuration for a site, and the verdict on the rest;
- ``codes``: catalogue codes as installers write them;
- ``summary``: what a Design copies of the inverter for its documents.
"""
