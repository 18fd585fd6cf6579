"""The installation around the system: port circuits, materials and the groepenkast.

- ``plan``: the planner the engine calls, the one extension point;
- ``circuit``: what every battery circuit shares (run, cable, articles);
- ``grid_port`` and ``backup_port``: the two circuits of the inverter;
- ``materials``: catalogue articles chosen by their attributes;
- ``board``: the groepenkast, existing or new, and the rules both follow.
"""
