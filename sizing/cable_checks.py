"""The checks of a cross-section: overload coordination, a forced cross-section, and the
findings for what the tables do not cover (method F below 25 mm², more than 300 mm²).
"""

from __future__ import annotations

from sizing import tables
from sizing.planning import Notes, Text, both, en, nl
from sizing.schema import CableRequest, CableResult, Severity
from sizing.voltage_drop import FORMULA, drop_finding, drop_texts, voltage_drop

EPSILON = 1e-9
COORDINATION = "IEC 60364-4-43:2008 433.1"


def smallest_by_current(
    column: tables.AmpacityColumn, k_total: float, in_a: float
) -> tuple[int, float, float] | None:
    for index, (csa, iz0) in enumerate(column.values):
        if iz0 * k_total + EPSILON >= in_a:
            return index, csa, iz0
    return None


def i2_step(in_a: float, iz: float, run: Notes) -> None:
    standard = tables.breaker_standard()
    k2 = float(standard["conventional_tripping_factor"])
    coordination = float(tables.rule("overload_coordination_factor").value)
    run.step(
        "cable.i2",
        both(lambda n: f"I2 ≤ {n(coordination)} × Iz"),
        both(
            lambda n: (
                f"I2 = {n(k2)} × {n(in_a)} = {n(k2 * in_a)} A ≤ {n(coordination)} × "
                f"{n(iz)} = {n(coordination * iz)} A"
            )
        ),
        (
            f"IEC 60898-1: conventionele afschakelstroom I2 = {nl(k2)} In; {COORDINATION}",
            f"IEC 60898-1: conventional tripping current I2 = {en(k2)} In; {COORDINATION}",
        ),
    )


def fill(
    result: CableResult,
    csa: float,
    iz0: float,
    k_total: float,
    drop_v: float,
    drop_pct: float,
    governed_by: str,
) -> None:
    result.csa_mm2 = csa
    result.iz0_a = iz0
    result.iz_a = round(iz0 * k_total, 2)
    result.voltage_drop_v = round(drop_v, 3)
    result.voltage_drop_pct = round(drop_pct, 3)
    result.governed_by = governed_by  # type: ignore[assignment]


def check_forced_csa(
    request: CableRequest,
    column: tables.AmpacityColumn,
    k_total: float,
    factor_text: Text,
    in_a: float,
    ib: float,
    u0: float,
    target: float,
    run: Notes,
    result: CableResult,
) -> None:
    csa = request.csa_mm2
    assert csa is not None
    iz0 = column.iz0(csa)
    if iz0 is None:
        if request.method == "F" and csa < column.values[0][0]:
            run.finding(
                "cable.method_f_small",
                Severity.ERROR,
                f"Methode F (enkeladerige kabels in vrije lucht) is pas vanaf "
                f"{nl(column.values[0][0])} mm² getabelleerd; {nl(csa, 1)} mm² staat niet in "
                f"{column.table}. Kies methode E (meeraderige kabel) of een grotere doorsnede.",
                f"Method F (single-core cables in free air) is tabulated from "
                f"{en(column.values[0][0])} mm² only; {en(csa, 1)} mm² is not in "
                f"{column.table}. Choose method E (multi-core cable) or a larger cross-section.",
                f"{column.reference} (IEC tabulates no single-core F below 25 mm²)",
            )
        else:
            standard = ", ".join(nl(v, 1) for v, _ in column.values)
            run.finding(
                "cable.not_tabulated",
                Severity.ERROR,
                f"{nl(csa, 1)} mm² is geen doorsnede uit {column.table} ({standard} mm²).",
                f"{en(csa, 1)} mm² is not a cross-section of {column.table} "
                f"({', '.join(en(v, 1) for v, _ in column.values)} mm²).",
                column.reference,
            )
        return
    iz = iz0 * k_total
    ok = iz + EPSILON >= in_a
    factors_nl, factors_en = factor_text
    compare = "≥" if ok else "<"
    table_nl, table_en = tables.cite(column.reference)
    run.step(
        "cable.forced_csa",
        ("Doorsnede (opgegeven)", "Cross-section (given)"),
        (
            f"{nl(csa, 1)} mm²: Iz = {nl(iz0, 1)} × {factors_nl} = {nl(iz)} A {compare} In = "
            f"{nl(in_a)} A",
            f"{en(csa, 1)} mm²: Iz = {en(iz0, 1)} × {factors_en} = {en(iz)} A {compare} In = "
            f"{en(in_a)} A",
        ),
        (
            f"opgave installateur; {table_nl}; {COORDINATION}",
            f"given by the installer; {table_en}; {COORDINATION}",
        ),
    )
    drop_v, drop_pct = voltage_drop(request, csa, ib, u0)
    run.step(
        "cable.voltage_drop",
        (f"Spanningsval {nl(csa, 1)} mm²", f"Voltage drop {en(csa, 1)} mm²"),
        drop_texts(request, csa, ib, u0, drop_v, drop_pct, target, drop_pct <= target + EPSILON),
        FORMULA,
    )
    fill(result, csa, iz0, k_total, drop_v, drop_pct, "installer")
    if ok:
        i2_step(in_a, iz, run)
    else:
        needed = smallest_by_current(column, k_total, in_a)
        fix_nl = (
            f" Nodig is minstens {nl(needed[1], 1)} mm²."
            if needed
            else " Geen doorsnede uit de tabel voldoet."
        )
        fix_en = (
            f" At least {en(needed[1], 1)} mm² is needed."
            if needed
            else " No cross-section of the table will do."
        )
        run.finding(
            "cable.undersized",
            Severity.ERROR,
            f"{nl(csa, 1)} mm² is te dun: Iz = {nl(iz0, 1)} × {factors_nl} = {nl(iz)} A is "
            f"kleiner dan de beveiliging In = {nl(in_a)} A. De kabel wordt niet tegen "
            f"overbelasting beschermd.{fix_nl}",
            f"{en(csa, 1)} mm² is too small: Iz = {en(iz0, 1)} × {factors_en} = {en(iz)} A is "
            "below the breaker rating "
            f"In = {en(in_a)} A. The cable is not protected against overload.{fix_en}",
            f"{COORDINATION} (Ib ≤ In ≤ Iz); {column.reference}",
        )
    hard_limit = float(tables.rule("voltage_drop_hard_limit_pct").value)
    drop_finding(drop_pct, target, hard_limit, csa, run, beyond_table=False)


def too_large(largest: float, iz_max: float, in_a: float, run: Notes) -> None:
    run.finding(
        "cable.too_large",
        Severity.ERROR,
        f"Geen doorsnede tot {nl(largest, 1)} mm² voldoet: ook {nl(largest, 1)} mm² geeft maar "
        f"Iz = {nl(iz_max)} A bij In = {nl(in_a)} A. Meer dan {nl(largest, 1)} mm² staat niet "
        "in de tabellen; verdeel de belasting of kies een andere installatiemethode.",
        f"No cross-section up to {en(largest, 1)} mm² will do: even {en(largest, 1)} mm² only "
        f"gives Iz = {en(iz_max)} A for In = {en(in_a)} A. More than {en(largest, 1)} mm² is "
        "not in the tables; split the load or choose another installation method.",
        "IEC 60364-5-52:2009 Annex B (tables end at 300 mm²)",
    )


def method_f_start(csa: float, run: Notes) -> None:
    run.finding(
        "cable.method_f_small",
        Severity.INFO,
        f"Methode F is pas vanaf {nl(csa, 1)} mm² getabelleerd; daarom is het minstens "
        f"{nl(csa, 1)} mm² geworden. Met een meeraderige kabel (methode E) kan een kleinere "
        "doorsnede volstaan.",
        f"Method F is tabulated from {en(csa, 1)} mm² only, so the result is at least "
        f"{en(csa, 1)} mm². A multi-core cable (method E) may allow a smaller cross-section.",
        "IEC 60364-5-52:2009 Tables B.52.10/B.52.12 col. 5 (no single-core F below 25 mm²)",
    )


def not_tabulated_method(request: CableRequest, loaded: int, run: Notes) -> None:
    run.finding(
        "cable.not_tabulated",
        Severity.ERROR,
        f"Methode {request.method} met {loaded} belaste aders ({request.insulation}) staat niet "
        "in de tabellen: IEC 60364-5-52 geeft voor enkeladerige kabels in vrije lucht alleen "
        "de driefasewaarden die wij hebben kunnen controleren. Kies methode E (meeraderige "
        "kabel).",
        f"Method {request.method} with {loaded} loaded conductors ({request.insulation}) is "
        "not in the tables: for single-core cables in free air only the three-phase columns "
        "could be verified. Choose method E (multi-core cable).",
        "IEC 60364-5-52:2009 Tables B.52.10/B.52.12 (2-loaded method F column NOT FOUND)",
    )
