"""Findings of the heat calculation of the groepenkast (IEC TR 60890, IEC 61439-3)."""

from __future__ import annotations

from sizing.findings.registry import Entry
from sizing.schema import Severity

HEAT_REFERENCE = (
    "IEC TR 60890 (methode; constanten gedigitaliseerd uit de figuren); "
    "IEC 61439-3 (belastingsfactor); NEN-EN-IEC 61439-3: ontwerpverificatie door de samensteller"
)

ENTRIES = (
    Entry(
        "board.heat_default_losses",
        Severity.INFO,
        nl="Van {count} van de {total} apparaten in de groepenkast kent de catalogus het "
        "vermogensverlies van de fabrikant niet. De warmteberekening rekent daar met een "
        "voorzichtige standaardwaarde per soort apparaat ({kinds}); vul het verlies per "
        "pool van de fabrikant in de catalogus in voor een scherpere uitkomst.",
        en="For {count} of the {total} devices in the distribution board the catalogue lacks "
        "the maker's power loss. The heat calculation uses a conservative default per kind "
        "of device there ({kinds}); enter the maker's loss per pole in the catalogue "
        "for a sharper result.",
        reference=HEAT_REFERENCE,
    ),
    Entry(
        "board.heat_default_enclosure",
        Severity.INFO,
        nl="De buitenmaten van groepenkast {article} staan niet in de catalogus. De "
        "warmteberekening neemt een kleine kast van {width:n0} × {height:n0} × {depth:n0} mm "
        "aan (b × h × d); een grotere kast koelt beter.",
        en="The outer dimensions of enclosure {article} are not in the catalogue. The heat "
        "calculation assumes a small enclosure of {width:n0} × {height:n0} × {depth:n0} mm "
        "(w × h × d); a larger one cools better.",
        reference=HEAT_REFERENCE,
    ),
    Entry(
        "board.heat_above_reference",
        Severity.INFO,
        nl="De lucht bovenin de groepenkast wordt naar schatting {top:n0} °C (omgeving "
        "{ambient:n0} °C plus {rise:n1} K). Installatieautomaten zijn geijkt bij {reference:n0} "
        "°C; warmer schakelen ze bij een lagere stroom af. Pas de reductiefactor van de "
        "fabrikant voor automaten naast elkaar toe, vooral op de groepen die lang vol belast "
        "zijn (thuisbatterij, PV, laadpaal, warmtepomp), of houd ruimte tussen de apparaten.",
        en="The air at the top of the distribution board is estimated at {top:n0} °C (ambient "
        "{ambient:n0} °C plus {rise:n1} K). Circuit breakers are calibrated at {reference:n0} "
        "°C; warmer, they trip at a lower current. Apply the maker's derating factor for "
        "breakers side by side, above all on the circuits loaded fully for long periods (home "
        "battery, PV, EV charger, heat pump), or leave space between the devices.",
        reference=HEAT_REFERENCE,
    ),
    Entry(
        "board.heat_above_limit_estimate",
        Severity.INFO,
        nl="Op de voorzichtige standaardwaarden (verliezen en kastmaten die de catalogus niet "
        "kent) komt de lucht bovenin de groepenkast op naar schatting {top:n0} °C (omgeving "
        "{ambient:n0} °C plus {rise:n1} K), boven {limit:n0} °C. Dat is een bovengrens, geen "
        "uitkomst: reken na met de verliezen en maten van de fabrikant of kies een ruimere "
        "kast.",
        en="On the conservative defaults (losses and enclosure size the catalogue lacks) the "
        "air at the top of the distribution board comes to an estimated {top:n0} °C (ambient "
        "{ambient:n0} °C plus {rise:n1} K), above {limit:n0} °C. That is an upper bound, not a "
        "result: recalculate with the maker's losses and dimensions or choose a roomier "
        "enclosure.",
        reference=HEAT_REFERENCE,
    ),
    Entry(
        "board.heat_above_limit",
        Severity.WARNING,
        nl="De lucht bovenin de groepenkast wordt naar schatting {top:n0} °C (omgeving "
        "{ambient:n0} °C plus {rise:n1} K), boven de grens van {limit:n0} °C {limit_basis}. "
        "Kies een grotere kast, verdeel de apparaten met ruimte ertussen of over twee kasten, "
        "en pas de reductiefactor van de fabrikant voor automaten naast elkaar toe.",
        en="The air at the top of the distribution board is estimated at {top:n0} °C (ambient "
        "{ambient:n0} °C plus {rise:n1} K), above the limit of {limit:n0} °C {limit_basis}. "
        "Choose a larger enclosure, spread the devices with space between them or over two "
        "enclosures, and apply the maker's derating factor for breakers side by side.",
        reference=HEAT_REFERENCE,
        choices={
            "limit_basis": {
                "maker": ("van de kastfabrikant", "the enclosure's maker gives"),
                "default": (
                    "(de hoogste temperatuur waarvoor fabrikanten reductie van modulaire "
                    "apparaten opgeven)",
                    "(the highest temperature for which makers give derating of modular devices)",
                ),
            },
        },
    ),
    Entry(
        "board.heat_not_computed",
        Severity.INFO,
        nl="De warmteberekening van de groepenkast is niet gemaakt: {reason}",
        en="The heat calculation of the distribution board was not made: {reason}",
        reference=HEAT_REFERENCE,
        choices={
            "reason": {
                "no_enclosure": (
                    "de kast van de bestaande groepenkast is niet opgegeven. Geef het "
                    "artikel van de kast op om de temperatuur te laten berekenen.",
                    "the enclosure of the existing board was not given. Give the enclosure's "
                    "article to have the temperature computed.",
                ),
                "unknown_enclosure": (
                    "kast {article} staat niet in de catalogus.",
                    "enclosure {article} is not in the catalogue.",
                ),
                "no_fit": (
                    "er is geen kast gekozen waarin alle apparaten passen.",
                    "no enclosure was chosen that holds every device.",
                ),
            },
        },
    ),
)
