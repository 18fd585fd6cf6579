"""Findings about the inverter itself and where it goes on the connection."""

from __future__ import annotations

from sizing.findings.registry import Entry
from sizing.findings.sources import BROCHURE
from sizing.schema import Severity

# How to go on after an unknown code: the closest codes, or else the whole catalogue.
NEXT_STEP = {
    "suggest": ("Bedoelt u {suggestions:or}?", "Did you mean {suggestions:or}?"),
    "choose": ("Kies uit: {available:list}.", "Choose from: {available:list}."),
}

ENTRIES = (
    Entry(
        "inverter.unknown",
        Severity.ERROR,
        nl="Omvormer '{given}' staat niet in de catalogus. {next_step}",
        en="Inverter '{given}' is not in the catalogue. {next_step}",
        reference=f"{BROCHURE}, productoverzicht omvormers",
        choices={"next_step": NEXT_STEP},
    ),
    Entry(
        "inverter.phase_mismatch",
        Severity.ERROR,
        nl="De {inverter} is een driefase-omvormer en kan niet op een 1-fase aansluiting. "
        "Kies {alternative}, of laat de aansluiting verzwaren naar 3 fasen.",
        en="The {inverter} is a three-phase inverter and cannot go on a single-phase "
        "connection. Choose {alternative}, or have the connection upgraded to three phases.",
        reference=f"{BROCHURE}, specificaties omvormer: Fase (driefase)",
        choices={
            "alternative": {
                "listed": ("{alternatives:or}", "{alternatives:or}"),
                "none": ("een 1-fase omvormer", "a single-phase inverter"),
            }
        },
    ),
    Entry(
        "inverter.single_phase_on_three_phase",
        Severity.INFO,
        nl="De {inverter} is 1-fase en komt op {phase} van de 3-fase aansluiting. Dat mag: met "
        "3-fase compensatie verrekent hij via zijn meter laden en ontladen over alle fasen. "
        "{why} Verdeel opwek en grote verbruikers over de fasen: alle teruglevering op één "
        "fase geeft scheefbelasting en spanningsstijging op die fase, waardoor omvormers kunnen "
        "afschakelen.",
        en="The {inverter} is single-phase and goes on {phase} of the three-phase connection. "
        "That is allowed: with three-phase compensation it balances charging and discharging "
        "across all phases through its meter. {why} Spread generation and big loads over "
        "the phases: all feed-in on one phase unbalances the connection and raises that phase's "
        "voltage, which can make inverters trip.",
        reference=f"{BROCHURE}, specificaties SMILE-G3-S3.6/S5/B5: Fase '1-fase met 3-fase "
        "compensatie'; Netcode: opwek evenwichtig over de fasen verdelen",
        choices={
            "why": {
                "pv_on_l1": (
                    "Niet op L1, daar zit de bestaande PV al: zo komt niet alle opwek op één fase.",
                    "Not on L1, where the existing PV is: that keeps all generation off one phase.",
                ),
                "pv_spread": (
                    "De bestaande PV is over de drie fasen verdeeld; L1 is de standaardfase.",
                    "The existing PV is spread over the three phases; L1 is the default phase.",
                ),
                "pv_elsewhere": (
                    "L1 is de standaardfase; de bestaande PV zit op {pv_phase}.",
                    "L1 is the default phase; the existing PV is on {pv_phase}.",
                ),
                "no_pv": (
                    "L1 is de standaardfase; er is geen bestaande PV.",
                    "L1 is the default phase; there is no existing PV.",
                ),
            }
        },
    ),
)
