"""The checks of a cross-section: overload coordination, a forced cross-section, and the
findings for what the tables do not cover (method F below 25 mm², more than 300 mm²).
"""

from __future__ import annotations

from sizing import tables
from sizing.cable.voltage_drop import FORMULA, drop_finding, drop_texts, voltage_drop
from sizing.constants import EPSILON
from sizing.findings import Phrase
from sizing.findings.sources import COORDINATION
from sizing.notes import Notes, Text, both, en, nl
from sizing.schema import CableRequest, CableResult


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
                smallest=column.values[0][0],
                csa=csa,
                table=column.table,
                table_reference=column.reference,
            )
        else:
            run.finding(
                "cable.not_tabulated",
                csa=csa,
                table=column.table,
                sizes=[size for size, _ in column.values],
                table_reference=column.reference,
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
        run.finding(
            "cable.undersized",
            csa=csa,
            iz0=iz0,
            factors=Phrase(factors_nl, factors_en),
            iz=iz,
            in_a=in_a,
            fix="larger" if needed else "none",
            needed=needed[1] if needed else None,
            table_reference=column.reference,
        )
    hard_limit = float(tables.rule("voltage_drop_hard_limit_pct").value)
    drop_finding(drop_pct, target, hard_limit, csa, run, beyond_table=False)


def too_large(largest: float, iz_max: float, in_a: float, run: Notes) -> None:
    run.finding("cable.too_large", largest=largest, iz_max=iz_max, in_a=in_a)


def method_f_start(csa: float, run: Notes) -> None:
    run.finding("cable.method_f_minimum", csa=csa)


def not_tabulated_method(request: CableRequest, loaded: int, run: Notes) -> None:
    run.finding(
        "cable.method_not_tabulated",
        method=request.method,
        loaded=loaded,
        insulation=request.insulation,
    )
