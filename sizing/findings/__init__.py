"""Every finding the engine can raise, in one registry, raised through one call.

Each code has one :class:`~sizing.findings.registry.Entry`: its severity, its
Dutch and English text with named parameters, and its reference. The entries
live by area, one module each:

=============  ===========================================================
inverter       ``inverter.*``: unknown, wrong phases, where a 1-phase one goes
battery        ``battery.*``, ``safety.pgs37``, ``expansion.headroom``
grid           ``grid.*``, ``registration.energieleveren``
backup         ``backup.*``
circuit        ``circuit.*``: a battery circuit's run and design current
cable          ``cable.*``: breaker, cross-section, factors, voltage drop
cable_type     ``cable.*``: type against request, practice (terminal, conduit, target)
board          ``board.*``: selectivity, RCDs, space, enclosure
heat           ``board.heat_*``: the heat calculation of the groepenkast
bom            ``bom.*``: articles the catalogue lacks
fault          ``fault.*``, ``rcd.*``: fault protection, RCDs in series
=============  ===========================================================

Code raises a finding by its code and the numbers it found::

    finding("board.selectivity", what="group", rating=32, ...)

and never writes a message, a severity or a reference itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from sizing.findings import (
    backup,
    battery,
    board,
    bom,
    cable,
    cable_type,
    circuit,
    fault,
    grid,
    heat,
    inverter,
)
from sizing.findings.registry import Entry, Phrase, build
from sizing.schema import Finding, Severity

__all__ = [
    "REGISTRY",
    "Entry",
    "Phrase",
    "UnknownFinding",
    "by_severity",
    "finding",
]

REGISTRY: Mapping[str, Entry] = MappingProxyType(
    build(
        inverter.ENTRIES,
        battery.ENTRIES,
        grid.ENTRIES,
        backup.ENTRIES,
        circuit.ENTRIES,
        cable.ENTRIES,
        cable_type.ENTRIES,
        board.ENTRIES,
        heat.ENTRIES,
        bom.ENTRIES,
        fault.ENTRIES,
    )
)

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class UnknownFinding(LookupError):
    """A code the registry does not know: a typo, or an entry someone forgot to add."""


def entry(code: str) -> Entry:
    try:
        return REGISTRY[code]
    except KeyError:
        raise UnknownFinding(f"no finding {code!r} in sizing.findings") from None


def finding(code: str, /, *, circuit: str | None = None, **params: object) -> Finding:
    """The finding ``code`` with its text filled in from ``params``, in Dutch and English.

    ``circuit`` names the circuit the finding is about. Raises UnknownFinding for a code
    the registry lacks, TypeError for a missing or unexpected parameter and ValueError for
    a choice that names no variant.
    """
    item = entry(code)
    message, message_en, reference, reference_en = item.render(params)
    return Finding(
        code=code,
        severity=item.severity,
        message=message,
        message_en=message_en,
        reference=reference,
        circuit=circuit,
        reference_en=reference_en,
    )


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then advice; within a severity in the order found."""
    return sorted(findings, key=lambda f: _ORDER[f.severity])
