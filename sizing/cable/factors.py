"""Correction factors for a cable run: IEC 60364-5-52 Tables B.52.14 to B.52.19.

Between two rows the conservative row is used (the warmer temperature, the next
larger group, the higher soil resistivity); below a table its first row; above
it nothing: a finding says so and the caller stops. Never an interpolation or
an extrapolation.
"""

from __future__ import annotations

from dataclasses import dataclass

from sizing import tables
from sizing.constants import EPSILON
from sizing.findings import Phrase
from sizing.notes import NL, Notes, Text, Writer, both, en, kf, kf_en, nl
from sizing.schema import CableRequest

BURIED = ("D1", "D2")
_GROUPING_ITEMS = {
    "bunched": 1,
    "single_layer_wall": 2,
    "single_layer_ceiling": 3,
    "perforated_tray": 4,
    "ladder": 5,
}


TEMPERATURE: Text = ("Temperatuurfactor k_temp", "Temperature factor k_temp")
GROUPING: Text = ("Groeperingsfactor k_group", "Grouping factor k_group")
SOIL: Text = ("Bodemfactor k_soil", "Soil factor k_soil")


@dataclass(frozen=True, slots=True)
class Factor:
    value: float
    is_default: bool = False


def temperature_factor(request: CableRequest, run: Notes) -> Factor | None:
    ambient = request.ambient_c
    buried = request.method in BURIED
    if buried:
        table = tables.ground_temperature_factors(request.insulation)
        medium, medium_en, reference_temp = "grond", "ground", "20 °C"
    else:
        table = tables.air_temperature_factors(request.insulation)
        medium, medium_en, reference_temp = "lucht", "air", "30 °C"
    table_nl, table_en = tables.cite(table.table)
    insulation = request.insulation
    first_t, first_k = table.first
    if ambient < first_t - EPSILON:
        run.finding(
            "cable.ambient_below_table", ambient_c=ambient, lowest_c=first_t, table=table.table
        )
        run.step(
            "cable.k_temp",
            TEMPERATURE,
            (
                f"{kf(first_k)} (rij {nl(first_t)} °C; omgeving {nl(ambient)} °C in {medium})",
                f"{kf_en(first_k)} (row {en(first_t)} °C; ambient {en(ambient)} °C in {medium_en})",
            ),
            (
                f"{table_nl}, {insulation}, {nl(first_t)} °C",
                f"{table_en}, {insulation}, {en(first_t)} °C",
            ),
        )
        return Factor(first_k)
    row = table.at_or_above(ambient)
    if row is None:
        run.finding(
            "cable.ambient_out_of_range",
            ambient_c=ambient,
            medium="ground" if buried else "air",
            table=table.table,
            insulation=request.insulation,
            highest_c=table.last[0],
            xlpe="suggest" if request.insulation == "PVC" else "none",
        )
        return None
    row_t, k = row
    if abs(row_t - ambient) < EPSILON:
        value = (
            f"{kf(k)} ({nl(ambient)} °C in {medium}; referentie {reference_temp})",
            f"{kf_en(k)} ({en(ambient)} °C in {medium_en}; reference {reference_temp})",
        )
    else:
        value = (
            f"{kf(k)} (omgeving {nl(ambient)} °C ligt tussen twee rijen: de warmere rij "
            f"{nl(row_t)} °C is gebruikt, niet geïnterpoleerd)",
            f"{kf_en(k)} (ambient {en(ambient)} °C lies between two rows: the warmer row "
            f"{en(row_t)} °C is used, not interpolated)",
        )
    run.step(
        "cable.k_temp",
        TEMPERATURE,
        value,
        (f"{table_nl}, {insulation}, {nl(row_t)} °C", f"{table_en}, {insulation}, {en(row_t)} °C"),
    )
    return Factor(k)


def _circuits(n: int) -> tuple[str, str]:
    """'1 stroomkring' / '3 stroomkringen' and '1 circuit' / '3 circuits'."""
    return (
        f"{n} stroomkring{'' if n == 1 else 'en'}",
        f"{n} circuit{'' if n == 1 else 's'}",
    )


def _cite_rows(reference: str, rows: int) -> tuple[str, str]:
    """A grouping table's row, cited as (Dutch, English)."""
    nl, en = _circuits(rows)
    return f"{tables.cite_nl(reference)}, {nl}", f"{reference}, {en}"


def grouping_factor(request: CableRequest, run: Notes) -> Factor | None:
    n = request.grouped_circuits
    if request.method in BURIED:
        table = tables.buried_grouping_factors(request.method)
        row = table.at_or_above(n)
        assert row is not None  # the schema caps grouped_circuits at the table's last count
        row_n, k = row
        if request.grouping_arrangement is not None:
            # B.52.17's arrangements are for cables in air; the buried tables have their own
            # (touching or spaced), so the arrangement given cannot be applied: say so.
            item = tables.grouping_item(_GROUPING_ITEMS.get(request.grouping_arrangement, 1))
            run.finding(
                "cable.arrangement_buried",
                arrangement=Phrase(item.arrangement_nl, item.arrangement),
                item=item.item,
                method=request.method,
                table=f"{table.table}, {table.column}",
            )
        circuits_nl, circuits_en = _circuits(n)
        if row_n == n:
            rounded_nl = rounded_en = ""
        else:
            rounded_nl = f"; {n} staat niet in de tabel, rij {int(row_n)} gebruikt"
            rounded_en = f"; {n} is not in the table, row {int(row_n)} used"
        run.step(
            "cable.k_group",
            GROUPING,
            (
                f"{kf(k)} ({circuits_nl}, aanliggend{rounded_nl})",
                f"{kf_en(k)} ({circuits_en}, touching{rounded_en})",
            ),
            _cite_rows(f"{table.table}, {table.column}", int(row_n)),
        )
        return Factor(k)
    item_number = _GROUPING_ITEMS.get(request.grouping_arrangement or "bunched", 1)
    item = tables.grouping_item(item_number)
    if request.method not in item.use_with:
        run.finding(
            "cable.arrangement_mismatch",
            arrangement=Phrase(item.arrangement_nl, item.arrangement),
            item=item.item,
            methods=item.use_with,
            method=request.method,
            table=item.factors.table,
        )
        item = tables.grouping_item(1)
    row = item.factors.at_or_above(n)
    if row is None:
        # Items 2 to 5 stop at nine circuits: "no further reduction" beyond.
        row_n, k = item.factors.last
        note_nl = f"; boven {int(row_n)} geen verdere reductie"
        note_en = f"; no further reduction above {int(row_n)}"
    else:
        row_n, k = row
        if row_n == n:
            note_nl = note_en = ""
        else:
            note_nl = f"; {n} staat niet in de tabel, rij {int(row_n)} gebruikt"
            note_en = f"; {n} is not in the table, row {int(row_n)} used"
    circuits_nl, circuits_en = _circuits(n)
    run.step(
        "cable.k_group",
        GROUPING,
        (
            f"{kf(k)} ({circuits_nl}, item {item.item}: {item.arrangement_nl}{note_nl})",
            f"{kf_en(k)} ({circuits_en}, item {item.item}: {item.arrangement}{note_en})",
        ),
        _cite_rows(f"{item.factors.table}, item {item.item}", int(row_n)),
    )
    return Factor(k)


def soil_factor(request: CableRequest, run: Notes) -> Factor | None:
    rho = request.soil_resistivity_km_w
    if request.method not in BURIED:
        if rho is not None:
            run.step(
                "cable.k_soil",
                SOIL,
                (
                    "niet van toepassing (kabel niet in de grond)",
                    "not applicable (not in the ground)",
                ),
                (
                    "IEC 60364-5-52:2009 tabel B.52.16 geldt alleen voor methode D1 en D2",
                    "IEC 60364-5-52:2009 Table B.52.16 applies to methods D1 and D2 only",
                ),
            )
        return Factor(1.0)
    table = tables.soil_factors(request.method)
    table_nl, table_en = tables.cite(table.table)
    if rho is None:
        run.step(
            "cable.k_soil",
            SOIL,
            (
                "1,00 (referentie 2,5 K·m/W; geen bodemweerstand opgegeven)",
                "1.00 (reference 2.5 K·m/W; no soil resistivity given)",
            ),
            (
                f"{table_nl}: referentiewaarde van de tabellen B.52.2 t/m B.52.5",
                f"{table_en}: reference value of Tables B.52.2 to B.52.5",
            ),
            is_default=True,
        )
        return Factor(1.0, is_default=True)
    first_rho, first_k = table.first
    if rho < first_rho - EPSILON:
        row_rho, k = first_rho, first_k
        note_nl = f"; onder de tabel, rij {nl(first_rho)} K·m/W gebruikt (voorzichtig)"
        note_en = f"; below the table, row {en(first_rho)} K·m/W used (conservative)"
        run.finding("cable.soil_below_table", rho=rho, lowest=first_rho, table=table.table)
    else:
        row = table.at_or_above(rho)
        if row is None:
            run.finding(
                "cable.soil_out_of_range", rho=rho, highest=table.last[0], table=table.table
            )
            return None
        row_rho, k = row
        if row_rho == rho:
            note_nl = note_en = ""
        else:
            note_nl = f"; tussen twee kolommen, {nl(row_rho)} K·m/W gebruikt"
            note_en = f"; between two columns, {en(row_rho)} K·m/W used"
    run.step(
        "cable.k_soil",
        SOIL,
        (f"{kf(k)} ({nl(rho)} K·m/W{note_nl})", f"{kf_en(k)} ({en(rho)} K·m/W{note_en})"),
        (
            f"{table_nl}, {request.method}, {nl(row_rho)} K·m/W",
            f"{table_en}, {request.method}, {en(row_rho)} K·m/W",
        ),
    )
    return Factor(k)


def factor_product_text(
    request: CableRequest, k_temp: Factor, k_group: Factor, k_soil: Factor, n: Writer = NL
) -> str:
    parts = [n.k(k_temp.value), n.k(k_group.value)]
    if request.method in BURIED:
        parts.append(n.k(k_soil.value))
    return " × ".join(parts)


def k_total_text(
    request: CableRequest, k_temp: Factor, k_group: Factor, k_soil: Factor, k_total: float
) -> tuple[Text, Text]:
    """The value and the basis of the combined correction factor, both in both languages."""
    formula = "k_temp × k_group × k_soil" if request.method in BURIED else "k_temp × k_group"
    return (
        both(
            lambda n: (
                f"k = {formula} = "
                f"{factor_product_text(request, k_temp, k_group, k_soil, n)} = {n(k_total, 4)}"
            )
        ),
        (
            "IEC 60364-5-52:2009 bijlage B: Iz = Iz0 × k_temp × k_group (× k_soil bij D1/D2)",
            "IEC 60364-5-52:2009 Annex B: Iz = Iz0 × k_temp × k_group (× k_soil for D1/D2)",
        ),
    )
