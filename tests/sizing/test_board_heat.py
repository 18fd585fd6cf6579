"""The heat calculation of the groepenkast: published worked examples replayed, then the
properties every rise must have, then what a design reports about it."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sizing import tables
from sizing.installation.board import thermal
from sizing.installation.board.heat import is_ordinary
from sizing.schema import Circuit

from .engine_helpers import T20, codes, finding, run, with_makers_heat_figures

NEW_BOARD = {"mode": "new", "household_circuits": 12}
LARGE = {"backup": "backup_box", "shutdown_kit": True, "board": NEW_BOARD}


# ----------------------------------------------------------------- worked examples


def test_it_replays_the_rittal_cooling_surface_of_a_wall_mounted_cabinet() -> None:
    # "2. Berechnungsbeispiel" (studylibde.com/doc/11533616, Rittal-style handbook, reference
    # file §2.3 golden case 1): W 1.2 × H 2.0 × D 0.6 m against a wall,
    # A = 1.4·1.2·(2.0+0.6) + 1.8·0.6·2.0 = 6.528 m².
    surfaces = thermal.cooling_surface_m2(1.2, 2.0, 0.6, "surface")
    assert surfaces.effective_m2 == pytest.approx(6.528)


@pytest.mark.parametrize(
    ("ambient_c", "cooling_w"),
    [(30, 820.48), (35, 1000.0), (40, 1179.52), (45, 1359.04), (50, 1538.56)],
)
def test_it_replays_the_rittal_cooling_power_for_each_ambient(
    ambient_c: float, cooling_w: float
) -> None:
    # Same example: Qv = 1000 W, inside at most 35 °C, k = 5.5 W/m²K (painted sheet steel);
    # cooling needed = Qv − k·A·(35 − Tu), 1,179.52 W at 40 °C being the published answer.
    area = thermal.cooling_surface_m2(1.2, 2.0, 0.6, "surface").geometric_m2
    needed = thermal.cooling_needed_w(1000, area, thermal.surface_k("steel"), 35, ambient_c)
    assert needed == pytest.approx(cooling_w, abs=0.01)


def test_it_replays_the_rittal_rise_of_the_closed_cabinet() -> None:
    # Derived in the reference file from the same example: 1000 / (5.5 · 6.528) = 27.85 K.
    area = thermal.cooling_surface_m2(1.2, 2.0, 0.6, "surface").geometric_m2
    assert thermal.surface_rise_k(1000, area, 5.5) == pytest.approx(27.85, abs=0.01)


def test_it_replays_the_mennekes_diversity_example() -> None:
    # Mennekes Everbox Grip manual p. 53 (reference file §2.5 golden case 2): 8 sockets of
    # 16 A at RDF 0.6 load 76.8 A > 63 A; with 6 sockets 57.6 A ≤ 63 A. The IEC 61439-3 table
    # gives the same 0.6 for 6 to 9 circuits.
    assert tables.diversity_factor(8) == 0.6
    assert 8 * 16 * tables.diversity_factor(8) == pytest.approx(76.8)
    assert 6 * 16 * tables.diversity_factor(6) == pytest.approx(57.6)
    assert 6 * 16 * tables.diversity_factor(6) <= 63 < 8 * 16 * tables.diversity_factor(8)


@pytest.mark.parametrize(("loss_w", "mid_k", "top_k"), [(20, 10.27, 12.39), (30, 14.23, 17.16)])
def test_it_reproduces_the_reference_files_small_kast_with_the_digitised_curves(
    loss_w: float, mid_k: float, top_k: float
) -> None:
    # Reference file §2.5, the illustrative (not golden) case: W 0.5 × H 0.6 × D 0.1 m on a
    # wall, Ae = 0.598 m², k ≈ 0.924 (Fig. 7 fit), c ≈ 1.206 (Fig. 8 at g = 1.2).
    ae = thermal.cooling_surface_m2(0.5, 0.6, 0.1, "surface").effective_m2
    assert ae == pytest.approx(0.598)
    rise = thermal.tr60890(loss_w, ae, 0.5, 0.6, 0.1)
    assert rise is not None
    assert rise.method == "iec_tr_60890_small"
    assert rise.mid_k == pytest.approx(mid_k, abs=0.02)
    assert rise.top_k == pytest.approx(top_k, abs=0.02)


def test_it_scales_a_devices_loss_with_the_square_of_its_current() -> None:
    # P = poles · P_pole · (Ib/In)²: half the current, a quarter of the loss.
    assert thermal.device_loss_w(2.3, 16, 16, 2) == pytest.approx(4.6)
    assert thermal.device_loss_w(2.3, 16, 8, 2) == pytest.approx(1.15)


# ----------------------------------------------------------------- properties

losses = st.floats(min_value=0, max_value=500, allow_nan=False)
sizes = st.floats(min_value=0.2, max_value=0.8, allow_nan=False)


@given(losses, losses, sizes)
def test_the_rise_never_falls_when_the_losses_grow(a: float, b: float, size: float) -> None:
    low, high = sorted((a, b))
    ae = thermal.cooling_surface_m2(size, size * 1.5, 0.1, "surface").effective_m2
    first = thermal.tr60890(low, ae, size, size * 1.5, 0.1)
    second = thermal.tr60890(high, ae, size, size * 1.5, 0.1)
    assert first is not None and second is not None
    assert 0 <= first.top_k <= second.top_k
    assert 0 <= thermal.surface_rise_k(low, ae, 5.5) <= thermal.surface_rise_k(high, ae, 5.5)


@given(st.floats(min_value=1, max_value=500), st.floats(min_value=0.1, max_value=1.2))
def test_the_rise_falls_as_the_cooling_surface_grows(loss_w: float, ae: float) -> None:
    # The same shape (g fixed), only more surface: k falls, so the rise falls.
    d = thermal.constants()["partition_factor_d"]["value"]
    fit = thermal.constants()["small_enclosure"]["k_fit"]
    smaller = fit["coefficient"] * ae ** fit["exponent"]
    larger = fit["coefficient"] * (ae * 1.05) ** fit["exponent"]
    assert thermal.temperature_rise_k(loss_w, larger, d, 0.804) < thermal.temperature_rise_k(
        loss_w, smaller, d, 0.804
    )
    assert thermal.surface_rise_k(loss_w, ae * 1.05, 5.5) < thermal.surface_rise_k(loss_w, ae, 5.5)


@given(st.floats(min_value=-50, max_value=500, allow_nan=False), sizes, sizes)
def test_the_rise_is_never_negative(loss_w: float, width: float, height: float) -> None:
    ae = thermal.cooling_surface_m2(width, height, 0.12, "flush").effective_m2
    rise = thermal.tr60890(loss_w, ae, width, height, 0.12)
    top = rise.top_k if rise is not None else thermal.surface_rise_k(loss_w, ae, 3.5)
    assert top >= 0


def test_a_flush_mounted_kast_cools_worse_than_one_on_the_wall() -> None:
    surface = thermal.cooling_surface_m2(0.33, 0.55, 0.1, "surface").effective_m2
    between = thermal.cooling_surface_m2(0.33, 0.55, 0.1, "between").effective_m2
    flush = thermal.cooling_surface_m2(0.33, 0.55, 0.1, "flush").effective_m2
    assert flush < between < surface


def test_ventilation_lowers_the_exponent_of_the_tr() -> None:
    shut = thermal.tr60890(100, 0.5, 0.4, 0.6, 0.1)
    vented = thermal.tr60890(100, 0.5, 0.4, 0.6, 0.1, ventilated=True)
    assert shut is not None and vented is not None
    assert (shut.x, vented.x) == (0.804, 0.715)
    assert vented.top_k < shut.top_k


# ----------------------------------------------------------------- in a design


def _circuit(name: str, number: int | None, kind: str | None) -> Circuit:
    return Circuit(
        name=name,
        purpose_nl=name,
        purpose_en=name,
        number=number,
        kind=kind,
        phases=1,
        phase="L1",
        design_current_a=16,
    )


def test_ev_chargers_heat_pumps_and_the_battery_take_no_diversity() -> None:
    assert is_ordinary(_circuit("household_1", 1, "lighting_sockets"))
    assert is_ordinary(_circuit("household_2", 2, None))  # no kind yet: an ordinary group
    assert not is_ordinary(_circuit("household_3", 3, "ev_charger"))
    assert not is_ordinary(_circuit("household_4", 4, "heat_pump"))
    assert not is_ordinary(_circuit("ac_grid", None, None))
    assert not is_ordinary(_circuit("pv", None, None))


def test_the_large_new_board_gets_a_heat_calculation(catalog: Any) -> None:
    result = run(catalog, T20, count=12, **LARGE)
    assert result.board is not None and result.board.heat is not None
    heat = result.board.heat
    assert heat.method == "iec_tr_60890_small"
    assert heat.ordinary_circuits == 12
    assert heat.diversity_factor == 0.5
    households = [d for d in heat.devices if d.label.startswith("Eindgroep")]
    assert len(households) == 12
    assert all(d.operating_current_a == 8 for d in households)  # 16 A × 0.5
    battery = next(d for d in heat.devices if d.kind == "rcbo")
    assert battery.diversity_factor == 1
    assert battery.operating_current_a == battery.rating_a
    assert heat.total_loss_w == pytest.approx(heat.device_loss_w * 1.3, abs=0.02)
    assert heat.top_c == pytest.approx(heat.ambient_c + heat.rise_top_k, abs=0.06)
    keys = [s.key for s in result.trace if s.key.startswith("board.heat")]
    assert keys[0] == "board.heat_diversity" and keys[-1] == "board.heat_top"


def test_an_unknown_loss_figure_is_replaced_by_the_default_and_reported(catalog: Any) -> None:
    result = run(catalog, T20, count=12, **LARGE)
    heat = result.board.heat if result.board else None
    assert heat is not None
    assert heat.defaults_used == len(heat.devices)
    assert all(d.loss_is_default and d.loss_source for d in heat.devices)
    report = finding(result, "board.heat_default_losses")
    assert report.severity == "info"
    assert f"Van {len(heat.devices)} van de {len(heat.devices)} apparaten" in report.message
    losses = next(s for s in result.trace if s.key == "board.heat_losses")
    assert losses.is_default


def test_a_makers_loss_figure_replaces_the_default(catalog: Any) -> None:
    breakers = tuple(
        dataclasses.replace(b, loss_w_per_pole=1.0, loss_source="datasheet p. 4")
        for b in catalog.breakers
    )
    measured = dataclasses.replace(catalog, breakers=breakers)
    heat = run(measured, T20, count=12, **LARGE).board.heat
    default = run(catalog, T20, count=12, **LARGE).board.heat
    households = [d for d in heat.devices if d.label.startswith("Eindgroep")]
    assert all(not d.loss_is_default and d.loss_source == "datasheet p. 4" for d in households)
    assert all(d.loss_w == pytest.approx(2 * 1.0 * 0.25) for d in households)
    assert heat.defaults_used == default.defaults_used - 12
    assert heat.total_loss_w < default.total_loss_w


def test_an_existing_board_without_its_enclosure_says_it_cannot_be_computed(
    catalog: Any,
) -> None:
    board = {"mode": "existing", "rcds": [{"groups": 3}], "free_modules": 6}
    result = run(catalog, board=board)
    assert result.board is not None and result.board.heat is None
    report = finding(result, "board.heat_not_computed")
    assert "niet opgegeven" in report.message


def test_an_existing_board_with_its_enclosure_is_computed(catalog: Any) -> None:
    board = {
        "mode": "existing",
        "rcds": [{"groups": 3}],
        "free_modules": 6,
        "enclosure_article": "GEN-KAST-2x13",
        "ambient_c": 20,
    }
    result = run(catalog, board=board)
    heat = result.board.heat if result.board else None
    assert heat is not None
    assert heat.ambient_c == 20 and not heat.ambient_is_default
    assert sum(1 for d in heat.devices if d.label.startswith("Bestaande groep")) == 3
    assert "board.heat_not_computed" not in codes(result)


def test_an_enclosure_the_catalogue_lacks_is_named(catalog: Any) -> None:
    board = {"mode": "existing", "rcds": [{"groups": 3}], "enclosure_article": "GEN-KAST-9x99"}
    report = finding(run(catalog, board=board), "board.heat_not_computed")
    assert "GEN-KAST-9x99" in report.message


def test_a_hot_board_gets_a_warning_with_the_derating_advice(catalog: Any) -> None:
    hot = {**NEW_BOARD, "ambient_c": 45}
    result = run(with_makers_heat_figures(catalog), T20, count=12, backup="backup_box", board=hot)
    warning = finding(result, "board.heat_above_limit")
    assert warning.severity == "warning"
    assert "grotere kast" in warning.message and "reductiefactor" in warning.message


def test_a_hot_board_on_the_defaults_alone_is_an_upper_bound_not_a_warning(catalog: Any) -> None:
    hot = {**NEW_BOARD, "ambient_c": 45}
    result = run(catalog, T20, count=12, backup="backup_box", board=hot)
    assert "board.heat_above_limit" not in codes(result)
    estimate = finding(result, "board.heat_above_limit_estimate")
    assert estimate.severity == "info" and "bovengrens" in estimate.message


def test_a_cool_meterkast_only_gets_the_derating_advice(catalog: Any) -> None:
    cool = {"mode": "new", "household_circuits": 2, "ambient_c": 15}
    result = run(catalog, board=cool)
    heat = result.board.heat if result.board else None
    assert heat is not None and heat.reference_c < heat.top_c <= heat.limit_c
    assert finding(result, "board.heat_above_reference").severity == "info"
    assert "board.heat_above_limit" not in codes(result)


def test_the_makers_dimensions_replace_the_assumed_kast(catalog: Any) -> None:
    enclosures = tuple(
        dataclasses.replace(e, width_mm=500, height_mm=800, depth_mm=150, material="steel")
        for e in catalog.enclosures
    )
    roomy = dataclasses.replace(catalog, enclosures=enclosures)
    measured = run(roomy, T20, count=12, **LARGE)
    assumed = run(catalog, T20, count=12, **LARGE)
    assert "board.heat_default_enclosure" not in codes(measured)
    assert "board.heat_default_enclosure" in codes(assumed)
    assert measured.board.heat.rise_top_k < assumed.board.heat.rise_top_k


def test_outside_the_trs_curves_the_surface_method_decides(catalog: Any) -> None:
    # A cooling surface below the smallest digitised point of Fig. 7 (0.1 m²): no TR constants.
    assert thermal.tr60890(50, 0.05, 0.1, 0.2, 0.05) is None
    enclosures = tuple(
        dataclasses.replace(e, width_mm=120, height_mm=200, depth_mm=60) for e in catalog.enclosures
    )
    tiny = dataclasses.replace(catalog, enclosures=enclosures)
    heat = run(tiny, board={"mode": "new", "household_circuits": 2}).board.heat
    assert heat is not None and heat.method == "surface"
    assert heat.k is None and heat.rise_top_k == heat.surface_rise_k


def test_a_new_boards_surge_device_adds_its_static_loss_whatever_the_load(catalog: Any) -> None:
    # The type 2 SPD of a new board (site materials) carries no load current: 0.25 W on each
    # pole of its 3+1 set, the documented default, not scaled with (Ib/In)².
    heat = run(catalog, T20, count=12, **LARGE).board.heat
    surge = [d for d in heat.devices if d.kind == "surge"]
    assert len(surge) == 1 and surge[0].poles == 4
    assert surge[0].loss_is_default and surge[0].loss_w == pytest.approx(4 * 0.25)
    existing = {"mode": "existing", "rcds": [{"groups": 3}], "enclosure_article": "GEN-KAST-2x13"}
    kept = run(catalog, board=existing).board.heat
    assert kept is not None and not any(d.kind == "surge" for d in kept.devices)
