"""The groepenkast.

- ``plan``: selectivity and an existing board's free places, or a new board;
- ``new``: a new board's devices, module widths and enclosure;
- ``layout``: the front view, which device sits where on which rail, and the spare places;
- ``rules``: what every board design applies (selectivity, NEN 1010 531.2 RCD rules).
"""
