"""Findings about sizing one cable and its breaker (IEC 60898-1, IEC 60364-5-52 Annex B, G).

A reference that names a table (``{table}``) is the table the calculation used, as
:mod:`sizing.tables` cites it.
"""

from __future__ import annotations

from sizing import tables
from sizing.findings.registry import Entry
from sizing.findings.sources import COORDINATION, PREFERRED_RATINGS
from sizing.schema import Severity

# Why the drop stays over target: nothing larger in the table, or the installer's forced size.
DROP_FIX = {
    "beyond_table": (
        " Ook de grootste doorsnede uit de tabel ({csa:n1} mm²) haalt het doel niet; meer dan "
        "300 mm² of een kortere route is nodig.",
        " Even the largest cross-section of the table ({csa:n1} mm²) misses the target; more "
        "than 300 mm² or a shorter route is needed.",
    ),
    "larger": (
        " Kies een grotere doorsnede of een kortere route.",
        " Choose a larger cross-section or a shorter route.",
    ),
}

_BREAKERS = (
    Entry(
        "cable.breaker_non_standard",
        Severity.WARNING,
        nl="{in_a:n} A is geen voorkeurswaarde volgens IEC 60898-1 ({ratings:n list} A). "
        "Controleer of deze automaat leverbaar is.",
        en="{in_a:n} A is not a preferred rating of IEC 60898-1 ({ratings:n list} A). Check "
        "that this breaker exists.",
        reference=PREFERRED_RATINGS,
    ),
    Entry(
        "cable.breaker_below_load",
        Severity.ERROR,
        nl="De automaat van {in_a:n} A is kleiner dan de ontwerpstroom van {ib:n} A: hij "
        "schakelt af bij vol vermogen. Nodig is Ib ≤ In; kies minstens {at_least:n} A.",
        en="The {in_a:n} A breaker is below the design current of {ib:n} A: it trips at full "
        "power. Ib ≤ In is required; choose at least {at_least:n} A.",
        reference=COORDINATION,
    ),
    Entry(
        "cable.breaker_out_of_range",
        Severity.ERROR,
        nl="Een ontwerpstroom van {ib:n} A is groter dan de grootste voorkeurswaarde van "
        "IEC 60898-1 ({largest:n} A). Dit valt buiten de installatieautomaten; laat de "
        "beveiliging apart ontwerpen.",
        en="A design current of {ib:n} A exceeds the largest preferred rating of IEC 60898-1 "
        "({largest:n} A). This is beyond miniature circuit-breakers; have the protection "
        "designed separately.",
        reference=PREFERRED_RATINGS,
    ),
)

_TABLES = (
    Entry(
        "cable.method_not_tabulated",
        Severity.ERROR,
        nl="Methode {method} met {loaded} belaste aders ({insulation}) staat niet in de "
        "tabellen: IEC 60364-5-52 geeft voor enkeladerige kabels in vrije lucht alleen de "
        "driefasewaarden die wij hebben kunnen controleren. Kies methode E (meeraderige kabel).",
        en="Method {method} with {loaded} loaded conductors ({insulation}) is not in the "
        "tables: for single-core cables in free air only the three-phase columns could be "
        "verified. Choose method E (multi-core cable).",
        reference="IEC 60364-5-52:2009 tabellen B.52.10/B.52.12 "
        "(geen kolom F voor 2 belaste aders)",
    ),
    Entry(
        "cable.not_tabulated",
        Severity.ERROR,
        nl="{csa:n1} mm² is geen doorsnede uit {table} ({sizes:n1 list} mm²).",
        en="{csa:n1} mm² is not a cross-section of {table} ({sizes:n1 list} mm²).",
        reference="{table_reference}",
    ),
    Entry(
        "cable.method_f_small",
        Severity.ERROR,
        nl="Methode F (enkeladerige kabels in vrije lucht) is pas vanaf {smallest:n} mm² "
        "getabelleerd; {csa:n1} mm² staat niet in {table}. Kies methode E (meeraderige kabel) "
        "of een grotere doorsnede.",
        en="Method F (single-core cables in free air) is tabulated from {smallest:n} mm² only; "
        "{csa:n1} mm² is not in {table}. Choose method E (multi-core cable) or a larger "
        "cross-section.",
        reference="{table_reference} "
        "(IEC geeft voor methode F geen enkeladerige waarden onder 25 mm²)",
    ),
    Entry(
        "cable.method_f_minimum",
        Severity.INFO,
        nl="Methode F is pas vanaf {csa:n1} mm² getabelleerd; daarom is het minstens {csa:n1} "
        "mm² geworden. Met een meeraderige kabel (methode E) kan een kleinere doorsnede "
        "volstaan.",
        en="Method F is tabulated from {csa:n1} mm² only, so the result is at least {csa:n1} "
        "mm². A multi-core cable (method E) may allow a smaller cross-section.",
        reference="IEC 60364-5-52:2009 tabellen B.52.10/B.52.12 kolom 5 (methode F enkeladerig "
        "pas vanaf 25 mm²)",
    ),
    Entry(
        "cable.too_large",
        Severity.ERROR,
        nl="Geen doorsnede tot {largest:n1} mm² voldoet: ook {largest:n1} mm² geeft maar Iz = "
        "{iz_max:n} A bij In = {in_a:n} A. Meer dan {largest:n1} mm² staat niet in de "
        "tabellen; verdeel de belasting of kies een andere installatiemethode.",
        en="No cross-section up to {largest:n1} mm² will do: even {largest:n1} mm² only gives "
        "Iz = {iz_max:n} A for In = {in_a:n} A. More than {largest:n1} mm² is not in the "
        "tables; split the load or choose another installation method.",
        reference="IEC 60364-5-52:2009 bijlage B (de tabellen eindigen bij 300 mm²)",
    ),
    Entry(
        "cable.undersized",
        Severity.ERROR,
        nl="{csa:n1} mm² is te dun: Iz = {iz0:n1} × {factors} = {iz:n} A is kleiner dan de "
        "beveiliging In = {in_a:n} A. De kabel wordt niet tegen overbelasting beschermd.{fix}",
        en="{csa:n1} mm² is too small: Iz = {iz0:n1} × {factors} = {iz:n} A is below the "
        "breaker rating In = {in_a:n} A. The cable is not protected against overload.{fix}",
        reference=f"{COORDINATION} (Ib ≤ In ≤ Iz); {{table_reference}}",
        choices={
            "fix": {
                "larger": (
                    " Nodig is minstens {needed:n1} mm².",
                    " At least {needed:n1} mm² is needed.",
                ),
                "none": (
                    " Geen doorsnede uit de tabel voldoet.",
                    " No cross-section of the table will do.",
                ),
            }
        },
    ),
)

_FACTORS = (
    Entry(
        "cable.ambient_below_table",
        Severity.INFO,
        nl="{ambient_c:n} °C ligt onder de tabel ({lowest_c:n} °C is de laagste rij); de factor "
        "van {lowest_c:n} °C is gebruikt. Dat is veilig: kouder geeft meer stroom, maar de "
        "tabel wordt niet doorgetrokken.",
        en="{ambient_c:n} °C is below the table ({lowest_c:n} °C is the lowest row); the factor "
        "for {lowest_c:n} °C is used. That is safe: colder allows more current, but the table "
        "is not extrapolated.",
        reference="{table}",
    ),
    Entry(
        "cable.ambient_out_of_range",
        Severity.ERROR,
        nl="Een temperatuur van {ambient_c:n} °C in {medium} staat niet in {table} voor "
        "{insulation} (tabel tot {highest_c:n} °C). Er wordt niet geëxtrapoleerd: kies een "
        "koelere route{xlpe}.",
        en="An {medium} temperature of {ambient_c:n} °C is not in {table} for {insulation} "
        "(table up to {highest_c:n} °C). Nothing is extrapolated: choose a cooler route{xlpe}.",
        reference="{table}",
        choices={
            "medium": {"air": ("lucht", "air"), "ground": ("grond", "ground")},
            "xlpe": {"suggest": (" of XLPE-isolatie", " or XLPE insulation"), "none": ("", "")},
        },
    ),
    Entry(
        "cable.arrangement_mismatch",
        Severity.WARNING,
        nl="Ligging '{arrangement}' (B.52.17 item {item}) hoort bij methode {methods:list}, "
        "niet bij {method}. Item 1 (gebundeld) is gebruikt, de voorzichtigste rij.",
        en="Arrangement '{arrangement}' (B.52.17 item {item}) belongs to method "
        "{methods:list}, not {method}. Item 1 (bunched) is used, the most conservative row.",
        reference="{table}",
    ),
    Entry(
        "cable.arrangement_buried",
        Severity.WARNING,
        nl="Ligging '{arrangement}' (B.52.17 item {item}) geldt voor kabels in de lucht, niet "
        "voor methode {method} in de grond. Voor de groepering is {table} gebruikt met de "
        "kabels aanliggend, de voorzichtigste kolom.",
        en="Arrangement '{arrangement}' (B.52.17 item {item}) is for cables in air, not for "
        "method {method} in the ground. Grouping uses {table} with the cables touching, the "
        "most conservative column.",
        reference="{table}",
    ),
    Entry(
        "cable.soil_below_table",
        Severity.INFO,
        nl="Een bodemweerstand van {rho:n} K·m/W ligt onder de tabel; de factor van {lowest:n} "
        "K·m/W is gebruikt (niet geëxtrapoleerd).",
        en="A soil resistivity of {rho:n} K·m/W is below the table; the factor for {lowest:n} "
        "K·m/W is used (not extrapolated).",
        reference="{table}",
    ),
    Entry(
        "cable.soil_out_of_range",
        Severity.ERROR,
        nl="Een bodemweerstand van {rho:n} K·m/W staat niet in {table} (tot {highest:n} K·m/W). "
        "Er wordt niet geëxtrapoleerd.",
        en="A soil resistivity of {rho:n} K·m/W is not in {table} (up to {highest:n} K·m/W). "
        "Nothing is extrapolated.",
        reference="{table}",
    ),
)

_VOLTAGE_DROP = (
    Entry(
        "cable.voltage_drop",
        Severity.WARNING,
        nl="Spanningsval {drop_pct:n} % is groter dan het doel van {target_pct:n} % (binnen de "
        "grens van {limit_pct:n} %). Een omvormer verhoogt bij teruglevering de spanning en "
        "schakelt af boven 253 V.{fix}",
        en="Voltage drop {drop_pct:n} % exceeds the target of {target_pct:n} % (within the limit "
        "of {limit_pct:n} %). An inverter raises the voltage when exporting and trips above "
        "253 V.{fix}",
        reference=lambda: (
            f"IEC 60364-5-52:2009 bijlage G; {tables.rule('voltage_drop_target_pct').basis_nl}"
        ),
        reference_en=lambda: (
            f"IEC 60364-5-52:2009 Annex G; {tables.rule('voltage_drop_target_pct').basis}"
        ),
        choices={"fix": DROP_FIX},
    ),
    Entry(
        "cable.voltage_drop_limit",
        Severity.ERROR,
        nl="Spanningsval {drop_pct:n} % is groter dan de grens van {limit_pct:n} %.{fix}",
        en="Voltage drop {drop_pct:n} % exceeds the limit of {limit_pct:n} %.{fix}",
        reference="IEC 60364-5-52:2009 tabel G.52.1 (type A, ander gebruik: 5 %); "
        "NEN 1010 max. 5 %",
        reference_en="IEC 60364-5-52:2009 Table G.52.1 (type A, other uses: 5 %); "
        "NEN 1010 max. 5 %",
        choices={"fix": DROP_FIX},
    ),
)

ENTRIES = _BREAKERS + _TABLES + _FACTORS + _VOLTAGE_DROP
