"""The installation around the system: port circuits, protection, materials and the groepenkast.

- ``plan``: the planner the engine calls, the one extension point;
- ``circuit``: what every battery circuit shares (run, cable, articles);
- ``grid_port`` and ``backup_port``: the two circuits of the inverter;
- ``backup_box`` and ``backup_rcd``: the BackupBox's grid-side protection, the backup side's
  RCD type and the 30 mA for the distribution unit's sockets;
- ``fault``, ``rcd_selectivity``, ``island``: fault protection per circuit, RCDs in series,
  and what island operation relies on;
- ``cable_practice``: the inverter's terminals and conduit fill;
- ``materials``: catalogue articles chosen by their attributes;
- ``board``: the groepenkast, existing or new, and the rules both follow.
"""
