"""Findings about the grid connection: generation per phase, the main fuse, registration."""

from __future__ import annotations

from sizing.findings.registry import Entry
from sizing.findings.sources import BROCHURE
from sizing.schema import Severity
from sizing.system.limits import grid_limits

ENTRIES = (
    Entry(
        "grid.single_phase_generation_limit",
        Severity.WARNING,
        nl="Op {phase} komt {total_kw:n} kW opwek: {inverter_kw:n} kW van de {inverter}{pv}. "
        "Dat is meer dan de {limit_kw:n} kW die op één fase mag; de netbeheerder kan dit "
        "weigeren (scheefvoeding). {fix}",
        en="{total_kw:n} kW of generation ends up on {phase}: {inverter_kw:n} kW from the "
        "{inverter}{pv}. That is more than the {limit_kw:n} kW allowed on one phase; the grid "
        "operator may refuse it (unbalanced feed-in). {fix}",
        reference=lambda: grid_limits().single_phase_generation.reference,
        choices={
            "pv": {
                "existing": (" en {pv_kw:n} kW bestaande PV", " and {pv_kw:n} kW of existing PV"),
                "none": ("", ""),
            },
            "fix": {
                "single_phase_smaller": (
                    "Laat de aansluiting verzwaren naar 3 fasen of kies de kleinere {smaller}.",
                    "Have the connection upgraded to three phases or choose the smaller {smaller}.",
                ),
                "single_phase_connection": (
                    "Geen kleinere eenfase-omvormer blijft eronder: laat de aansluiting "
                    "verzwaren naar 3 fasen, of vraag de netbeheerder of dit vermogen op één "
                    "fase mag.",
                    "No smaller single-phase inverter stays below it: have the connection "
                    "upgraded to three phases, or ask the grid operator whether this power is "
                    "allowed on one phase.",
                ),
                "three_phase_connection": (
                    "Kies een driefase-omvormer of zet de bestaande PV op een andere fase.",
                    "Choose a three-phase inverter or move the existing PV to another phase.",
                ),
            },
        },
    ),
    Entry(
        "grid.export_main_fuse",
        Severity.WARNING,
        nl="Als de {inverter} op vol vermogen ontlaadt terwijl de PV opwekt en in huis weinig "
        "verbruikt wordt, gaat er op {phase} {current_a:n1} A terug het net in (waarvan "
        "{pv_a:n1} A PV), meer dan de hoofdzekering van {main_fuse_a:n} A. Begrens in het EMS "
        "het terugleververmogen van de batterij op {limit_kw:n} kW, anders kan de "
        "hoofdzekering aanspreken.",
        en="When the {inverter} discharges at full power while the PV generates and the house "
        "uses little, {current_a:n1} A flows back to the grid on {phase} (of which {pv_a:n1} A "
        "PV), more than the {main_fuse_a:n} A main fuse. Limit the battery's export power in "
        "the EMS to {limit_kw:n} kW, otherwise the main fuse may operate.",
        reference=f"{BROCHURE}, specificaties omvormer: nominaal uitgangsvermogen; "
        "aansluitwaarde (hoofdzekering) van de netbeheerder",
    ),
    Entry(
        "grid.pv_above_main_fuse",
        Severity.ERROR,
        nl="De bestaande PV-installatie van {pv_kw:n} kW levert {current_a:n1} A op {phase}, "
        "meer dan de hoofdzekering van {main_fuse_a:n} A. Geen groepsautomaat kan haar dan "
        "beveiligen zonder dat de hoofdzekering eerder aanspreekt. Controleer het vermogen en de "
        "fase van de PV, of vraag een zwaardere aansluiting aan.",
        en="The existing {pv_kw:n} kW PV installation delivers {current_a:n1} A on {phase}, "
        "more than the {main_fuse_a:n} A main fuse. No group breaker can then protect it "
        "without the main fuse operating first. Check the PV's power and phase, or ask for a "
        "larger connection.",
        reference="IEC 60364-4-43:2008 433.1 (Ib ≤ In); NEN 1010:2015/C1:2016 en 712 (eigen "
        "groep voor de PV); aansluitwaarde (hoofdzekering) van de netbeheerder",
        reference_en="IEC 60364-4-43:2008 433.1 (Ib ≤ In); NEN 1010:2015/C1:2016 and 712 (PV on "
        "its own final circuit); the grid operator's connection rating (main fuse)",
    ),
    Entry(
        "grid.main_fuse_capacity",
        Severity.WARNING,
        nl="Bij laden uit het net neemt de {inverter} tot {charge_kw:n} kW op: {current_a:n} A "
        "per fase ({where}). De hoofdzekering van {connection_phases}×{main_fuse_a:n} A laat "
        "daarvoor {available_a:n1} A over{household}. {fix}",
        en="When charging from the grid the {inverter} draws up to {charge_kw:n} kW: "
        "{current_a:n} A per phase ({where}). The {connection_phases}×{main_fuse_a:n} A main "
        "fuse leaves {available_a:n1} A for it{household}. {fix}",
        reference=f"{BROCHURE}, specificaties omvormer: max. laadvermogen; "
        "aansluitwaarde (hoofdzekering) van de netbeheerder",
        choices={
            "where": {
                "three_phases": ("verdeeld over L1, L2 en L3", "spread over L1, L2 and L3"),
                "one_phase": ("alles op {phase}", "all on {phase}"),
            },
            "household": {
                "load": (
                    " naast {household_load_a:n1} A huishoudelijk verbruik",
                    " next to {household_load_a:n1} A of household load",
                ),
                "none": ("", ""),
            },
            "fix": {
                "limit": (
                    "Begrens in het EMS het laadvermogen uit het net op {ems_kw:n} kW, anders "
                    "kan de hoofdzekering aanspreken.",
                    "Limit the charging power from the grid in the EMS to {ems_kw:n} kW, "
                    "otherwise the main fuse may blow.",
                ),
                "switch_off": (
                    "Zet laden uit het net in het EMS uit, anders kan de hoofdzekering aanspreken.",
                    "Disable charging from the grid in the EMS, otherwise the main fuse may blow.",
                ),
            },
        },
    ),
    Entry(
        "registration.energieleveren",
        Severity.INFO,
        nl="De {inverter} is een thuisbatterij van {power_kw:n} kW (vanaf {threshold_kw:n} kW "
        "geldt een meldplicht): meld het systeem aan bij de netbeheerder via "
        "energieleveren.nl, net als zonnepanelen.",
        en="The {inverter} is a {power_kw:n} kW home battery (registration is required from "
        "{threshold_kw:n} kW): register it with the grid operator at energieleveren.nl, as "
        "with solar panels.",
        reference=lambda: grid_limits().storage_registration.reference,
    ),
)
