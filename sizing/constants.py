"""The two constants every part of the engine shares."""

from __future__ import annotations

# Sums of floats such as 3.68 + 1.32 land a hair above 5.0: a limit is only exceeded, and two
# figures only differ, by more than this.
EPSILON = 1e-9

PHASES = ("L1", "L2", "L3")
