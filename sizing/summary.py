"""What a Design copies of the catalogue so that its documents need nothing beside it.

A dossier printed from a saved Design must show the inverter as it was when
the design was made, not as the catalogue reads today; so the engine copies the
figures the documents print into the Design (pretix's invoices copy every
figure they print in the same way).
"""

from __future__ import annotations

from sizing.domain import Inverter
from sizing.schema import InverterSummary
from sizing.units import Quantity


def _in(quantity: Quantity | None, unit: str) -> float | None:
    return None if quantity is None else float(quantity.m_as(unit))


def inverter_summary(inverter: Inverter) -> InverterSummary:
    return InverterSummary(
        system_code=inverter.system_code,
        model_code=inverter.model_code,
        article=inverter.article,
        family=inverter.family,
        phases=inverter.phases,
        coupling=inverter.coupling.value,
        power_kw=float(inverter.nominal_power.m_as("kW")),
        max_charge_power_kw=float(inverter.max_charge_power.m_as("kW")),
        grid_input_power_kw=float(inverter.grid_input_power.m_as("kW")),
        voltage_v=float(inverter.nominal_voltage.m_as("V")),
        grid_port_current_a=_in(inverter.grid_port_current, "A"),
        backup_port_current_a=_in(inverter.backup_port_current, "A"),
        max_ac_current_a=_in(inverter.max_ac_current, "A"),
        has_pv_input=inverter.has_pv_input,
        pv_max_power_kw=_in(inverter.pv_max_power, "kW"),
        pv_max_voltage_v=_in(inverter.pv_max_voltage, "V"),
        mppt_count=inverter.mppt_count,
        strings_per_mppt=inverter.strings_per_mppt,
        pv_max_current_per_mppt_a=_in(inverter.pv_max_current_per_mppt, "A"),
        ip_rating=inverter.ip_rating,
    )
