"""The currents of the inverter's grid port: one figure each, for every page that prints one.

The grid port carries the battery's charging current when it charges from the grid, its
output current when it discharges, and with a backup distribution unit also the backup
loads it passes through from the grid. The circuit is sized for the largest of these; the
main fuse is checked against the charging current alone, because the backup loads are
household loads that draw from the main fuse wherever they are connected.
"""

from __future__ import annotations

from dataclasses import dataclass

from sizing import tables
from sizing.constants import EPSILON
from sizing.domain import Inverter
from sizing.notes import Text, both, en, nl

ROUNDING = 0.01  # relative; a catalogue current rounded to 0.1 A differs by less

DERIVED_CURRENT: Text = (
    "geen stroom in de catalogus: nominaal vermogen / (fasen × U0) "
    "(smile-g3-catalog.md §2.2, [derived]); standaardwaarde, geen fabrieksgegeven",
    "no current in the catalogue: nominal power / (phases × U0) "
    "(smile-g3-catalog.md §2.2, [derived]); a default, not manufacturer data",
)


@dataclass(frozen=True, slots=True)
class PortCurrent:
    value: float  # A per phase
    text: Text  # how it was worked out, with numbers
    basis: Text
    is_default: bool  # rests on a documented default, not on a manufacturer's figure


def _per_phase(inverter: Inverter, power_kw: float) -> float:
    return power_kw * 1000 / (inverter.phases * inverter.nominal_voltage_v)


def charge_current_a(inverter: Inverter) -> float:
    """Current per phase while the battery charges from the grid at its maximum charge power."""
    return _per_phase(inverter, inverter.max_charge_power_kw)


def grid_port_current(inverter: Inverter, backup: str) -> PortCurrent:
    """The design current Ib of the grid-port circuit."""
    phases, volts = inverter.phases, inverter.nominal_voltage_v
    max_ac = inverter.max_ac_current_a or None
    source, source_en = f"catalogus ({inverter.source})", f"catalogue ({inverter.source})"
    # A BackupBox is an automatic transfer switch: on the grid it feeds the backed-up loads
    # itself, and the inverter's backup port only takes over in an outage. The noodstroom
    # verdeelunit hangs on the backup port for good, so its loads pass through the inverter.
    if backup == "distribution_unit":
        watts = inverter.grid_input_power_kw * 1000
        from_grid = watts / (phases * volts)
        if max_ac is not None and max_ac < from_grid:
            return PortCurrent(
                max_ac,
                (
                    f"{nl(max_ac)} A (max. AC-stroom netpoort)",
                    f"{en(max_ac)} A (max. AC current grid port)",
                ),
                (
                    "met de noodstroom verdeelunit lopen de noodstroomverbruikers door de "
                    "omvormer; de catalogus geeft een lagere max. netpoortstroom "
                    f"({nl(max_ac)} A < {nl(from_grid)} A uit het ingangsvermogen), {source}",
                    "with the backup distribution unit the backup loads run through the "
                    "inverter; the catalogue gives a lower max. grid-port current "
                    f"({en(max_ac)} A < {en(from_grid)} A from the input power), {source_en}",
                ),
                False,
            )
        return PortCurrent(
            from_grid,
            both(lambda n: f"{n(watts, 0)} W / ({phases} × {n(volts)} V) = {n(from_grid)} A"),
            (
                "met de noodstroom verdeelunit lopen de noodstroomverbruikers door de omvormer: "
                f"nominaal ingangsvermogen uit het net / (fasen × U0), {source}",
                "with the backup distribution unit the backup loads run through the inverter: "
                f"nominal input power from the grid / (phases × U0), {source_en}",
            ),
            False,
        )
    if max_ac is not None:
        return PortCurrent(
            max_ac,
            both(lambda n: f"{n(max_ac)} A"),
            (
                f"max. AC-stroom van de fabrikant, {source}",
                f"the manufacturer's max. AC current, {source_en}",
            ),
            False,
        )
    charge = charge_current_a(inverter)
    if inverter.grid_port_current_a is not None:
        nominal = inverter.grid_port_current_a
        # The brochure rounds its currents to 0.1 A (21.7 A for 5 kW, which is 21.74 A): only a
        # charging current beyond that rounding is a larger current.
        if charge > nominal * (1 + ROUNDING):
            return _charging(inverter, charge, source, source_en)
        return PortCurrent(
            nominal,
            both(lambda n: f"{n(nominal)} A"),
            (
                f"nominale uitgangsstroom netpoort, {source}; de max. AC-stroom is onbekend",
                f"nominal output current of the grid port, {source_en}; the max. AC current is "
                "unknown",
            ),
            False,
        )
    derived = _per_phase(inverter, inverter.nominal_power_kw)
    if charge > derived + EPSILON:
        return _charging(inverter, charge, source, source_en)
    watts = inverter.nominal_power_kw * 1000
    return PortCurrent(
        derived,
        both(lambda n: f"{n(watts, 0)} W / ({phases} × {n(volts)} V) = {n(derived)} A"),
        DERIVED_CURRENT,
        True,
    )


def _charging(inverter: Inverter, charge: float, source: str, source_en: str) -> PortCurrent:
    watts = inverter.max_charge_power_kw * 1000
    phases, volts = inverter.phases, inverter.nominal_voltage_v
    return PortCurrent(
        charge,
        both(lambda n: f"{n(watts, 0)} W / ({phases} × {n(volts)} V) = {n(charge)} A"),
        (
            f"laden uit het net bij het max. laadvermogen is meer dan de uitgangsstroom, {source}",
            f"charging from the grid at the max. charge power exceeds the output current, "
            f"{source_en}",
        ),
        False,
    )


def grid_port_breaker_a(inverter: Inverter, backup: str) -> float | None:
    """The breaker the grid-port circuit gets before any cable forces a larger one: the
    manufacturer's recommendation when it carries Ib, else the smallest standard rating ≥ Ib."""
    ib = grid_port_current(inverter, backup).value
    recommended = inverter.recommended_ac_breaker_a
    if recommended is not None and recommended + EPSILON >= ib:
        return recommended
    return next((r for r in tables.breaker_ratings() if r + EPSILON >= ib), None)
