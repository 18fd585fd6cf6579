"""Findings about a battery circuit's inputs: its cable run and its design current."""

from __future__ import annotations

from sizing.findings.registry import Entry
from sizing.schema import Severity

ENTRIES = (
    Entry(
        "circuit.default_run",
        Severity.WARNING,
        nl="Geen kabeltraject opgegeven voor '{name}': gerekend met een voorzichtige aanname "
        "({length_m:n} m, methode {method}, {insulation}, {ambient_c:n} °C). Vul lengte, "
        "installatiemethode en temperatuur in.",
        en="No cable run given for '{name}': calculated with a conservative assumption "
        "({length_m:n} m, method {method}, {insulation}, {ambient_c:n} °C). Enter the length, "
        "installation method and temperature.",
        reference="Keuzehulp-ontwerpregel: aangenomen kabeltraject als de installateur er "
        "geen opgeeft",
    ),
    Entry(
        "circuit.current_from_power",
        Severity.INFO,
        nl="De catalogus geeft geen stroom voor de netpoort van de {inverter}; de ontwerpstroom "
        "{current_a:n} A is berekend uit het vermogen. Vraag de maximale AC-stroom bij de "
        "fabrikant op en laat hem in de catalogus zetten.",
        en="The catalogue gives no grid-port current for the {inverter}; the design current "
        "{current_a:n} A is computed from the power. Ask the maker for the maximum AC current "
        "and have it added to the catalogue.",
        reference="Vekto-brochure AlphaESS SMILE G3 (2025): geen uitgangsstromen voor de "
        "T-modellen",
    ),
)
