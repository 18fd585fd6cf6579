"""The battery's circuits: the grid port to the groepenkast (``ac_grid``) and the backup port.

For each: the design current (which catalogue figure, or which documented
rule), the breaker and cable through :func:`sizing.cable.size_cable`, the RCD
requirement and the articles that provide them. Every choice goes into the
trace with its basis; figures that rest on a default rather than manufacturer
data are flagged ``is_default``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sizing import tables
from sizing.cable import size_cable
from sizing.domain import Accessory, AccessoryKind, Catalog, Inverter
from sizing.figures import BACKUP_KINDS, figures_for
from sizing.materials import MCB_POLES, POLE_COUNT, RCD_POLES, Materials
from sizing.planning import Notes, en, nl
from sizing.schema import (
    BreakerSpec,
    CableRequest,
    CableResult,
    CableRun,
    CableSpec,
    Circuit,
    DesignRequest,
    RcdSpec,
    Severity,
)

NO_ARTICLE = "bom.no_article"


@dataclass
class CircuitPlan:
    """A circuit and what it takes in the groepenkast."""

    circuit: Circuit
    width: int | None  # DIN modules of its protection in the board; None = not known
    in_board: bool = True
    articles: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Current:
    value: float
    text: str
    basis: str
    is_default: bool


def voltage_of(inverter: Inverter) -> float:
    return float(inverter.nominal_voltage.m_as("V"))


def phase_label(phases: int, phase: str) -> str:
    return "L1-L2-L3" if phases == 3 else phase


# --------------------------------------------------------------------------- ac_grid


def grid_circuit(
    request: DesignRequest,
    inverter: Inverter,
    materials: Materials,
    notes: Notes,
    phase: str,
) -> CircuitPlan:
    name = "ac_grid"
    start = len(notes.trace)
    current = _grid_current(request, inverter, notes)
    notes.step(
        "Ontwerpstroom netpoort Ib",
        current.text,
        current.basis,
        circuit=name,
        is_default=current.is_default,
    )
    if current.is_default:
        notes.finding(
            "circuit.current_from_power",
            Severity.INFO,
            f"De catalogus geeft geen stroom voor de netpoort van de {inverter.system_code}; "
            f"de ontwerpstroom {nl(current.value)} A is berekend uit het vermogen. Vraag de "
            "maximale AC-stroom bij de fabrikant op en laat hem in de catalogus zetten.",
            f"The catalogue gives no grid-port current for the {inverter.system_code}; the "
            f"design current {en(current.value)} A is computed from the power. Ask the maker "
            "for the maximum AC current and have it added to the catalogue.",
            "smile-g3-catalog.md §2.2 (T-models: no output currents in the brochure)",
            circuit=name,
        )
    run, run_default = _run(request.ac_cable, name, notes)
    forced_breaker = run.breaker_a
    if forced_breaker is None and inverter.recommended_ac_breaker is not None:
        recommended = float(inverter.recommended_ac_breaker.m_as("A"))
        if recommended + 1e-9 >= current.value:
            forced_breaker = recommended
            notes.step(
                "Beveiliging volgens fabrikant",
                f"{nl(recommended)} A",
                f"catalogus: aanbevolen AC-automaat van de fabrikant ({inverter.source})",
                circuit=name,
            )
    curve = request.options.breaker_curve
    result = _size(request, inverter, run, current.value, forced_breaker, curve, name, notes)
    rcd = _grid_rcd(request, inverter, notes, name)
    circuit = Circuit(
        name=name,
        purpose_nl="Netpoort omvormer naar groepenkast",
        purpose_en="Inverter grid port to distribution board",
        phases=inverter.phases,
        phase=phase_label(inverter.phases, phase),
        design_current_a=round(current.value, 2),
        voltage_drop_pct=result.voltage_drop_pct,
    )
    plan = CircuitPlan(circuit=circuit, width=None)
    if result.breaker_a is not None:
        _grid_protection(plan, result.breaker_a, curve, rcd, inverter.phases, materials, notes)
    _cable(plan, run, result, inverter.phases, materials, notes, run_default)
    circuit.trace = [s for s in notes.trace[start:] if s.circuit == name]
    return plan


def _grid_current(request: DesignRequest, inverter: Inverter, notes: Notes) -> _Current:
    phases = inverter.phases
    volts = voltage_of(inverter)
    max_ac = float(inverter.max_ac_current.m_as("A")) if inverter.max_ac_current else None
    source = f"catalogus ({inverter.source})"
    if request.backup != "none":
        watts = float(inverter.grid_input_power.m_as("W"))
        from_grid = watts / (phases * volts)
        if max_ac is not None and max_ac < from_grid:
            return _Current(
                max_ac,
                f"{nl(max_ac)} A (max. AC-stroom netpoort)",
                f"met backup lopen de noodstroomverbruikers door de omvormer; de catalogus geeft "
                f"een lagere max. netpoortstroom ({nl(max_ac)} A < {nl(from_grid)} A uit het "
                f"ingangsvermogen), {source}",
                False,
            )
        return _Current(
            from_grid,
            f"{nl(watts, 0)} W / ({phases} × {nl(volts)} V) = {nl(from_grid)} A",
            "met backup lopen de noodstroomverbruikers door de omvormer: nominaal "
            f"ingangsvermogen uit het net / (fasen × U0), {source}",
            False,
        )
    if max_ac is not None:
        return _Current(
            max_ac, f"{nl(max_ac)} A", f"max. AC-stroom van de fabrikant, {source}", False
        )
    if inverter.grid_port_current is not None:
        nominal = float(inverter.grid_port_current.m_as("A"))
        return _Current(
            nominal,
            f"{nl(nominal)} A",
            f"nominale uitgangsstroom netpoort, {source}; de max. AC-stroom is onbekend",
            False,
        )
    watts = float(inverter.nominal_power.m_as("W"))
    derived = watts / (phases * volts)
    return _Current(
        derived,
        f"{nl(watts, 0)} W / ({phases} × {nl(volts)} V) = {nl(derived)} A",
        "geen stroom in de catalogus: nominaal vermogen / (fasen × U0) "
        "(smile-g3-catalog.md §2.2, [derived]); standaardwaarde, geen fabrieksgegeven",
        True,
    )


def _grid_rcd(request: DesignRequest, inverter: Inverter, notes: Notes, name: str) -> RcdSpec:
    if inverter.rcd_type_a_permitted:
        rcd_type = "A"
        notes.step(
            "Type aardlekbeveiliging",
            "A",
            f"catalogus: de fabrikant verklaart dat type A volstaat ({inverter.source})",
            circuit=name,
        )
    else:
        rule = tables.rule("inverter_rcd_type")
        rcd_type = str(rule.value)
        unknown = inverter.rcd_type_a_permitted is None
        notes.step(
            "Type aardlekbeveiliging",
            rcd_type,
            rule.basis
            + (
                "; de catalogus kent geen verklaring van de fabrikant"
                if unknown
                else "; de fabrikant eist type B"
            ),
            circuit=name,
            is_default=unknown,
        )
    if request.options.rcd_sensitivity_ma is not None:
        sensitivity = request.options.rcd_sensitivity_ma
        basis, is_default = "opgave installateur (ontwerpopties)", False
    elif inverter.recommended_rcd_sensitivity is not None:
        sensitivity = float(inverter.recommended_rcd_sensitivity.m_as("mA"))
        basis, is_default = f"catalogus: aanbeveling fabrikant ({inverter.source})", False
    else:
        rule = tables.rule("rcd_sensitivity_ma")
        sensitivity = float(rule.value)
        basis, is_default = rule.basis, True
    notes.step(
        "Aanspreekstroom IΔn",
        f"{nl(sensitivity)} mA",
        basis,
        circuit=name,
        is_default=is_default,
    )
    return RcdSpec(
        type=rcd_type,
        sensitivity_ma=sensitivity,
        poles=POLE_COUNT[inverter.phases],
        is_rcbo=True,
    )


def _grid_protection(
    plan: CircuitPlan,
    rating: float,
    curve: str,
    rcd: RcdSpec,
    phases: int,
    materials: Materials,
    notes: Notes,
) -> None:
    name = plan.circuit.name
    poles = POLE_COUNT[phases]
    rcbo = materials.rcbo(rcd.type, rcd.sensitivity_ma, rating, curve, phases)
    breaker = BreakerSpec(rating_a=rating, curve=curve, poles=poles)
    basis = tables.rule("battery_own_rcd").basis
    if rcbo is not None:
        breaker.article = rcbo.article
        rcd.article, rcd.rating_a, rcd.type = rcbo.article, rating, rcbo.rcd_type.value
        plan.width = rcbo.module_width
        plan.articles.append(rcbo.article)
        notes.line(rcbo.article, 1, "protection")
        notes.step(
            "Beveiliging thuisbatterij",
            f"aardlekautomaat {rcbo.article}: {curve}{nl(rating)} {MCB_POLES[phases]}, type "
            f"{rcbo.rcd_type.value}, {nl(rcd.sensitivity_ma)} mA, {rcbo.module_width} modules",
            basis,
            circuit=name,
        )
    else:
        device = materials.rcd(rcd.type, rcd.sensitivity_ma, rating, phases)
        mcb = materials.breaker(rating, curve, phases)
        if device is None or mcb is None:
            missing_nl, missing_en = [], []
            if device is None:
                missing_nl.append(
                    f"aardlekautomaat of aardlekschakelaar type {rcd.type} {nl(rcd.sensitivity_ma)}"
                    f" mA {RCD_POLES[phases]} ≥ {nl(rating)} A"
                )
                missing_en.append(
                    f"RCBO or RCD type {rcd.type} {en(rcd.sensitivity_ma)} mA "
                    f"{RCD_POLES[phases]} ≥ {en(rating)} A"
                )
            if mcb is None:
                missing_nl.append(f"installatieautomaat {curve}{nl(rating)} {MCB_POLES[phases]}")
                missing_en.append(f"circuit-breaker {curve}{en(rating)} {MCB_POLES[phases]}")
            no_article(notes, " en ".join(missing_nl), " and ".join(missing_en), name)
        else:
            breaker.article = mcb.article
            rcd.is_rcbo = False
            rcd.article = device.article
            rcd.rating_a = float(device.rating.m_as("A"))
            rcd.type = device.rcd_type.value
            plan.width = device.module_width + mcb.module_width
            plan.articles += [device.article, mcb.article]
            notes.line(device.article, 1, "protection")
            notes.line(mcb.article, 1, "protection")
            notes.step(
                "Beveiliging thuisbatterij",
                f"geen passende aardlekautomaat in de catalogus: aardlekschakelaar "
                f"{device.article} (type {device.rcd_type.value}, {nl(rcd.sensitivity_ma)} mA, "
                f"{device.poles}) met installatieautomaat {mcb.article} ({curve}{nl(rating)}), "
                f"{plan.width} modules",
                basis,
                circuit=name,
            )
    plan.circuit.breaker = breaker
    plan.circuit.rcd = rcd


# --------------------------------------------------------------------------- backup


def backup_circuit(
    request: DesignRequest,
    catalog: Catalog,
    inverter: Inverter,
    materials: Materials,
    notes: Notes,
    phase: str,
) -> CircuitPlan | None:
    if request.backup == "none":
        return None
    name = "backup"
    start = len(notes.trace)
    phases = inverter.phases
    volts = voltage_of(inverter)
    if inverter.backup_port_current is not None:
        ib = float(inverter.backup_port_current.m_as("A"))
        notes.step(
            "Ontwerpstroom noodstroompoort Ib",
            f"{nl(ib)} A",
            f"nominale uitgangsstroom noodstroompoort, catalogus ({inverter.source})",
            circuit=name,
        )
    else:
        watts = float(inverter.nominal_power.m_as("W"))
        ib = watts / (phases * volts)
        notes.step(
            "Ontwerpstroom noodstroompoort Ib",
            f"{nl(watts, 0)} W / ({phases} × {nl(volts)} V) = {nl(ib)} A",
            "geen stroom in de catalogus: nominaal vermogen / (fasen × U0) "
            "(smile-g3-catalog.md §2.2, [derived]); standaardwaarde, geen fabrieksgegeven",
            circuit=name,
            is_default=True,
        )
    protection = figures_for(catalog).accessory(
        inverter.system_code, AccessoryKind.BACKUP_PROTECTION
    )
    circuit = Circuit(
        name=name,
        purpose_nl=(
            "Noodstroompoort naar BackupBox"
            if request.backup == "backup_box"
            else "Noodstroompoort naar noodstroom verdeelunit"
        ),
        purpose_en=(
            "Backup port to BackupBox"
            if request.backup == "backup_box"
            else "Backup port to backup distribution unit"
        ),
        phases=phases,
        phase=phase_label(phases, phase),
        design_current_a=round(ib, 2),
    )
    plan = CircuitPlan(circuit=circuit, width=None, in_board=False)
    if protection is None:
        no_article(
            notes,
            f"backup box beveiliging {phases}-fase",
            f"{phases}-phase backup box protection",
            name,
        )
        rating, curve = None, request.options.breaker_curve
    else:
        rating, curve = _backup_protection(plan, request, protection, phases, ib, notes)
    current = min(ib, rating) if rating is not None else ib

    if request.backup == "distribution_unit" and request.backup_cable is None:
        length = tables.rule("distribution_unit_cable_m")
        notes.step(
            "Kabel noodstroompoort",
            f"meegeleverde kabel van de verdeelunit ({nl(length.value)} m)",
            length.basis,
            circuit=name,
        )
        notes.finding(
            "backup.integral_cable",
            Severity.INFO,
            f"De noodstroom verdeelunit heeft een vaste kabel van {nl(length.value)} m; de "
            "doorsnede daarvan publiceert de fabrikant niet, dus die is niet berekend. Geef een "
            "backupkabel op als u een eigen kabel legt.",
            f"The backup distribution unit has a fixed {en(length.value)} m cable; its "
            "cross-section is not published, so it is not calculated. Enter a backup cable if "
            "you lay your own.",
            "Vekto 105130/105131: noodstroom verdeelunit IP54, 2 meter (brochure)",
            circuit=name,
        )
    else:
        run, run_default = _run(request.backup_cable, name, notes)
        result = _size(request, inverter, run, current, rating, curve, name, notes)
        circuit.voltage_drop_pct = result.voltage_drop_pct
        _cable(plan, run, result, phases, materials, notes, run_default)
    circuit.trace = [s for s in notes.trace[start:] if s.circuit == name]
    return plan


def _backup_protection(
    plan: CircuitPlan,
    request: DesignRequest,
    protection: Accessory,
    phases: int,
    ib: float,
    notes: Notes,
) -> tuple[float | None, str]:
    name = plan.circuit.name
    rating = float(protection.rating.m_as("A")) if protection.rating is not None else None
    curve = protection.curve or request.options.breaker_curve
    sensitivity = (
        float(protection.rcd_sensitivity.m_as("mA"))
        if protection.rcd_sensitivity is not None
        else None
    )
    immunity = tables.rule("high_immunity_rcd_type")
    poles = POLE_COUNT[phases]
    if rating is not None:
        plan.circuit.breaker = BreakerSpec(
            rating_a=rating, curve=curve, poles=poles, article=protection.article
        )
    if sensitivity is not None:
        plan.circuit.rcd = RcdSpec(
            type=str(immunity.value),
            sensitivity_ma=sensitivity,
            poles=poles,
            is_rcbo=True,
            rating_a=rating,
            article=protection.article,
        )
    plan.articles.append(protection.article)
    notes.step(
        "Beveiliging noodstroompoort",
        f"{protection.article} {protection.name('nl')}: {curve}{nl(rating or 0)}, "
        f"{nl(sensitivity or 0)} mA, type {immunity.value} (High Immunity), naast de omvormer",
        f"Vekto-brochure: backup box beveiliging, direct naast de omvormer; {immunity.basis}",
        circuit=name,
    )
    # design() already orders the protection with a BackupBox; only add it where it does not.
    if AccessoryKind.BACKUP_PROTECTION not in BACKUP_KINDS[request.backup]:
        notes.line(protection.article, 1, "protection")
    if rating is not None and ib > rating + 1e-9:
        notes.finding(
            "backup.port_above_protection",
            Severity.WARNING,
            f"De noodstroompoort kan {nl(ib)} A per fase leveren, de backup-beveiliging is "
            f"{curve}{nl(rating)}: bij meer dan {nl(rating)} A aan noodstroomverbruikers schakelt "
            "hij af. Beperk de noodstroomgroepen of vraag de fabrikant naar een passende "
            "beveiliging.",
            f"The backup port can deliver {en(ib)} A per phase, the backup protection is "
            f"{curve}{en(rating)}: it trips above {en(rating)} A of backup load. Limit the "
            "backup circuits or ask the maker for suitable protection.",
            "IEC 60364-4-43:2008 433.1 (Ib ≤ In); Vekto backup box beveiliging C25",
            circuit=name,
        )
    return rating, curve


# --------------------------------------------------------------------------- shared


def _run(run: CableRun | None, name: str, notes: Notes) -> tuple[CableRun, bool]:
    if run is not None:
        return run, False
    rule = tables.rule("default_cable_run")
    default = CableRun.model_validate(rule.value)
    notes.step(
        "Kabeltraject",
        f"{nl(default.length_m)} m, methode {default.method}, {default.insulation}, "
        f"{nl(default.ambient_c)} °C, {default.grouped_circuits} circuit",
        rule.basis,
        circuit=name,
        is_default=True,
    )
    notes.finding(
        "circuit.default_run",
        Severity.WARNING,
        f"Geen kabeltraject opgegeven voor '{name}': gerekend met een voorzichtige aanname "
        f"({nl(default.length_m)} m, methode {default.method}, {default.insulation}, "
        f"{nl(default.ambient_c)} °C). Vul lengte, installatiemethode en temperatuur in.",
        f"No cable run given for '{name}': calculated with a conservative assumption "
        f"({en(default.length_m)} m, method {default.method}, {default.insulation}, "
        f"{en(default.ambient_c)} °C). Enter the length, installation method and temperature.",
        "sizing/tables/design_rules.json default_cable_run",
        circuit=name,
    )
    return default, True


def _size(
    request: DesignRequest,
    inverter: Inverter,
    run: CableRun,
    current: float,
    breaker: float | None,
    curve: str,
    name: str,
    notes: Notes,
) -> CableResult:
    if request.max_voltage_drop_pct is not None:
        target = request.max_voltage_drop_pct
        notes.step("Doel spanningsval", f"{nl(target)} %", "opgave installateur", circuit=name)
    else:
        rule = tables.rule("voltage_drop_target_pct")
        target = float(rule.value)
        notes.step(
            "Doel spanningsval", f"{nl(target)} %", rule.basis, circuit=name, is_default=True
        )
    cable_request = CableRequest(
        current_a=current,
        phases=inverter.phases,
        length_m=run.length_m,
        method=run.method,
        insulation=run.insulation,
        ambient_c=run.ambient_c,
        grouped_circuits=run.grouped_circuits,
        soil_resistivity_km_w=run.soil_resistivity_km_w,
        max_voltage_drop_pct=target,
        curve=curve,
        csa_mm2=run.csa_mm2,
        breaker_a=breaker,
        grouping_arrangement=run.grouping_arrangement,
        voltage_v=voltage_of(inverter),
    )
    result = size_cable(cable_request, circuit=name)
    notes.findings.extend(result.findings)
    notes.trace.extend(result.trace)
    return result


def _cable(
    plan: CircuitPlan,
    run: CableRun,
    result: CableResult,
    phases: int,
    materials: Materials,
    notes: Notes,
    run_default: bool,
) -> None:
    if result.csa_mm2 is None or result.iz_a is None:
        return
    name = plan.circuit.name
    conductors = int(tables.rule("cores").value[str(phases)])
    cable_type = run.cable_type or _cable_type(run)
    single_core = cable_type == "VD"
    cores = 1 if single_core else conductors
    metres = math.ceil(run.length_m - 1e-9)
    quantity = metres * conductors if single_core else metres
    article = materials.cable(cable_type, cores, result.csa_mm2, run.insulation)
    plan.circuit.cable = CableSpec(
        csa_mm2=result.csa_mm2,
        iz_a=result.iz_a,
        length_m=run.length_m,
        cores=conductors,
        cable_type=cable_type,
        insulation=run.insulation,
        method=run.method,
        article=article.article if article else None,
    )
    description = (
        f"{cable_type} {nl(result.csa_mm2, 1)} mm²: {conductors} aders × {metres} m = {quantity} m"
        if single_core
        else f"{cable_type} {cores}G{nl(result.csa_mm2, 1)} mm²: {metres} m"
    )
    notes.step(
        "Kabel",
        description,
        tables.rule("cable_type_by_method").basis + "; " + tables.rule("cores").basis,
        circuit=name,
        is_default=run_default,
    )
    if article is None:
        no_article(
            notes,
            f"kabel {cable_type} {cores}-aderig {nl(result.csa_mm2, 1)} mm² {run.insulation}",
            f"cable {cable_type} {cores}-core {en(result.csa_mm2, 1)} mm² {run.insulation}",
            name,
        )
        return
    plan.articles.append(article.article)
    notes.line(article.article, quantity, "cable")


def _cable_type(run: CableRun) -> str:
    if run.insulation == "XLPE":
        return str(tables.rule("cable_type_xlpe").value)
    return str(tables.rule("cable_type_by_method").value[run.method])


def no_article(notes: Notes, what_nl: str, what_en: str, circuit: str | None) -> None:
    notes.finding(
        NO_ARTICLE,
        Severity.WARNING,
        f"Geen artikel in de catalogus voor: {what_nl}. Het staat niet op de materiaallijst; "
        "voeg het toe aan de catalogus of bestel het apart.",
        f"No catalogue article for: {what_en}. It is not on the bill of materials; add it to "
        "the catalogue or order it separately.",
        "catalogus (installatiematerialen)",
        circuit=circuit,
    )
