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

import math
from dataclasses import dataclass, field

from sizing import tables
from sizing.schema import CableRequest, CableResult, Finding, Severity, TraceStep

# Table lookups compare products of two-decimal factors with whole amperes;
# 20 × 0.80 lands a hair off 16.0 in binary floating point.
EPSILON = 1e-9

_GROUPING_ITEMS = {
    "bunched": 1,
    "single_layer_wall": 2,
    "single_layer_ceiling": 3,
    "perforated_tray": 4,
    "ladder": 5,
}
_BURIED = ("D1", "D2")
_ANNEX_G = "IEC 60364-5-52:2009 Annex G"
_COORDINATION = "IEC 60364-4-43:2008 433.1"


def _nl(value: float, decimals: int = 2) -> str:
    """A number as a Dutch reader writes it: 14,49; whole numbers without decimals."""
    return _en(value, decimals).replace(".", ",")


def _en(value: float, decimals: int = 2) -> str:
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _k(value: float) -> str:
    """A correction factor the way the tables print it: two decimals, Dutch comma."""
    return f"{value:.2f}".replace(".", ",")


@dataclass(slots=True)
class _Run:
    """The working state of one sizing: findings and trace collect as the steps go."""

    circuit: str | None
    findings: list[Finding] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)

    def step(self, step: str, value: str, basis: str, *, is_default: bool = False) -> None:
        self.trace.append(
            TraceStep(
                step=step, value=value, basis=basis, circuit=self.circuit, is_default=is_default
            )
        )

    def finding(
        self, code: str, severity: Severity, message: str, message_en: str, reference: str
    ) -> None:
        self.findings.append(
            Finding(
                code=code,
                severity=severity,
                message=message,
                message_en=message_en,
                reference=reference,
                circuit=self.circuit,
            )
        )


@dataclass(frozen=True, slots=True)
class _Factor:
    value: float
    step_value: str
    basis: str
    is_default: bool = False


def size_cable(request: CableRequest, *, circuit: str | None = None) -> CableResult:
    """The breaker and cable for one circuit, with findings and a calculation trace.

    ``circuit`` tags every finding and trace step (``design`` passes ``ac_grid``,
    ``backup``); the cable command leaves it empty.
    """
    run = _Run(circuit)
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


def _size(request: CableRequest, run: _Run, result: CableResult) -> None:
    ib = request.current_a
    loaded = 2 if request.phases == 1 else 3
    target = request.max_voltage_drop_pct
    hard_limit = float(tables.rule("voltage_drop_hard_limit_pct").value)

    run.step("Ontwerpstroom Ib", f"{_nl(ib)} A", "opgave (design current of the circuit)")
    run.step(
        "Belaste aders",
        f"{loaded} ({'1-fase L+N' if loaded == 2 else 'symmetrisch 3-fase'})",
        "IEC 60364-5-52:2009 Annex B: 2 belaste aders bij 1-fase, 3 bij symmetrische "
        "driefase (ook 4/5-aderige kabel)",
    )

    in_a = _breaker(request, run)
    if in_a is None:
        return
    result.breaker_a = in_a

    column = tables.ampacity_column(request.insulation, loaded, request.method)
    if column is None:
        _not_tabulated_method(request, loaded, run)
        return
    result.ampacity_table = column.reference

    k_temp = _temperature_factor(request, run)
    k_group = _grouping_factor(request, run)
    k_soil = _soil_factor(request, run)
    if k_temp is None or k_group is None or k_soil is None:
        result.k_temp = k_temp.value if k_temp else None
        result.k_group = k_group.value if k_group else None
        result.k_soil = k_soil.value if k_soil else None
        return
    result.k_temp, result.k_group = k_temp.value, k_group.value
    if request.method in _BURIED:
        result.k_soil = k_soil.value
    k_total = k_temp.value * k_group.value * k_soil.value
    run.step("Correctiefactor k", *_k_total_text(request, k_temp, k_group, k_soil, k_total))

    u0, u0_default = _voltage(request)
    run.step(
        "Spanning U0",
        f"{_nl(u0)} V",
        "opgave" if not u0_default else tables.rule("nominal_voltage_v").basis,
        is_default=u0_default,
    )

    factor_text = _factor_product_text(request, k_temp, k_group, k_soil)
    required_iz0 = in_a / k_total
    run.step(
        "Vereiste Iz0",
        f"Iz0 ≥ In / k = {_nl(in_a)} / {_nl(k_total, 4)} = {_nl(required_iz0)} A",
        f"{_COORDINATION}: In ≤ Iz met Iz = Iz0 × k; {column.reference}",
    )

    if request.csa_mm2 is not None:
        _check_forced_csa(request, column, k_total, factor_text, in_a, ib, u0, target, run, result)
        return

    by_current = _smallest_by_current(column, k_total, in_a)
    if by_current is None:
        largest, iz0_max = column.values[-1]
        _too_large(largest, iz0_max * k_total, in_a, run)
        return
    index, csa, iz0 = by_current
    iz = iz0 * k_total
    below = column.values[index - 1] if index > 0 else None
    rejected = ""
    if below is not None:
        rejected = (
            f"; {_nl(below[0], 1)} mm²: Iz = {_nl(below[1], 1)} × {factor_text} = "
            f"{_nl(below[1] * k_total)} A < {_nl(in_a)} A"
        )
    run.step(
        "Doorsnede op stroom",
        f"{_nl(csa, 1)} mm²: Iz = {_nl(iz0, 1)} × {factor_text} = {_nl(iz)} A ≥ In = "
        f"{_nl(in_a)} A{rejected}",
        f"{column.reference}: kleinste doorsnede met Iz ≥ In ({_COORDINATION})",
    )
    _i2_step(in_a, iz, run)
    if request.method == "F" and index == 0:
        _method_f_start(csa, run)

    chosen = None
    governed_by = "current"
    for candidate, candidate_iz0 in column.values[index:]:
        drop_v, drop_pct = _voltage_drop(request, candidate, ib, u0)
        within = drop_pct <= target + EPSILON
        run.step(
            f"Spanningsval {_nl(candidate, 1)} mm²",
            _drop_text(request, candidate, ib, u0, drop_v, drop_pct, target, within),
            f"{_ANNEX_G}: u = b × (ρ1 × L / S × cos φ + λ × L × sin φ) × Ib; Δu = 100 × u / U0",
        )
        if within:
            chosen = (candidate, candidate_iz0, drop_v, drop_pct)
            break
        governed_by = "voltage_drop"
    if chosen is None:
        candidate, candidate_iz0 = column.values[-1]
        drop_v, drop_pct = _voltage_drop(request, candidate, ib, u0)
        chosen = (candidate, candidate_iz0, drop_v, drop_pct)
        _drop_finding(drop_pct, target, hard_limit, candidate, run, beyond_table=True)
    csa, iz0, drop_v, drop_pct = chosen
    _fill(result, csa, iz0, k_total, drop_v, drop_pct, governed_by)
    run.step(
        "Gekozen doorsnede",
        f"{_nl(csa, 1)} mm², Iz = {_nl(iz0 * k_total)} A, Δu = {_nl(drop_pct, 2)} %",
        "bepaald door de stroom (Iz ≥ In)"
        if governed_by == "current"
        else f"vergroot tot de spanningsval ≤ {_nl(target)} % (doel)",
    )


# --------------------------------------------------------------------------- breaker


def _breaker(request: CableRequest, run: _Run) -> float | None:
    ib = request.current_a
    ratings = tables.breaker_ratings()
    series = ", ".join(_nl(r) for r in ratings)
    standard = "IEC 60898-1 voorkeurswaarden (" + series + " A)"
    if request.breaker_a is not None:
        in_a = request.breaker_a
        run.step(
            "Beveiliging In",
            f"{_nl(in_a)} A, karakteristiek {request.curve} (opgegeven door installateur)",
            "opgave installateur; gecontroleerd op Ib ≤ In (" + _COORDINATION + ")",
        )
        if not any(abs(in_a - r) < EPSILON for r in ratings):
            run.finding(
                "cable.breaker_non_standard",
                Severity.WARNING,
                f"{_nl(in_a)} A is geen voorkeurswaarde volgens IEC 60898-1 ({series} A). "
                "Controleer of deze automaat leverbaar is.",
                f"{_en(in_a)} A is not a preferred rating of IEC 60898-1 "
                f"({', '.join(_en(r) for r in ratings)} A). Check that this breaker exists.",
                "IEC 60898-1 (preferred rated currents)",
            )
        if ib > in_a + EPSILON:
            run.finding(
                "cable.breaker_below_load",
                Severity.ERROR,
                f"De automaat van {_nl(in_a)} A is kleiner dan de ontwerpstroom van {_nl(ib)} A: "
                "hij schakelt af bij vol vermogen. Nodig is Ib ≤ In; kies minstens "
                f"{_nl(_next_rating(ib) or ib)} A.",
                f"The {_en(in_a)} A breaker is below the design current of {_en(ib)} A: it "
                f"trips at full power. Ib ≤ In is required; choose at least "
                f"{_en(_next_rating(ib) or ib)} A.",
                _COORDINATION,
            )
        return in_a
    in_a = _next_rating(ib)
    if in_a is None:
        run.finding(
            "cable.breaker_out_of_range",
            Severity.ERROR,
            f"Een ontwerpstroom van {_nl(ib)} A is groter dan de grootste voorkeurswaarde van "
            f"IEC 60898-1 ({_nl(ratings[-1])} A). Dit valt buiten de installatieautomaten; laat "
            "de beveiliging apart ontwerpen.",
            f"A design current of {_en(ib)} A exceeds the largest preferred rating of "
            f"IEC 60898-1 ({_en(ratings[-1])} A). This is beyond miniature circuit-breakers; "
            "have the protection designed separately.",
            "IEC 60898-1 (preferred rated currents)",
        )
        return None
    run.step(
        "Beveiliging In",
        f"{_nl(in_a)} A, karakteristiek {request.curve}: Ib = {_nl(ib)} A ≤ In = {_nl(in_a)} A",
        f"kleinste {standard} met Ib ≤ In ({_COORDINATION})",
    )
    return in_a


def _next_rating(current: float) -> float | None:
    for rating in tables.breaker_ratings():
        if rating + EPSILON >= current:
            return rating
    return None


# --------------------------------------------------------------------------- factors


def _temperature_factor(request: CableRequest, run: _Run) -> _Factor | None:
    ambient = request.ambient_c
    buried = request.method in _BURIED
    if buried:
        table = tables.ground_temperature_factors(request.insulation)
        medium, medium_en, reference_temp = "grond", "ground", "20 °C"
    else:
        table = tables.air_temperature_factors(request.insulation)
        medium, medium_en, reference_temp = "lucht", "air", "30 °C"
    basis = f"{table.table}, {request.insulation}"
    first_t, first_k = table.first
    if ambient < first_t - EPSILON:
        run.finding(
            "cable.ambient_below_table",
            Severity.INFO,
            f"{_nl(ambient)} °C ligt onder de tabel ({_nl(first_t)} °C is de laagste rij); de "
            f"factor van {_nl(first_t)} °C is gebruikt. Dat is veilig: kouder geeft meer "
            "stroom, maar de tabel wordt niet doorgetrokken.",
            f"{_en(ambient)} °C is below the table ({_en(first_t)} °C is the lowest row); the "
            f"factor for {_en(first_t)} °C is used. That is safe: colder allows more current, "
            "but the table is not extrapolated.",
            table.table,
        )
        value = f"{_k(first_k)} (rij {_nl(first_t)} °C; omgeving {_nl(ambient)} °C in {medium})"
        run.step("Temperatuurfactor k_temp", value, f"{basis}, {_nl(first_t)} °C")
        return _Factor(first_k, value, f"{basis}, {_nl(first_t)} °C")
    row = table.at_or_above(ambient)
    if row is None:
        last_t = table.last[0]
        pvc = request.insulation == "PVC"
        run.finding(
            "cable.ambient_out_of_range",
            Severity.ERROR,
            f"Een temperatuur van {_nl(ambient)} °C in {medium} staat niet in {table.table} voor "
            f"{request.insulation} (tabel tot {_nl(last_t)} °C). Er wordt niet geëxtrapoleerd: "
            f"kies een koelere route{' of XLPE-isolatie' if pvc else ''}.",
            f"An {medium_en} temperature of {_en(ambient)} °C is not in {table.table} for "
            f"{request.insulation} (table up to {_en(last_t)} °C). Nothing is extrapolated: "
            f"choose a cooler route{' or XLPE insulation' if pvc else ''}.",
            table.table,
        )
        return None
    row_t, k = row
    if abs(row_t - ambient) < EPSILON:
        value = f"{_k(k)} ({_nl(ambient)} °C in {medium}; referentie {reference_temp})"
    else:
        value = (
            f"{_k(k)} (omgeving {_nl(ambient)} °C ligt tussen twee rijen: de warmere rij "
            f"{_nl(row_t)} °C is gebruikt, niet geïnterpoleerd)"
        )
    run.step("Temperatuurfactor k_temp", value, f"{basis}, {_nl(row_t)} °C")
    return _Factor(k, value, f"{basis}, {_nl(row_t)} °C")


def _grouping_factor(request: CableRequest, run: _Run) -> _Factor | None:
    n = request.grouped_circuits
    if request.method in _BURIED:
        table = tables.buried_grouping_factors(request.method)
        row = table.at_or_above(n)
        assert row is not None  # the schema caps grouped_circuits at the table's last count
        row_n, k = row
        rounded = "" if row_n == n else f"; {n} staat niet in de tabel, rij {int(row_n)} gebruikt"
        value = f"{_k(k)} ({n} circuit{'s' if n > 1 else ''}, aanliggend{rounded})"
        basis = f"{table.table}, {table.column}, {int(row_n)} circuit(s)"
        run.step("Groeperingsfactor k_group", value, basis)
        return _Factor(k, value, basis)
    item_number = _GROUPING_ITEMS.get(request.grouping_arrangement or "bunched", 1)
    item = tables.grouping_item(item_number)
    if request.method not in item.use_with:
        run.finding(
            "cable.arrangement_mismatch",
            Severity.WARNING,
            f"Ligging '{item.arrangement}' (B.52.17 item {item.item}) hoort bij methode "
            f"{', '.join(item.use_with)}, niet bij {request.method}. Item 1 (gebundeld) is "
            "gebruikt, de voorzichtigste rij.",
            f"Arrangement '{item.arrangement}' (B.52.17 item {item.item}) belongs to method "
            f"{', '.join(item.use_with)}, not {request.method}. Item 1 (bunched) is used, the "
            "most conservative row.",
            item.factors.table,
        )
        item = tables.grouping_item(1)
    row = item.factors.at_or_above(n)
    if row is None:
        # Items 2 to 5 stop at nine circuits: "no further reduction" beyond.
        row_n, k = item.factors.last
        note = f"; boven {int(row_n)} geen verdere reductie"
    else:
        row_n, k = row
        note = "" if row_n == n else f"; {n} staat niet in de tabel, rij {int(row_n)} gebruikt"
    value = (
        f"{_k(k)} ({n} circuit{'s' if n > 1 else ''}, item {item.item}: {item.arrangement}{note})"
    )
    basis = f"{item.factors.table}, item {item.item}, {int(row_n)} circuit(s)"
    run.step("Groeperingsfactor k_group", value, basis)
    return _Factor(k, value, basis)


def _soil_factor(request: CableRequest, run: _Run) -> _Factor | None:
    rho = request.soil_resistivity_km_w
    if request.method not in _BURIED:
        if rho is not None:
            run.step(
                "Bodemfactor k_soil",
                "niet van toepassing (kabel niet in de grond)",
                "IEC 60364-5-52:2009 Table B.52.16 geldt alleen voor methode D1 en D2",
            )
        return _Factor(1.0, "", "")
    table = tables.soil_factors(request.method)
    if rho is None:
        value = "1,00 (referentie 2,5 K·m/W; geen bodemweerstand opgegeven)"
        basis = f"{table.table}: referentiewaarde van de tabellen B.52.2 t/m B.52.5"
        run.step("Bodemfactor k_soil", value, basis, is_default=True)
        return _Factor(1.0, value, basis, is_default=True)
    first_rho, first_k = table.first
    if rho < first_rho - EPSILON:
        row_rho, k = first_rho, first_k
        note = f"; onder de tabel, rij {_nl(first_rho)} K·m/W gebruikt (voorzichtig)"
        run.finding(
            "cable.soil_below_table",
            Severity.INFO,
            f"Een bodemweerstand van {_nl(rho)} K·m/W ligt onder de tabel; de factor van "
            f"{_nl(first_rho)} K·m/W is gebruikt (niet geëxtrapoleerd).",
            f"A soil resistivity of {_en(rho)} K·m/W is below the table; the factor for "
            f"{_en(first_rho)} K·m/W is used (not extrapolated).",
            table.table,
        )
    else:
        row = table.at_or_above(rho)
        if row is None:
            run.finding(
                "cable.soil_out_of_range",
                Severity.ERROR,
                f"Een bodemweerstand van {_nl(rho)} K·m/W staat niet in {table.table} (tot "
                f"{_nl(table.last[0])} K·m/W). Er wordt niet geëxtrapoleerd.",
                f"A soil resistivity of {_en(rho)} K·m/W is not in {table.table} (up to "
                f"{_en(table.last[0])} K·m/W). Nothing is extrapolated.",
                table.table,
            )
            return None
        row_rho, k = row
        note = "" if row_rho == rho else f"; tussen twee kolommen, {_nl(row_rho)} K·m/W gebruikt"
    value = f"{_k(k)} ({_nl(rho)} K·m/W{note})"
    basis = f"{table.table}, {request.method}, {_nl(row_rho)} K·m/W"
    run.step("Bodemfactor k_soil", value, basis)
    return _Factor(k, value, basis)


def _factor_product_text(
    request: CableRequest, k_temp: _Factor, k_group: _Factor, k_soil: _Factor
) -> str:
    parts = [_k(k_temp.value), _k(k_group.value)]
    if request.method in _BURIED:
        parts.append(_k(k_soil.value))
    return " × ".join(parts)


def _k_total_text(
    request: CableRequest, k_temp: _Factor, k_group: _Factor, k_soil: _Factor, k_total: float
) -> tuple[str, str]:
    formula = "k_temp × k_group × k_soil" if request.method in _BURIED else "k_temp × k_group"
    product = _factor_product_text(request, k_temp, k_group, k_soil)
    return (
        f"k = {formula} = {product} = {_nl(k_total, 4)}",
        "IEC 60364-5-52:2009 Annex B: Iz = Iz0 × k_temp × k_group (× k_soil bij D1/D2)",
    )


def _voltage(request: CableRequest) -> tuple[float, bool]:
    if request.voltage_v is not None:
        return request.voltage_v, False
    return float(tables.rule("nominal_voltage_v").value), True


# --------------------------------------------------------------------------- cross-section


def _smallest_by_current(
    column: tables.AmpacityColumn, k_total: float, in_a: float
) -> tuple[int, float, float] | None:
    for index, (csa, iz0) in enumerate(column.values):
        if iz0 * k_total + EPSILON >= in_a:
            return index, csa, iz0
    return None


def _i2_step(in_a: float, iz: float, run: _Run) -> None:
    standard = tables.breaker_standard()
    k2 = float(standard["conventional_tripping_factor"])
    coordination = float(tables.rule("overload_coordination_factor").value)
    run.step(
        "I2 ≤ 1,45 × Iz",
        f"I2 = {_nl(k2)} × {_nl(in_a)} = {_nl(k2 * in_a)} A ≤ {_nl(coordination)} × {_nl(iz)} = "
        f"{_nl(coordination * iz)} A",
        f"IEC 60898-1: conventionele afschakelstroom I2 = {_nl(k2)} In; {_COORDINATION}",
    )


def _voltage_drop(request: CableRequest, csa: float, ib: float, u0: float) -> tuple[float, float]:
    constants = tables.annex_g()
    rho1 = constants["rho1_ohm_mm2_per_m"]["copper"]
    reactance = constants["lambda_mohm_per_m"] / 1000
    b = constants["b"][str(request.phases)]
    cos_phi = request.cos_phi
    sin_phi = math.sqrt(max(0.0, 1.0 - cos_phi * cos_phi))
    length = request.length_m
    drop_v = b * (rho1 * length / csa * cos_phi + reactance * length * sin_phi) * ib
    return drop_v, 100.0 * drop_v / u0


def _drop_text(
    request: CableRequest,
    csa: float,
    ib: float,
    u0: float,
    drop_v: float,
    drop_pct: float,
    target: float,
    within: bool,
) -> str:
    constants = tables.annex_g()
    rho1 = constants["rho1_ohm_mm2_per_m"]["copper"]
    lam = constants["lambda_mohm_per_m"] / 1000
    b = constants["b"][str(request.phases)]
    cos_phi = request.cos_phi
    sin_phi = math.sqrt(max(0.0, 1.0 - cos_phi * cos_phi))
    length = _nl(request.length_m)
    compare = "≤" if within else ">"
    return (
        f"u = {b} × ({_nl(rho1, 4)} × {length} / {_nl(csa, 1)} × {_nl(cos_phi, 3)} + "
        f"{_nl(lam, 5)} × {length} × {_nl(sin_phi, 3)}) × {_nl(ib)} = {_nl(drop_v, 3)} V; "
        f"Δu = 100 × {_nl(drop_v, 3)} / {_nl(u0)} = {_nl(drop_pct, 3)} % {compare} "
        f"{_nl(target)} %"
    )


def _fill(
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


def _check_forced_csa(
    request: CableRequest,
    column: tables.AmpacityColumn,
    k_total: float,
    factor_text: str,
    in_a: float,
    ib: float,
    u0: float,
    target: float,
    run: _Run,
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
                f"{_nl(column.values[0][0])} mm² getabelleerd; {_nl(csa, 1)} mm² staat niet in "
                f"{column.table}. Kies methode E (meeraderige kabel) of een grotere doorsnede.",
                f"Method F (single-core cables in free air) is tabulated from "
                f"{_en(column.values[0][0])} mm² only; {_en(csa, 1)} mm² is not in "
                f"{column.table}. Choose method E (multi-core cable) or a larger cross-section.",
                f"{column.reference} (IEC tabulates no single-core F below 25 mm²)",
            )
        else:
            standard = ", ".join(_nl(v, 1) for v, _ in column.values)
            run.finding(
                "cable.not_tabulated",
                Severity.ERROR,
                f"{_nl(csa, 1)} mm² is geen doorsnede uit {column.table} ({standard} mm²).",
                f"{_en(csa, 1)} mm² is not a cross-section of {column.table} "
                f"({', '.join(_en(v, 1) for v, _ in column.values)} mm²).",
                column.reference,
            )
        return
    iz = iz0 * k_total
    ok = iz + EPSILON >= in_a
    run.step(
        "Doorsnede (opgegeven)",
        f"{_nl(csa, 1)} mm²: Iz = {_nl(iz0, 1)} × {factor_text} = {_nl(iz)} A "
        f"{'≥' if ok else '<'} In = {_nl(in_a)} A",
        f"opgave installateur; {column.reference}; {_COORDINATION}",
    )
    drop_v, drop_pct = _voltage_drop(request, csa, ib, u0)
    run.step(
        f"Spanningsval {_nl(csa, 1)} mm²",
        _drop_text(request, csa, ib, u0, drop_v, drop_pct, target, drop_pct <= target + EPSILON),
        f"{_ANNEX_G}: u = b × (ρ1 × L / S × cos φ + λ × L × sin φ) × Ib; Δu = 100 × u / U0",
    )
    _fill(result, csa, iz0, k_total, drop_v, drop_pct, "installer")
    if ok:
        _i2_step(in_a, iz, run)
    else:
        needed = _smallest_by_current(column, k_total, in_a)
        fix_nl = (
            f" Nodig is minstens {_nl(needed[1], 1)} mm²."
            if needed
            else " Geen doorsnede uit de tabel voldoet."
        )
        fix_en = (
            f" At least {_en(needed[1], 1)} mm² is needed."
            if needed
            else " No cross-section of the table will do."
        )
        run.finding(
            "cable.undersized",
            Severity.ERROR,
            f"{_nl(csa, 1)} mm² is te dun: Iz = {_nl(iz0, 1)} × {factor_text} = {_nl(iz)} A is "
            f"kleiner dan de beveiliging In = {_nl(in_a)} A. De kabel wordt niet tegen "
            f"overbelasting beschermd.{fix_nl}",
            f"{_en(csa, 1)} mm² is too small: Iz = {_en(iz0, 1)} × "
            f"{factor_text.replace(',', '.')} = {_en(iz)} A is below the breaker rating "
            f"In = {_en(in_a)} A. The cable is not protected against overload.{fix_en}",
            f"{_COORDINATION} (Ib ≤ In ≤ Iz); {column.reference}",
        )
    hard_limit = float(tables.rule("voltage_drop_hard_limit_pct").value)
    _drop_finding(drop_pct, target, hard_limit, csa, run, beyond_table=False)


def _drop_finding(
    drop_pct: float,
    target: float,
    hard_limit: float,
    csa: float,
    run: _Run,
    *,
    beyond_table: bool,
) -> None:
    if drop_pct <= target + EPSILON:
        return
    over_limit = drop_pct > hard_limit + EPSILON
    why_nl = (
        f" Ook de grootste doorsnede uit de tabel ({_nl(csa, 1)} mm²) haalt het doel niet; "
        "meer dan 300 mm² of een kortere route is nodig."
        if beyond_table
        else " Kies een grotere doorsnede of een kortere route."
    )
    why_en = (
        f" Even the largest cross-section of the table ({_en(csa, 1)} mm²) misses the target; "
        "more than 300 mm² or a shorter route is needed."
        if beyond_table
        else " Choose a larger cross-section or a shorter route."
    )
    if over_limit:
        run.finding(
            "cable.voltage_drop",
            Severity.ERROR,
            f"Spanningsval {_nl(drop_pct)} % is groter dan de grens van {_nl(hard_limit)} %."
            + why_nl,
            f"Voltage drop {_en(drop_pct)} % exceeds the limit of {_en(hard_limit)} %." + why_en,
            "IEC 60364-5-52:2009 Table G.52.1 (type A, other uses: 5 %); NEN 1010 max. 5 %",
        )
    else:
        run.finding(
            "cable.voltage_drop",
            Severity.WARNING,
            f"Spanningsval {_nl(drop_pct)} % is groter dan het doel van {_nl(target)} % (binnen "
            f"de grens van {_nl(hard_limit)} %). Een omvormer verhoogt bij teruglevering de "
            "spanning en schakelt af boven 253 V." + why_nl,
            f"Voltage drop {_en(drop_pct)} % exceeds the target of {_en(target)} % (within the "
            f"limit of {_en(hard_limit)} %). An inverter raises the voltage when exporting and "
            "trips above 253 V." + why_en,
            f"{_ANNEX_G}; {tables.rule('voltage_drop_target_pct').basis}",
        )


def _too_large(largest: float, iz_max: float, in_a: float, run: _Run) -> None:
    run.finding(
        "cable.too_large",
        Severity.ERROR,
        f"Geen doorsnede tot {_nl(largest, 1)} mm² voldoet: ook {_nl(largest, 1)} mm² geeft maar "
        f"Iz = {_nl(iz_max)} A bij In = {_nl(in_a)} A. Meer dan {_nl(largest, 1)} mm² staat niet "
        "in de tabellen; verdeel de belasting of kies een andere installatiemethode.",
        f"No cross-section up to {_en(largest, 1)} mm² will do: even {_en(largest, 1)} mm² only "
        f"gives Iz = {_en(iz_max)} A for In = {_en(in_a)} A. More than {_en(largest, 1)} mm² is "
        "not in the tables; split the load or choose another installation method.",
        "IEC 60364-5-52:2009 Annex B (tables end at 300 mm²)",
    )


def _method_f_start(csa: float, run: _Run) -> None:
    run.finding(
        "cable.method_f_small",
        Severity.INFO,
        f"Methode F is pas vanaf {_nl(csa, 1)} mm² getabelleerd; daarom is het minstens "
        f"{_nl(csa, 1)} mm² geworden. Met een meeraderige kabel (methode E) kan een kleinere "
        "doorsnede volstaan.",
        f"Method F is tabulated from {_en(csa, 1)} mm² only, so the result is at least "
        f"{_en(csa, 1)} mm². A multi-core cable (method E) may allow a smaller cross-section.",
        "IEC 60364-5-52:2009 Tables B.52.10/B.52.12 col. 5 (no single-core F below 25 mm²)",
    )


def _not_tabulated_method(request: CableRequest, loaded: int, run: _Run) -> None:
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
