"""What a Design copies of the catalogue so that its documents need nothing beside it.

A dossier printed from a saved Design must show the inverter as it was when
the design was made, not as the catalogue reads today; so the engine copies the
figures the documents print into the Design (pretix's invoices copy every
figure they print in the same way).
"""

from __future__ import annotations

from sizing.domain import Inverter
from sizing.schema import InverterSummary


def inverter_summary(inverter: Inverter) -> InverterSummary:
    return InverterSummary(
        system_code=inverter.system_code,
        model_code=inverter.model_code,
        article=inverter.article,
        family=inverter.family,
        phases=inverter.phases,
        coupling=inverter.coupling.value,
        power_kw=inverter.nominal_power_kw,
        max_charge_power_kw=inverter.max_charge_power_kw,
        grid_input_power_kw=inverter.grid_input_power_kw,
        voltage_v=inverter.nominal_voltage_v,
        grid_port_current_a=inverter.grid_port_current_a,
        backup_port_current_a=inverter.backup_port_current_a,
        max_ac_current_a=inverter.max_ac_current_a,
        has_pv_input=inverter.has_pv_input,
        pv_max_power_kw=inverter.pv_max_power_kw,
        pv_max_voltage_v=inverter.pv_max_voltage_v,
        mppt_count=inverter.mppt_count,
        strings_per_mppt=inverter.strings_per_mppt,
        pv_max_current_per_mppt_a=inverter.pv_max_current_per_mppt_a,
        ip_rating=inverter.ip_rating,
    )
