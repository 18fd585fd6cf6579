"""Fault protection per circuit (IEC 60364-4-41 411, IEC 60364-4-43 434).

For every planned circuit: the short-circuit current at the board against the
device's breaking capacity, the earth-fault loop impedance at the far end against
the limit of the breaker's curve and rating, the cable's adiabatic limit against
the breaker's let-through, and in a TT system RA · IΔn against 50 V. Every
figure comes from the request, the catalogue or sizing/tables/fault_protection.json;
a figure that rests on a default says so (``is_default``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sizing import tables
from sizing.constants import EPSILON
from sizing.domain import Catalog
from sizing.findings import Phrase
from sizing.formatting import words
from sizing.notes import Notes, Text, both
from sizing.schema import Circuit, DesignRequest, FaultProtection

_TN = ("TN-C-S", "unknown")
_TT = ("TT", "unknown")


@cache
def fault_table() -> dict[str, Any]:
    return tables.read_json("fault_protection.json")


def _bases(entry: dict[str, Any]) -> Text:
    return str(entry["basis_nl"]), str(entry["basis"])


@dataclass(frozen=True, slots=True)
class Supply:
    """What the circuits' checks share: U0, Ze, Ik,max at the board and RA, with their origin."""

    earthing: str
    u0_v: float
    ze_ohm: float | None
    ze_default: bool
    ik_max_ka: float  # single-phase (line to neutral) at the board
    ik3_max_ka: float  # three-phase at the board
    ik_default: bool
    ra_ohm: float | None
    ra_default: bool


def supply(request: DesignRequest, notes: Notes) -> Supply:
    table = fault_table()
    conn = request.connection
    u0 = float(tables.rule("nominal_voltage_v").value)
    factors = table["voltage_factor"]
    ze, ze_default = conn.ze_ohm, False
    if ze is None and conn.earthing in _TN:
        ze, ze_default = float(table["supply"]["TN-C-S"]["ze_ohm"]), True
    if conn.ik_max_ka is not None:
        ik = ik3 = conn.ik_max_ka
        ik_default, ik_basis = False, ("opgave installateur", "given by the installer")
    elif conn.ze_ohm is not None:
        ik = factors["c_max"] * u0 / conn.ze_ohm / 1000
        ik3 = ik / float(table["three_phase_loop_factor"]["value"])
        ik_default = False
        loop = _bases(table["three_phase_loop_factor"])
        ik_basis = (
            f"Ik = c_max · U0 / Ze uit de opgegeven Ze; {_bases(factors)[0]}; {loop[0]}",
            f"Ik = c_max · U0 / Ze from the given Ze; {_bases(factors)[1]}; {loop[1]}",
        )
    else:
        ik = ik3 = float(table["ik_max_default_ka"]["value"])
        ik_default, ik_basis = True, _bases(table["ik_max_default_ka"])
    ra, ra_default = conn.ra_ohm, False
    if ra is None and conn.earthing in _TT:
        ra, ra_default = float(table["tt"]["ra_default_ohm"]), True
    result = Supply(conn.earthing, u0, ze, ze_default, ik, ik3, ik_default, ra, ra_default)
    if ze is not None:
        ze_value = ze
        notes.step(
            "fault.ze",
            ("Externe foutlusimpedantie Ze", "External earth-fault loop impedance Ze"),
            both(
                lambda n: (
                    f"{n(ze_value, 3)} Ω ("
                    + (
                        conn.earthing
                        if conn.earthing != "unknown"
                        else n.t("TN-C-S aangenomen", "TN-C-S assumed")
                    )
                    + ")"
                )
            ),
            _bases(table["supply"]["TN-C-S"])
            if ze_default
            else ("opgave installateur (gemeten of van de netbeheerder)", "given by the installer"),
            is_default=ze_default,
        )
    notes.step(
        "fault.ik_max",
        ("Kortsluitstroom in de groepenkast Ik,max", "Short-circuit current at the board Ik,max"),
        both(
            lambda n: (
                f"{n(ik)} kA"
                + (f" ({n.t('driefasig', 'three-phase')} {n(ik3)} kA)" if ik3 != ik else "")
            )
        ),
        ik_basis,
        is_default=ik_default,
    )
    if ra is not None:
        ra_value = ra
        notes.step(
            "fault.ra",
            ("Aardelektrode RA", "Earth electrode RA"),
            both(lambda n: f"{n(ra_value)} Ω"),
            _bases(table["tt"])
            if ra_default
            else ("opgave installateur", "given by the installer"),
            is_default=ra_default,
        )
    return result


def check_circuits(
    request: DesignRequest, catalog: Catalog, circuits: list[Circuit], notes: Notes
) -> Supply:
    """Every circuit's fault protection, as trace steps, findings and ``circuit.fault``."""
    found = supply(request, notes)
    unknown: list[Phrase] = []
    # A new board's final circuits have no cable in the design and all the same breaker: one
    # step for all of them keeps their one-line trace (and the dossier's table of them).
    quiet = Notes()
    finals = [
        c
        for c in circuits
        if c.cable is None and (c.name.startswith("household_") or c.name == "pv")
    ]
    for circuit in circuits:
        own = quiet if circuit in finals else notes
        circuit.fault = _check(found, catalog, circuit, own, unknown)
    seen = {(f.code, f.message) for f in notes.findings}
    for item in quiet.findings:
        if (item.code, item.message) not in seen:
            seen.add((item.code, item.message))
            notes.findings.append(item.model_copy(update={"circuit": None}))
    # One step per breaker the final circuits share (a heat pump's B20 beside the B16s).
    by_breaker: dict[tuple[str, float, int], list[Circuit]] = {}
    for circuit in finals:
        if circuit.breaker is not None:
            key = (circuit.breaker.curve, circuit.breaker.rating_a, circuit.breaker.poles)
            by_breaker.setdefault(key, []).append(circuit)
    for same in by_breaker.values():
        _finals_step(same, notes)
    if unknown:
        devices = Phrase(
            words([d.nl for d in unknown], "nl", both=True),
            words([d.en for d in unknown], "en", both=True),
        )
        notes.finding(
            "fault.breaking_capacity_unknown", devices=devices, ik_ka=round(found.ik3_max_ka, 2)
        )
    return found


def _finals_step(finals: list[Circuit], notes: Notes) -> None:
    first = finals[0].fault
    breaker = finals[0].breaker
    if first is None or breaker is None:
        return
    breaking, zs_max, measured = (
        first.breaking_capacity_ka,
        first.zs_max_ohm,
        first.zs_measured_max_ohm,
    )
    label = f"{breaker.curve}{breaker.rating_a:g}"
    notes.step(
        "fault.final_circuits",
        ("Foutbescherming eindgroepen", "Fault protection of the final circuits"),
        both(
            lambda n: (
                f"{len(finals)} × {label}: "
                + (
                    f"{n.t('kortsluitvermogen', 'breaking capacity')} {n(breaking)} kA ≥ "
                    f"{n(first.ik_max_ka or 0)} kA"
                    if breaking is not None
                    else n.t("kortsluitvermogen onbekend", "breaking capacity unknown")
                )
                + (
                    f"; Zs,max {n(zs_max, 3)} Ω, {n.t('gemeten', 'measured')} ≤ {n(measured, 3)} Ω"
                    if zs_max is not None and measured is not None
                    else ""
                )
            )
        ),
        (
            "IEC 60364-4-43 434.5.1; IEC 60364-4-41 411.4.4; de kabels van de eindgroepen "
            "staan niet in het ontwerp: Zs meten bij de oplevering",
            "IEC 60364-4-43 434.5.1; IEC 60364-4-41 411.4.4; the final circuits' cables are not "
            "in the design: measure Zs at commissioning",
        ),
    )


def _check(
    supply: Supply, catalog: Catalog, circuit: Circuit, notes: Notes, unknown: list[Phrase]
) -> FaultProtection:
    name = circuit.name
    table = fault_table()
    ik = supply.ik3_max_ka if circuit.phases == 3 else supply.ik_max_ka
    result = FaultProtection(earthing=supply.earthing, ze_ohm=supply.ze_ohm, ik_max_ka=round(ik, 3))
    breaker = circuit.breaker
    if breaker is None:
        if circuit.cable is not None:
            notes.finding("fault.zs_unknown", circuit=name, why="no_breaker")
        return result
    device, breaking = _device(catalog, breaker.article, f"{breaker.curve}{breaker.rating_a:g}")
    result.breaking_capacity_ka = breaking
    _breaking_step(notes, name, ik, breaking, supply.ik_default, device, unknown)

    if supply.ze_ohm is not None and supply.earthing in _TN:
        _disconnection(supply, circuit, result, notes)
    if circuit.cable is not None:
        _adiabatic(circuit, result, ik, supply.ik_default, notes, device)
    if supply.ra_ohm is not None and circuit.rcd is not None:
        touch = supply.ra_ohm * circuit.rcd.sensitivity_ma / 1000
        limit = float(table["tt"]["touch_voltage_v"])
        result.ra_ohm, result.touch_voltage_v = supply.ra_ohm, round(touch, 2)
        ra, ma = supply.ra_ohm, circuit.rcd.sensitivity_ma
        notes.step(
            "fault.tt",
            ("TT: RA × IΔn", "TT: RA × IΔn"),
            both(lambda n: f"{n(ra)} Ω × {n(ma)} mA = {n(touch)} V ≤ {n(limit)} V"),
            _bases(table["tt"]),
            circuit=name,
            is_default=supply.ra_default,
        )
        if touch > limit + EPSILON:
            notes.finding(
                "fault.tt_touch_voltage",
                circuit=name,
                ra=ra,
                sensitivity_ma=ma,
                touch_v=touch,
                limit_v=limit,
            )
    return result


def _device(catalog: Catalog, article: str | None, fallback: str) -> tuple[Phrase, float | None]:
    product = catalog.product(article) if article else None
    if product is None:
        return Phrase(fallback, fallback), None
    # Breakers, RCBOs and protective accessories carry the figure; None means unknown.
    breaking = getattr(product, "breaking_capacity_ka", None)
    label = Phrase(f"{product.name('nl')} ({article})", f"{product.name('en')} ({article})")
    return label, float(breaking) if breaking is not None else None


def _breaking_step(
    notes: Notes,
    name: str,
    ik: float,
    breaking: float | None,
    ik_default: bool,
    device: Phrase,
    unknown: list[Phrase],
) -> None:
    step = ("Kortsluitvermogen ≥ Ik,max", "Breaking capacity ≥ Ik,max")
    basis = ("IEC 60364-4-43:2008 434.5.1; catalogus", "IEC 60364-4-43:2008 434.5.1; catalogue")
    if breaking is None:
        if device not in unknown:
            unknown.append(device)
        notes.step(
            "fault.breaking_capacity",
            step,
            both(lambda n: f"{n.t('onbekend', 'unknown')} ≥ {n(ik)} kA?"),
            basis,
            circuit=name,
            is_default=True,
        )
        return
    notes.step(
        "fault.breaking_capacity",
        step,
        both(lambda n: f"{n(breaking)} kA ≥ {n(ik)} kA"),
        basis,
        circuit=name,
        is_default=ik_default,
    )
    if breaking + EPSILON < ik:
        notes.finding(
            "fault.breaking_capacity", circuit=name, device=device, breaking_ka=breaking, ik_ka=ik
        )


def ia_of(curve: str, rating_a: float) -> float | None:
    """IEC 60898-1: the current that trips the breaker instantaneously (top of its band)."""
    band = tables.breaker_standard()["instantaneous_trip_band"].get(curve)
    return float(band[1]) * rating_a if band else None


def zs_limit(curve: str, rating_a: float, u0_v: float) -> float | None:
    """Zs,max = c_min · U0 / Ia (IEC 60364-4-41 411.4.4 with the voltage factor c_min)."""
    ia = ia_of(curve, rating_a)
    if ia is None:
        return None
    return float(fault_table()["voltage_factor"]["c_min"]) * u0_v / ia


def _disconnection(supply: Supply, circuit: Circuit, result: FaultProtection, notes: Notes) -> None:
    assert circuit.breaker is not None and supply.ze_ohm is not None
    table = fault_table()
    name = circuit.name
    curve, rating, u0 = circuit.breaker.curve, circuit.breaker.rating_a, supply.u0_v
    ia = ia_of(curve, rating)
    zs_max = zs_limit(curve, rating, u0)
    if ia is None or zs_max is None:
        return
    measured = zs_max * float(table["measured_zs_factor"]["value"])
    result.ia_a, result.zs_max_ohm = ia, round(zs_max, 3)
    result.zs_measured_max_ohm = round(measured, 3)
    c_min = float(table["voltage_factor"]["c_min"])
    band = tables.breaker_standard()["instantaneous_trip_band"][curve][1]
    notes.step(
        "fault.zs_limit",
        ("Grens foutlusimpedantie Zs,max", "Earth-fault loop limit Zs,max"),
        both(
            lambda n: (
                f"Ia = {band} × {n(rating)} A = {n(ia)} A; Zs,max = {n(c_min)} × {n(u0)} V / "
                f"{n(ia)} A = {n(zs_max, 3)} Ω; {n.t('gemeten', 'measured')} ≤ {n(measured, 3)} Ω"
            )
        ),
        (
            f"{_bases(table['disconnection'])[0]}; {_bases(table['measured_zs_factor'])[0]}",
            f"{_bases(table['disconnection'])[1]}; {_bases(table['measured_zs_factor'])[1]}",
        ),
        circuit=name,
    )
    cable = circuit.cable
    if cable is None:
        if circuit.name in ("ac_grid", "backup"):
            notes.finding("fault.zs_unknown", circuit=name, why="no_cable")
        return
    rho = float(table["resistivity_ohm_mm2_m"]["value"])
    ze = supply.ze_ohm
    loop = 2 * rho * cable.length_m / cable.csa_mm2
    zs = ze + loop
    ik_min = c_min * u0 / zs
    result.zs_ohm, result.ik_min_a = round(zs, 3), round(ik_min, 1)
    notes.step(
        "fault.zs",
        ("Foutlusimpedantie Zs en Ik,min aan het eind", "Loop impedance Zs and Ik,min at the end"),
        both(
            lambda n: (
                f"Zs = Ze + 2 · ρ · L / S = {n(ze, 3)} + 2 × {n(rho, 4)} × {n(cable.length_m)} / "
                f"{n(cable.csa_mm2, 1)} = {n(zs, 3)} Ω "
                f"{'≤' if zs <= zs_max + EPSILON else '>'} {n(zs_max, 3)} Ω; "
                f"Ik,min = {n(c_min)} × {n(u0)} / {n(zs, 3)} = {n(ik_min, 0)} A"
            )
        ),
        _bases(table["resistivity_ohm_mm2_m"]),
        circuit=name,
        is_default=supply.ze_default,
    )
    if zs > zs_max + EPSILON:
        notes.finding(
            "fault.zs_too_high", circuit=name, zs=zs, zs_max=zs_max, curve=curve, rating=rating
        )


def let_through(curve: str, rating_a: float, ik_ka: float) -> float | None:
    """Class-3 I²t limit at the smallest tabulated breaking capacity that holds ``ik_ka``."""
    rows = fault_table()["let_through"]["class_3_a2s"]
    for row in sorted(rows, key=lambda r: (r["max_rating_a"], r["breaking_ka"])):
        if rating_a <= row["max_rating_a"] + EPSILON and ik_ka <= row["breaking_ka"] + EPSILON:
            value = row.get(curve)
            return float(value) if value is not None else None
    return None


def _adiabatic(
    circuit: Circuit,
    result: FaultProtection,
    ik: float,
    ik_default: bool,
    notes: Notes,
    device: Phrase,
) -> None:
    assert circuit.cable is not None and circuit.breaker is not None
    table = fault_table()
    cable, breaker, name = circuit.cable, circuit.breaker, circuit.name
    k = float(table["k_factor"].get(cable.insulation, table["k_factor"]["PVC"]))
    k2s2 = (k * cable.csa_mm2) ** 2
    i2t = let_through(breaker.curve, breaker.rating_a, ik)
    result.k2s2_a2s, result.let_through_a2s = round(k2s2), i2t
    basis = (
        f"{_bases(table['k_factor'])[0]}; {_bases(table['let_through'])[0]}",
        f"{_bases(table['k_factor'])[1]}; {_bases(table['let_through'])[1]}",
    )
    step = ("Kortsluitvastheid kabel k²S² ≥ I²t", "Cable withstand k²S² ≥ I²t")
    if i2t is None:
        notes.step(
            "fault.adiabatic",
            step,
            both(
                lambda n: (
                    f"{n(k, 0)}² × {n(cable.csa_mm2, 1)}² = {n(k2s2, 0)} A²s; I²t "
                    + n.t("onbekend", "unknown")
                )
            ),
            basis,
            circuit=name,
            is_default=True,
        )
        notes.finding("fault.let_through_unknown", circuit=name, device=device, ik_ka=ik, k2s2=k2s2)
        return
    notes.step(
        "fault.adiabatic",
        step,
        both(
            lambda n: (
                f"{n(k, 0)}² × {n(cable.csa_mm2, 1)}² = {n(k2s2, 0)} A²s "
                f"{'≥' if k2s2 + EPSILON >= i2t else '<'} I²t {n(i2t, 0)} A²s "
                f"({n.t('klasse 3', 'class 3')}, {breaker.curve}{n(breaker.rating_a)}, "
                f"{n(ik)} kA)"
            )
        ),
        basis,
        circuit=name,
        is_default=True,
    )
    if k2s2 + EPSILON < i2t:
        # On the assumed Ik and the class's upper bound the shortfall is not proven: say so.
        if ik_default:
            notes.finding(
                "fault.adiabatic_assumed",
                circuit=name,
                ik_ka=ik,
                csa=cable.csa_mm2,
                k2s2=k2s2,
                i2t=i2t,
            )
        else:
            notes.finding("fault.adiabatic", circuit=name, csa=cable.csa_mm2, k2s2=k2s2, i2t=i2t)
