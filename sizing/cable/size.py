"""Size one cable and its breaker: IEC 60364-5-52 Annex B tables, IEC 60364-4-43 433.1, Annex G.

``size_cable`` picks the smallest IEC 60898-1 rating In with Ib ≤ In, then the
smallest tabulated cross-section with Iz = Iz0 × k_temp × k_group (× k_soil)
≥ In (which also gives I2 = 1.45 In ≤ 1.45 Iz), then grows the cross-section
until the Annex G voltage drop is within the target. A forced cross-section or
breaker is checked instead of chosen. Every step goes into the trace with the
numbers filled in, so an inspector can redo it by hand.

Inside, everything is a plain float (the schema already converted the units);
every constant comes from :mod:`sizing.tables`. Nothing is extrapolated: a value
beyond a table gives a finding and no result.
"""

from __future__ import annotations

from functools import cache

from sizing import tables
from sizing.cable.checks import (
    COORDINATION,
    check_forced_csa,
    fill,
    i2_step,
    method_f_start,
    not_tabulated_method,
    smallest_by_current,
    too_large,
)
from sizing.cable.factors import (
    BURIED,
    factor_product_text,
    grouping_factor,
    k_total_text,
    soil_factor,
    temperature_factor,
)
from sizing.cable.voltage_drop import (
    FORMULA,
    drop_finding,
    drop_texts,
    target_governs,
    voltage_drop,
)
from sizing.constants import EPSILON
from sizing.notes import Notes, Writer, both, en, nl
from sizing.schema import CableRequest, CableResult


def size_cable(request: CableRequest, *, circuit: str | None = None) -> CableResult:
    """The breaker and cable for one circuit, with findings and a calculation trace.

    ``circuit`` tags every finding and trace step (``design`` passes ``ac_grid``,
    ``backup``); the cable command leaves it empty.
    """
    run = Notes(circuit=circuit)
    result = CableResult(
        breaker_a=None,
        csa_mm2=None,
        iz_a=None,
        k_temp=None,
        k_group=None,
        voltage_drop_pct=None,
        voltage_drop_target_pct=request.max_voltage_drop_pct,
        loaded_conductors=2 if request.phases == 1 else 3,
        curve=request.curve,
    )
    _size(request, run, result)
    # Assigned at the end: pydantic copies lists it validates, so they cannot be shared earlier.
    result.findings = run.findings
    result.trace = run.trace
    return result


def _size(request: CableRequest, run: Notes, result: CableResult) -> None:
    ib = request.current_a
    loaded = 2 if request.phases == 1 else 3
    target = request.max_voltage_drop_pct
    hard_limit = float(tables.rule("voltage_drop_hard_limit_pct").value)

    run.step(
        "cable.design_current",
        ("Ontwerpstroom Ib", "Design current Ib"),
        both(lambda n: f"{n(ib)} A"),
        ("opgave (ontwerpstroom van de kring)", "given (the circuit's design current)"),
    )
    run.step(
        "cable.loaded_conductors",
        ("Belaste aders", "Loaded conductors"),
        (f"{loaded} (1-fase L+N)", f"{loaded} (single-phase L+N)")
        if loaded == 2
        else (f"{loaded} (symmetrisch 3-fase)", f"{loaded} (balanced three-phase)"),
        (
            "IEC 60364-5-52:2009 bijlage B: 2 belaste aders bij 1-fase, 3 bij symmetrische "
            "driefase (ook 4/5-aderige kabel)",
            "IEC 60364-5-52:2009 Annex B: 2 loaded conductors single-phase, 3 for balanced "
            "three-phase (also with a 4- or 5-core cable)",
        ),
    )

    in_a = _breaker(request, run)
    if in_a is None:
        return
    result.breaker_a = in_a

    column = tables.ampacity_column(request.insulation, loaded, request.method)
    if column is None:
        not_tabulated_method(request, loaded, run)
        return
    result.ampacity_table = column.reference

    k_temp = temperature_factor(request, run)
    k_group = grouping_factor(request, run)
    k_soil = soil_factor(request, run)
    if k_temp is None or k_group is None or k_soil is None:
        result.k_temp = k_temp.value if k_temp else None
        result.k_group = k_group.value if k_group else None
        result.k_soil = k_soil.value if k_soil else None
        return
    result.k_temp, result.k_group = k_temp.value, k_group.value
    if request.method in BURIED:
        result.k_soil = k_soil.value
    k_total = k_temp.value * k_group.value * k_soil.value
    run.step(
        "cable.k_total",
        ("Correctiefactor k", "Correction factor k"),
        *k_total_text(request, k_temp, k_group, k_soil, k_total),
    )

    u0, u0_default = _voltage(request)
    run.step(
        "cable.voltage",
        ("Spanning U0", "Voltage U0"),
        both(lambda n: f"{n(u0)} V"),
        tables.rule("nominal_voltage_v").bases
        if u0_default
        else ("opgave (U0 fase-nul)", "given (U0 phase to neutral)"),
        is_default=u0_default,
    )

    factor_text = both(lambda n: factor_product_text(request, k_temp, k_group, k_soil, n))
    required_iz0 = in_a / k_total
    table_nl, table_en = tables.cite(column.reference)
    run.step(
        "cable.required_iz0",
        ("Vereiste Iz0", "Required Iz0"),
        both(lambda n: f"Iz0 ≥ In / k = {n(in_a)} / {n(k_total, 4)} = {n(required_iz0)} A"),
        (
            f"{COORDINATION}: In ≤ Iz met Iz = Iz0 × k; {table_nl}",
            f"{COORDINATION}: In ≤ Iz with Iz = Iz0 × k; {table_en}",
        ),
    )

    if request.csa_mm2 is not None:
        check_forced_csa(request, column, k_total, factor_text, in_a, ib, u0, target, run, result)
        return

    by_current = smallest_by_current(column, k_total, in_a)
    if by_current is None:
        largest, iz0_max = column.values[-1]
        too_large(largest, iz0_max * k_total, in_a, run)
        return
    index, csa, iz0 = by_current
    iz = iz0 * k_total
    below = column.values[index - 1] if index > 0 else None

    def by_current_text(n: Writer) -> str:
        factors = factor_product_text(request, k_temp, k_group, k_soil, n)
        text = f"{n(csa, 1)} mm²: Iz = {n(iz0, 1)} × {factors} = {n(iz)} A ≥ In = {n(in_a)} A"
        if below is not None:
            text += (
                f"; {n(below[0], 1)} mm²: Iz = {n(below[1], 1)} × {factors} = "
                f"{n(below[1] * k_total)} A < {n(in_a)} A"
            )
        return text

    run.step(
        "cable.by_current",
        ("Doorsnede op stroom", "Cross-section by current"),
        both(by_current_text),
        (
            f"{table_nl}: kleinste doorsnede met Iz ≥ In ({COORDINATION})",
            f"{table_en}: smallest cross-section with Iz ≥ In ({COORDINATION})",
        ),
    )
    i2_step(in_a, iz, run)
    if request.method == "F" and index == 0:
        method_f_start(csa, run)

    chosen = None
    governed_by = "current"
    for candidate, candidate_iz0 in column.values[index:]:
        drop_v, drop_pct = voltage_drop(request, candidate, ib, u0)
        within = drop_pct <= target + EPSILON
        run.step(
            "cable.voltage_drop",
            (f"Spanningsval {nl(candidate, 1)} mm²", f"Voltage drop {en(candidate, 1)} mm²"),
            drop_texts(request, candidate, ib, u0, drop_v, drop_pct, target, within),
            FORMULA,
        )
        if within:
            chosen = (candidate, candidate_iz0, drop_v, drop_pct)
            break
        governed_by = "voltage_drop"
    if chosen is None:
        candidate, candidate_iz0 = column.values[-1]
        drop_v, drop_pct = voltage_drop(request, candidate, ib, u0)
        chosen = (candidate, candidate_iz0, drop_v, drop_pct)
        drop_finding(drop_pct, target, hard_limit, candidate, run, beyond_table=True)
    csa, iz0, drop_v, drop_pct = chosen
    fill(result, csa, iz0, k_total, drop_v, drop_pct, governed_by)
    result.csa_by_current_mm2 = column.values[index][0]
    run.step(
        "cable.chosen",
        ("Gekozen doorsnede", "Chosen cross-section"),
        both(lambda n: f"{n(csa, 1)} mm², Iz = {n(iz0 * k_total)} A, Δu = {n(drop_pct, 2)} %"),
        ("bepaald door de stroom (Iz ≥ In)", "set by the current (Iz ≥ In)")
        if governed_by == "current"
        else (
            f"vergroot tot de spanningsval ≤ {nl(target)} % (doel)",
            f"increased until the voltage drop ≤ {en(target)} % (target)",
        ),
    )
    if governed_by == "voltage_drop":
        result.csa_at_advice_mm2 = target_governs(
            request, column.values[index:], column.values[index][0], (csa, drop_pct), ib, u0, run
        )


def _breaker(request: CableRequest, run: Notes) -> float | None:
    ib = request.current_a
    ratings = tables.breaker_ratings()
    series, series_en = _rating_series()
    if request.breaker_a is not None:
        in_a = request.breaker_a
        run.step(
            "cable.breaker",
            ("Beveiliging In", "Breaker In"),
            (
                f"{nl(in_a)} A, karakteristiek {request.curve} (opgegeven door installateur)",
                f"{en(in_a)} A, curve {request.curve} (given by the installer)",
            ),
            (
                f"opgave installateur; gecontroleerd op Ib ≤ In ({COORDINATION})",
                f"given by the installer; checked for Ib ≤ In ({COORDINATION})",
            ),
        )
        if not any(abs(in_a - r) < EPSILON for r in ratings):
            run.finding("cable.breaker_non_standard", in_a=in_a, ratings=ratings)
        if ib > in_a + EPSILON:
            run.finding(
                "cable.breaker_below_load", in_a=in_a, ib=ib, at_least=_next_rating(ib) or ib
            )
        return in_a
    chosen = _next_rating(ib)
    if chosen is None:
        run.finding("cable.breaker_out_of_range", ib=ib, largest=ratings[-1])
        return None
    run.step(
        "cable.breaker",
        ("Beveiliging In", "Breaker In"),
        (
            f"{nl(chosen)} A, karakteristiek {request.curve}: Ib = {nl(ib)} A ≤ In = "
            f"{nl(chosen)} A",
            f"{en(chosen)} A, curve {request.curve}: Ib = {en(ib)} A ≤ In = {en(chosen)} A",
        ),
        (
            f"kleinste IEC 60898-1 voorkeurswaarde ({series} A) met Ib ≤ In ({COORDINATION})",
            f"smallest IEC 60898-1 preferred rating ({series_en} A) with Ib ≤ In ({COORDINATION})",
        ),
    )
    return chosen


@cache
def _rating_series() -> tuple[str, str]:
    """The IEC 60898-1 preferred ratings as a list, Dutch and English (written once)."""
    ratings = tables.breaker_ratings()
    return ", ".join(nl(r) for r in ratings), ", ".join(en(r) for r in ratings)


def _next_rating(current: float) -> float | None:
    for rating in tables.breaker_ratings():
        if rating + EPSILON >= current:
            return rating
    return None


def _voltage(request: CableRequest) -> tuple[float, bool]:
    if request.voltage_v is not None:
        return request.voltage_v, False
    return float(tables.rule("nominal_voltage_v").value), True
