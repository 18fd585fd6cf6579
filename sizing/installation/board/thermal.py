"""The physics of a warm groepenkast: pure functions over floats, constants from
``sizing/tables/heat_iec60890.json``.

- :func:`device_loss_w`: a device's loss at its operating current, (Ib/In)² scaled;
- :func:`cooling_surface_m2`: the effective cooling surface Ae of IEC TR 60890 (b-factors);
- :func:`tr60890`: the temperature rise at mid-height and at the top by IEC TR 60890;
- :func:`surface_rise_k`: the simpler surface method ΔT = P / (k · A) (Rittal, Schneider).

The curve constants are third-party digitisations of the TR's figures (the data file says
which); they stay in the data file so the purchased TR's equations can replace them there.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from sizing import tables

Method = Literal["iec_tr_60890_small", "iec_tr_60890_large", "surface"]
Mounting = Literal["surface", "flush", "between"]
DeviceKind = Literal["breaker", "rcbo", "rcd", "main_switch", "surge"]


@cache
def constants() -> dict[str, Any]:
    return tables.read_json("heat_iec60890.json")


def poles_carrying(poles: str) -> int:
    """How many poles of a device carry its operating current (data file, with its reasoning)."""
    table = constants()["poles_carrying_current"]
    return int(table.get(poles, 4))


def default_loss_w_per_pole(kind: DeviceKind, rating_a: float) -> float:
    """The documented default loss per pole at rated current for a device of this kind and
    rating: the first band at or above the rating, the largest band above it all."""
    bands = constants()["default_losses"][kind]["w_per_pole_up_to_a"]
    for up_to, loss in bands:
        if rating_a <= up_to:
            return float(loss)
    return float(bands[-1][1])


def device_loss_w(
    loss_w_per_pole: float, rating_a: float, current_a: float, poles: int, static: bool = False
) -> float:
    """P = poles · P_pole · (Ib/In)², the I²R scaling of the rated loss; a static loss (a surge
    device's leakage) does not depend on the load current."""
    if static:
        return poles * loss_w_per_pole
    if rating_a <= 0:
        return 0.0
    return poles * loss_w_per_pole * (max(current_a, 0.0) / rating_a) ** 2


@dataclass(frozen=True, slots=True)
class Surfaces:
    top_m2: float
    front_m2: float
    rear_m2: float
    sides_m2: float  # both sides together
    effective_m2: float  # Ae = Σ A0 · b
    geometric_m2: float  # the area the surface method uses (floor excluded)


def cooling_surface_m2(width_m: float, height_m: float, depth_m: float, mounting: str) -> Surfaces:
    """Ae = Σ A0 · b over the surfaces; the mounting decides which are covered, the floor
    counts for nothing (IEC TR 60890, b-factors in the data file)."""
    b = constants()["surface_factors_b"]
    cover = constants()["mountings"][mounting]
    top = width_m * depth_m
    front = width_m * height_m
    rear = width_m * height_m
    sides = 2 * depth_m * height_m
    effective = (
        top * (b["top_exposed"] if cover["top"] == "exposed" else b["top_covered"])
        + front * (b["side_exposed"] if cover["front"] == "exposed" else b["side_covered"])
        + rear * (b["side_exposed"] if cover["rear"] == "exposed" else b["side_covered"])
        + sides * (b["side_exposed"] if cover["sides"] == "exposed" else b["side_covered"])
    )
    return Surfaces(top, front, rear, sides, effective, effective)


def _interpolate(points: list[list[float]], x: float) -> float:
    """Linear between the digitised points; the end values outside them (no extrapolation)."""
    if x <= points[0][0]:
        return float(points[0][1])
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x <= x1:
            return float(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
    return float(points[-1][1])


@dataclass(frozen=True, slots=True)
class Rise:
    method: Method
    k: float
    c: float
    d: float
    x: float
    mid_k: float  # Δt0.5
    top_k: float  # Δt1.0
    shape: float  # g = h/w (small) or f = h^1.35 / Ab (large)


def tr60890_method(effective_m2: float) -> Method:
    """Which path of the TR applies to a cooling surface; 'surface' outside the digitised range."""
    small = constants()["small_enclosure"]
    large = constants()["large_enclosure"]
    if small["min_cooling_surface_m2"] <= effective_m2 <= small["max_cooling_surface_m2"]:
        return "iec_tr_60890_small"
    if small["max_cooling_surface_m2"] < effective_m2 <= large["max_cooling_surface_m2"]:
        return "iec_tr_60890_large"
    return "surface"


def temperature_rise_k(loss_w: float, k: float, d: float, x: float) -> float:
    """Δt0.5 = k · d · P^x (IEC TR 60890); never negative."""
    return k * d * max(loss_w, 0.0) ** x


def tr60890(
    loss_w: float,
    effective_m2: float,
    width_m: float,
    height_m: float,
    depth_m: float,
    ventilated: bool = False,
) -> Rise | None:
    """The rise of the air at mid-height and at the top, or None where the TR's digitised
    curves do not reach (the caller uses the surface method there).

    Only the unventilated curves (k, c) are digitised; ``ventilated`` switches only the
    exponent. The board computes every kast as unventilated, which overestimates a ventilated
    one's rise (the trace says so)."""
    method = tr60890_method(effective_m2)
    x = float(constants()["exponent_x"]["ventilated" if ventilated else "unventilated"])
    d = float(constants()["partition_factor_d"]["value"])
    if method == "iec_tr_60890_small":
        small = constants()["small_enclosure"]
        fit = small["k_fit"]
        k = fit["coefficient"] * effective_m2 ** fit["exponent"]
        shape = height_m / width_m
        c = _interpolate(small["c_by_g"], shape)
    elif method == "iec_tr_60890_large":
        large = constants()["large_enclosure"]
        k = _interpolate(large["k_by_ae"], effective_m2)
        shape = height_m**1.35 / (width_m * depth_m)
        c = _interpolate(large["c_by_f_curve_1"], shape)
    else:
        return None
    mid = temperature_rise_k(loss_w, k, d, x)
    return Rise(method, k, c, d, x, mid, c * mid, shape)


def surface_k(material: str) -> float:
    """Heat-transfer coefficient of the enclosure wall; an unknown material as plastic, the
    lower (conservative) of the two."""
    table = constants()["surface_method"]["k_w_per_m2k"]
    return float(table.get(material, table["plastic"]))


def surface_rise_k(loss_w: float, area_m2: float, k_w_per_m2k: float) -> float:
    """ΔTmax = Qv / (k · A) (Rittal Systemhandbuch); never negative."""
    return max(loss_w, 0.0) / (k_w_per_m2k * area_m2)


def cooling_needed_w(
    loss_w: float, area_m2: float, k_w_per_m2k: float, inside_c: float, ambient_c: float
) -> float:
    """The cooling power that keeps the inside at ``inside_c``: Qv − k · A · (Ti − Tu)."""
    return loss_w - k_w_per_m2k * area_m2 * (inside_c - ambient_c)
