"""Findings about fault protection (``fault.*``) and RCDs in series (``rcd.*``)."""

from __future__ import annotations

from sizing.findings.registry import Entry
from sizing.schema import Severity

_TABLE = "sizing/tables/fault_protection.json"

ENTRIES = (
    Entry(
        "fault.breaking_capacity",
        Severity.ERROR,
        nl="Het kortsluitvermogen van {device} ({breaking_ka:n} kA) is kleiner dan de "
        "kortsluitstroom in de groepenkast ({ik_ka:n} kA): bij een kortsluiting kan het toestel "
        "de stroom niet veilig onderbreken. Kies een toestel met een groter kortsluitvermogen of "
        "laat de netbeheerder de werkelijke kortsluitstroom opgeven.",
        en="The breaking capacity of {device} ({breaking_ka:n} kA) is below the short-circuit "
        "current at the board ({ik_ka:n} kA): it cannot interrupt a short circuit safely. Choose a "
        "device with a higher breaking capacity or have the grid operator state the actual "
        "short-circuit current.",
        reference=f"IEC 60364-4-43:2008 434.5.1; {_TABLE} ik_max_default_ka",
    ),
    Entry(
        "fault.breaking_capacity_unknown",
        Severity.WARNING,
        nl="Het kortsluitvermogen van {devices} staat niet in de catalogus. Controleer op het "
        "toestel dat het minstens {ik_ka:n} kA is (de kortsluitstroom in de groepenkast) en laat "
        "het in de catalogus zetten.",
        en="The breaking capacity of {devices} is not in the catalogue. Check on the device "
        "that it is at least {ik_ka:n} kA (the short-circuit current at the board) and have it "
        "added to the catalogue.",
        reference="IEC 60364-4-43:2008 434.5.1",
    ),
    Entry(
        "fault.zs_too_high",
        Severity.ERROR,
        nl="De foutlusimpedantie aan het eind van deze kring is {zs:n} Ω, meer dan {zs_max:n} Ω "
        "voor een {curve}{rating:n}: bij een aardfout schakelt de automaat niet op tijd af. "
        "Kies een dikkere kabel, een kortere route of een automaat met een lagere "
        "aanspreekstroom.",
        en="The earth-fault loop impedance at the far end of this circuit is {zs:n} Ω, more than "
        "{zs_max:n} Ω for a {curve}{rating:n}: on an earth fault the breaker does not disconnect "
        "in time. Choose a larger cable, a shorter route or a breaker with a lower tripping "
        "current.",
        reference="IEC 60364-4-41 411.4.4 (Zs × Ia ≤ U0, tabel 41.1); IEC 60898-1",
    ),
    Entry(
        "fault.adiabatic",
        Severity.ERROR,
        nl="De kabel van {csa:n1} mm² verdraagt bij kortsluiting k²S² = {k2s2:n0} A²s, minder "
        "dan de doorlaatwaarde I²t = {i2t:n0} A²s van de automaat: de isolatie kan beschadigen "
        "voordat hij afschakelt. Kies een dikkere kabel.",
        en="The {csa:n1} mm² cable withstands k²S² = {k2s2:n0} A²s in a short circuit, less than "
        "the breaker's let-through I²t = {i2t:n0} A²s: its insulation can be damaged before the "
        "breaker opens. Choose a larger cable.",
        reference="IEC 60364-4-43:2008 434.5.2, tabel 43A",
    ),
    Entry(
        "fault.adiabatic_assumed",
        Severity.WARNING,
        nl="Met de aangenomen kortsluitstroom van {ik_ka:n} kA verdraagt de kabel van {csa:n1} mm² "
        "k²S² = {k2s2:n0} A²s, minder dan de bovengrens I²t = {i2t:n0} A²s van een automaat in "
        "energieklasse 3. Geef de werkelijke kortsluitstroom op (netbeheerder of meting) of kies "
        "een dikkere kabel.",
        en="With the assumed short-circuit current of {ik_ka:n} kA the {csa:n1} mm² cable "
        "withstands k²S² = {k2s2:n0} A²s, less than the upper bound I²t = {i2t:n0} A²s of an "
        "energy-limiting class 3 breaker. Enter the actual short-circuit current (grid operator "
        "or measurement) or choose a larger cable.",
        reference=f"IEC 60364-4-43:2008 434.5.2, tabel 43A; {_TABLE} ik_max_default_ka",
    ),
    Entry(
        "fault.let_through_unknown",
        Severity.WARNING,
        nl="De doorlaatwaarde I²t van {device} bij {ik_ka:n} kA is onbekend (geen "
        "energiebegrenzingsklasse voor deze karakteristiek of stroom). Controleer met de "
        "doorlaatkromme van de fabrikant dat ze onder k²S² = {k2s2:n0} A²s van de kabel blijft.",
        en="The let-through I²t of {device} at {ik_ka:n} kA is unknown (no energy-limiting class "
        "for this curve or rating). Check with the maker's let-through curve that it stays below "
        "the cable's k²S² = {k2s2:n0} A²s.",
        reference="IEC 60364-4-43:2008 434.5.2",
    ),
    Entry(
        "fault.tt_touch_voltage",
        Severity.ERROR,
        nl="TT-stelsel: RA × IΔn = {ra:n} Ω × {sensitivity_ma:n} mA = {touch_v:n} V, meer dan "
        "{limit_v:n} V. Verlaag de spreidingsweerstand van de aardelektrode of kies een "
        "gevoeliger aardlekbeveiliging.",
        en="TT system: RA × IΔn = {ra:n} Ω × {sensitivity_ma:n} mA = {touch_v:n} V, more than "
        "{limit_v:n} V. Lower the earth electrode's resistance or choose a more sensitive RCD.",
        reference="IEC 60364-4-41 411.5.3",
    ),
    Entry(
        "fault.zs_unknown",
        Severity.INFO,
        nl="De foutlusimpedantie van deze kring is niet berekend ({why}); meet Zs bij de "
        "oplevering en houd haar onder de grens op de inbedrijfstellingspagina.",
        en="The earth-fault loop impedance of this circuit was not calculated ({why}); measure "
        "Zs at commissioning and keep it below the limit on the commissioning page.",
        reference="IEC 60364-4-41 411.4.4; IEC 60364-6 (verificatie)",
        choices={
            "why": {
                "no_cable": ("de kabel is niet bekend", "the cable is not known"),
                "no_breaker": ("de beveiliging is niet bekend", "the protection is not known"),
            }
        },
    ),
    Entry(
        "rcd.type_a_upstream_of_b",
        Severity.ERROR,
        nl="De {upstream} (type {up_type}) zit vóór de {downstream} (type B). Gladde "
        "gelijkstroom kan de voorliggende type {up_type} verblinden, zodat hij niet meer "
        "afschakelt. Vervang hem door een type B of zet de type B-kring niet achter hem.",
        en="The {upstream} (type {up_type}) is upstream of the {downstream} (type B). Smooth DC "
        "residual current can blind the upstream type {up_type} device so that it no longer trips. "
        "Replace it with a type B or do not place the type B circuit behind it.",
        reference="IEC 60364-5-53 531.3, 535.3; Schneider white paper type B; IET Wiring Matters",
    ),
    Entry(
        "rcd.not_selective",
        Severity.WARNING,
        nl="De {upstream} ({up_ma:n} mA{up_delay}) en {downstream} ({down_ma:n} mA) staan in serie "
        "maar zijn niet selectief: bij een aardfout daarachter kan ook de {upstream} afschakelen. "
        "Selectief is een vertraagde (S-)aardlekschakelaar vóór met minstens {factor} × de "
        "aanspreekstroom van de achterliggende.",
        en="The {upstream} ({up_ma:n} mA{up_delay}) and {downstream} ({down_ma:n} mA) are in "
        "series but not selective: an earth fault behind them can also trip the {upstream}. "
        "Selective means a time-delayed (S) RCD upstream with at least {factor} × the downstream "
        "device's rated residual current.",
        reference="IEC 60364-5-53 535.3",
        choices={"up_delay": {"s": (", type S", ", type S"), "none": ("", "")}},
    ),
    Entry(
        "rcd.backup_not_selective",
        Severity.INFO,
        nl="Met het net aanwezig lopen de noodstroomverbruikers door de omvormer en dus ook door "
        "de aardlekbeveiliging van de netpoort ({up_ma:n} mA). Een aardfout achter de "
        "backup-beveiliging ({down_ma:n} mA) kan daardoor eerst de netpoort afschakelen; de "
        "omvormer gaat dan in eilandbedrijf en de backup-beveiliging beschermt verder. Zoek een "
        "fout daarom ook achter de backup-beveiliging.",
        en="With the grid present the backup loads run through the inverter and so through the "
        "grid port's RCD ({up_ma:n} mA). An earth fault behind the backup protection "
        "({down_ma:n} mA) can therefore trip the grid port first; the inverter then runs in "
        "island mode and the backup protection protects on its own. Look for a fault behind the "
        "backup protection too.",
        reference="IEC 60364-5-53 535.3",
    ),
)
