"""Voltage drop by IEC 60364-5-52:2009 Annex G, with its trace text and its finding.

u = b × (ρ1 × L / S × cos φ + λ × L × sin φ) × Ib and Δu = 100 × u / U0, with
ρ1, λ and b from sizing/tables/annex_g.json.
"""

from __future__ import annotations

import math

from sizing import tables
from sizing.constants import EPSILON
from sizing.notes import NL, Notes, Text, Writer, both
from sizing.schema import CableRequest

ANNEX_G = "IEC 60364-5-52:2009 Annex G"
_SUM = "u = b × (ρ1 × L / S × cos φ + λ × L × sin φ) × Ib; Δu = 100 × u / U0"
FORMULA: Text = (f"{tables.cite_nl(ANNEX_G)}: {_SUM}", f"{ANNEX_G}: {_SUM}")


def voltage_drop(request: CableRequest, csa: float, ib: float, u0: float) -> tuple[float, float]:
    constants = tables.annex_g()
    rho1 = constants["rho1_ohm_mm2_per_m"]["copper"]
    reactance = constants["lambda_mohm_per_m"] / 1000
    b = constants["b"][str(request.phases)]
    cos_phi = request.cos_phi
    sin_phi = math.sqrt(max(0.0, 1.0 - cos_phi * cos_phi))
    length = request.length_m
    drop_v = b * (rho1 * length / csa * cos_phi + reactance * length * sin_phi) * ib
    return drop_v, 100.0 * drop_v / u0


def drop_texts(
    request: CableRequest,
    csa: float,
    ib: float,
    u0: float,
    drop_v: float,
    drop_pct: float,
    target: float,
    within: bool,
) -> Text:
    """The Annex G sum with the numbers filled in, in Dutch and in English."""
    return both(lambda n: drop_text(request, csa, ib, u0, drop_v, drop_pct, target, within, n))


def drop_text(
    request: CableRequest,
    csa: float,
    ib: float,
    u0: float,
    drop_v: float,
    drop_pct: float,
    target: float,
    within: bool,
    n: Writer = NL,
) -> str:
    constants = tables.annex_g()
    rho1 = constants["rho1_ohm_mm2_per_m"]["copper"]
    lam = constants["lambda_mohm_per_m"] / 1000
    b = constants["b"][str(request.phases)]
    cos_phi = request.cos_phi
    sin_phi = math.sqrt(max(0.0, 1.0 - cos_phi * cos_phi))
    length = n(request.length_m)
    compare = "≤" if within else ">"
    return (
        f"u = {b} × ({n(rho1, 4)} × {length} / {n(csa, 1)} × {n(cos_phi, 3)} + "
        f"{n(lam, 5)} × {length} × {n(sin_phi, 3)}) × {n(ib)} = {n(drop_v, 3)} V; "
        f"Δu = 100 × {n(drop_v, 3)} / {n(u0)} = {n(drop_pct, 3)} % {compare} "
        f"{n(target)} %"
    )


def drop_finding(
    drop_pct: float,
    target: float,
    hard_limit: float,
    csa: float,
    run: Notes,
    *,
    beyond_table: bool,
) -> None:
    if drop_pct <= target + EPSILON:
        return
    fix = "beyond_table" if beyond_table else "larger"
    if drop_pct > hard_limit + EPSILON:
        run.finding(
            "cable.voltage_drop_limit", drop_pct=drop_pct, limit_pct=hard_limit, fix=fix, csa=csa
        )
    else:
        run.finding(
            "cable.voltage_drop",
            drop_pct=drop_pct,
            target_pct=target,
            limit_pct=hard_limit,
            fix=fix,
            csa=csa,
        )


def target_governs(
    request: CableRequest,
    sizes: tuple[tuple[float, float], ...],
    by_current: float,
    chosen: tuple[float, float],
    ib: float,
    u0: float,
    run: Notes,
) -> float | None:
    """Say that the drop target, not Iz, set the cross-section, and name the cable that meets
    Iz and the practice figure (design_rules.json ``voltage_drop_advice_pct``).

    ``sizes`` are the tabulated (mm², Iz0) from the one that carries the current upward;
    returns the cross-section that meets the practice figure, None when none in the table does.
    """
    advice = float(tables.rule("voltage_drop_advice_pct").value)
    target = request.max_voltage_drop_pct
    csa, drop_pct = chosen
    at_advice = next(
        (
            (size, pct)
            for size, _ in sizes
            if (pct := voltage_drop(request, size, ib, u0)[1]) <= advice + EPSILON
        ),
        None,
    )
    if at_advice is None:
        return None
    advice_csa, advice_pct = at_advice
    run.step(
        "cable.governed_by_target",
        ("Doel of stroom", "Target or current"),
        both(
            lambda n: (
                f"{n.t('het spanningsvaldoel', 'the voltage-drop target')} {n(target)} % "
                f"{n.t('bepaalt', 'sets')} {n(csa, 1)} mm²; "
                f"{n.t('op stroom', 'by current')} {n(by_current, 1)} mm²; "
                f"Iz + {n(advice)} %: {n(advice_csa, 1)} mm² (Δu = {n(advice_pct, 2)} %)"
            )
        ),
        tables.rule("voltage_drop_advice_pct").bases,
    )
    run.finding(
        "cable.sized_by_voltage_drop",
        target_pct=target,
        csa=csa,
        drop_pct=drop_pct,
        by_current=by_current,
        advice_pct=advice,
        at_advice=advice_csa,
        advice_drop_pct=advice_pct,
    )
    return advice_csa
