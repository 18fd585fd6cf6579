"""The heat calculation of the groepenkast: an indicative calculation by the method of
IEC TR 60890, never a certificate (the assembler remains responsible for the design
verification under NEN-EN-IEC 61439-3).

Every device in the enclosure loses ``poles · P_pole · (Ib/In)²``; Ib is the rated current
times IEC 61439-3's rated diversity factor for ordinary groups and times 1 for the groups that
run at full load for hours (battery, PV, EV charger, heat pump). A maker's figure the
catalogue lacks becomes the documented default per kind, and the output says so. The wiring
and busbar allowance is added, and the rise of the air follows from the effective cooling
surface of the enclosure (:mod:`sizing.installation.board.thermal`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sizing import tables
from sizing.domain import Catalog, CircuitBreaker, Enclosure, MainSwitch, ResidualCurrentDevice
from sizing.findings import Phrase
from sizing.installation.board import thermal
from sizing.installation.board.heat_notes import explain
from sizing.notes import Notes
from sizing.schema import BoardDesign, BoardHeat, Circuit, DesignRequest, HeatDevice

# Groups that carry their full rated current for hours: diversity factor 1 (DKE logic, IET).
FULL_LOAD_KINDS = frozenset({"ev_charger", "heat_pump"})
KIND_NAMES = {
    "breaker": ("installatieautomaat", "circuit breaker"),
    "rcbo": ("aardlekautomaat", "RCBO"),
    "rcd": ("aardlekschakelaar", "RCD"),
    "main_switch": ("hoofdschakelaar", "main switch"),
    "surge": ("overspanningsbeveiliging", "surge protective device"),
}
Device = CircuitBreaker | ResidualCurrentDevice | MainSwitch


@dataclass
class Load:
    """The devices of the board and the current each phase carries, collected group by group."""

    factor: float
    ordinary: int  # groups that share the diversity factor
    devices: list[HeatDevice] = field(default_factory=list)
    phase_a: dict[str, float] = field(default_factory=lambda: dict.fromkeys(("L1", "L2", "L3"), 0))

    def add(
        self,
        kind: thermal.DeviceKind,
        label: tuple[str, str],
        product: Device | None,
        article: str | None,
        rating_a: float,
        poles: int,
        current_a: float,
        factor: float,
    ) -> None:
        known = product is not None and product.loss_w_per_pole is not None
        default = thermal.constants()["default_losses"][kind]
        if product is not None and product.loss_w_per_pole is not None:
            per_pole = product.loss_w_per_pole
            source = product.loss_source or "catalogus"
            poles = thermal.poles_carrying(product.poles)
        else:
            per_pole = thermal.default_loss_w_per_pole(kind, rating_a)
            source = default["source"]
        static = bool(default.get("static", False))
        self.devices.append(
            HeatDevice(
                label=label[0],
                label_en=label[1],
                kind=kind,
                article=article,
                rating_a=rating_a,
                poles=poles,
                operating_current_a=round(current_a, 2),
                diversity_factor=factor,
                loss_w_per_pole=per_pole,
                loss_is_default=not known,
                loss_source=source,
                loss_w=round(
                    thermal.device_loss_w(per_pole, rating_a, current_a, poles, static), 3
                ),
            )
        )

    def on_phases(self, phase: str, phases: int, current_a: float) -> None:
        if phases == 3 or phase not in self.phase_a:
            for name in self.phase_a:
                self.phase_a[name] += current_a if phases == 3 else current_a / 3
        else:
            self.phase_a[phase] += current_a


def _product(catalog: Catalog, article: str | None) -> Device | None:
    product = catalog.product(article) if article else None
    return product if isinstance(product, Device) else None


def is_household(circuit: Circuit) -> bool:
    return circuit.number is not None or circuit.name.startswith("household_")


def is_ordinary(circuit: Circuit) -> bool:
    """A household group shares the board's diversity factor, whatever its kind says, unless
    it runs at full load for hours; the battery's and the PV circuits never share it."""
    return is_household(circuit) and circuit.kind not in FULL_LOAD_KINDS


def board_heat(
    request: DesignRequest,
    catalog: Catalog,
    board: BoardDesign | None,
    circuits: list[Circuit],
    outside: set[str],
    notes: Notes,
) -> None:
    """Fill ``board.heat`` for a board whose enclosure is known, or say why it cannot be."""
    if board is None or request.board is None:
        return
    article = board.enclosure_article if board.mode == "new" else request.board.enclosure_article
    if article is None:
        reason = "no_fit" if board.mode == "new" else "no_enclosure"
        notes.finding("board.heat_not_computed", reason=reason)
        return
    enclosure = catalog.product(article)
    if not isinstance(enclosure, Enclosure):
        notes.finding("board.heat_not_computed", reason="unknown_enclosure", article=article)
        return
    inside = [c for c in circuits if c.name not in outside]
    load = _load(request, catalog, board, inside)
    board.heat = _heat(request, enclosure, load, notes)


def _ordinary_count(board: BoardDesign, inside: list[Circuit]) -> int:
    existing = sum(len(r.groups) for r in board.rcds if not r.is_new)
    return existing + sum(1 for c in inside if is_ordinary(c))


def _load(
    request: DesignRequest, catalog: Catalog, board: BoardDesign, inside: list[Circuit]
) -> Load:
    ordinary = _ordinary_count(board, inside)
    load = Load(tables.diversity_factor(ordinary), ordinary)
    factor = load.factor
    current: dict[str, float] = {}
    for circuit in inside:
        breaker = circuit.breaker
        if breaker is None:
            continue
        own = factor if is_ordinary(circuit) else 1.0
        ib = breaker.rating_a * own
        current[circuit.name] = ib
        load.on_phases(circuit.phase, circuit.phases, ib)
        label = (circuit.purpose_nl, circuit.purpose_en)
        rcd = circuit.rcd
        if rcd is not None and rcd.is_rcbo:
            product = _product(catalog, rcd.article)
            load.add("rcbo", label, product, rcd.article, breaker.rating_a, rcd.poles, ib, own)
        else:
            product = _product(catalog, breaker.article)
            load.add(
                "breaker", label, product, breaker.article, breaker.rating_a, breaker.poles, ib, own
            )
    _existing_groups(request, board, load)
    for device in board.rcds:
        if device.is_rcbo or not device.in_enclosure:
            continue
        if device.is_new:
            through = sum(current.get(name, 0.0) for name in device.groups)
        else:
            through = len(device.groups) * request.options.household_breaker_a * factor
        default_rating = thermal.constants()["existing_board_defaults"]["rcd_rating_a"]
        rating = device.rating_a or float(default_rating)
        label = (device.label, _rcd_label_en(device.label))
        product = _product(catalog, device.article)
        load.add("rcd", label, product, device.article, rating, device.poles, through, 1.0)
    _main_switch(request, catalog, board, load)
    _surge_protection(request, board, load)
    return load


def _surge_protection(request: DesignRequest, board: BoardDesign, load: Load) -> None:
    """The type 2 SPD a new board gets (site materials): no load current flows through it,
    so it adds the static default of its kind, counted on every pole of its 1+1 or 3+1 set."""
    if board.mode not in tables.rule("surge_protection").value["board_modes"]:
        return
    poles = 2 if request.connection.phases == 1 else 4
    label = ("Overspanningsbeveiliging", "Surge protective device")
    load.add("surge", label, None, None, 0.0, poles, 0.0, 1.0)


# The board's RCD labels are Dutch (BoardRcd.label); their English for the heat table.
_RCD_WORDS = (
    ("Bestaande aardlekschakelaar", "Existing RCD"),
    ("Aardlekschakelaar", "RCD"),
    ("Aardlekbeveiliging thuisbatterij", "RCD home battery"),
)


def _rcd_label_en(label: str) -> str:
    for dutch, english in _RCD_WORDS:
        if label.startswith(dutch):
            return english + label.removeprefix(dutch)
    return label


def _existing_groups(request: DesignRequest, board: BoardDesign, load: Load) -> None:
    """An existing board's groups, which the request describes only by count: each the
    household breaker of the design options, at the board's diversity factor."""
    rating = request.options.household_breaker_a
    number = 0
    for rcd in board.rcds:
        if rcd.is_new:
            continue
        for _ in rcd.groups:
            number += 1
            ib = rating * load.factor
            load.on_phases(rcd.phase, 1, ib)
            load.add(
                "breaker",
                (f"Bestaande groep {number}", f"Existing circuit {number}"),
                None,
                None,
                rating,
                2,
                ib,
                load.factor,
            )


def _main_switch(request: DesignRequest, catalog: Catalog, board: BoardDesign, load: Load) -> None:
    """The main switch carries at most the main fuse; every pole is given the most loaded
    phase's current, the neutral included (conservative)."""
    main = request.connection.main_fuse_a
    through = min(main, max(load.phase_a.values()))
    poles = board.main_switch_poles or (2 if request.connection.phases == 1 else 4)
    rating = board.main_switch_a or main
    load.add(
        "main_switch",
        ("Hoofdschakelaar", "Main switch"),
        _product(catalog, board.main_switch_article),
        board.main_switch_article,
        rating,
        poles,
        through,
        1.0,
    )


def _dimensions(enclosure: Enclosure, notes: Notes) -> tuple[float, float, float, bool]:
    if enclosure.width_mm and enclosure.height_mm and enclosure.depth_mm:
        return enclosure.width_mm, enclosure.height_mm, enclosure.depth_mm, False
    geometry = thermal.constants()["default_geometry"]
    width = enclosure.modules_per_row * geometry["module_width_mm"] + geometry["side_margin_mm"]
    height = enclosure.rows * geometry["row_pitch_mm"] + geometry["top_bottom_margin_mm"]
    depth = geometry["depth_mm"]
    notes.finding(
        "board.heat_default_enclosure",
        article=enclosure.article,
        width=width,
        height=height,
        depth=depth,
    )
    return float(width), float(height), float(depth), True


def _heat(request: DesignRequest, enclosure: Enclosure, load: Load, notes: Notes) -> BoardHeat:
    data = thermal.constants()
    width, height, depth, assumed = _dimensions(enclosure, notes)
    mounting = enclosure.mounting.value
    surfaces = thermal.cooling_surface_m2(width / 1000, height / 1000, depth / 1000, mounting)
    device_loss = sum(d.loss_w for d in load.devices)
    allowance = float(data["wiring_allowance"]["fraction"])
    total = device_loss * (1 + allowance)
    rise = thermal.tr60890(total, surfaces.effective_m2, width / 1000, height / 1000, depth / 1000)
    k_surface = thermal.surface_k(enclosure.material)
    surface_rise = thermal.surface_rise_k(total, surfaces.geometric_m2, k_surface)
    temperatures = data["temperatures"]
    given = request.board.ambient_c if request.board is not None else None
    ambient = float(given if given is not None else temperatures["ambient_c"])
    top_rise = rise.top_k if rise is not None else surface_rise
    limit = enclosure.max_internal_temperature_c
    heat = BoardHeat(
        method=rise.method if rise is not None else "surface",
        enclosure_article=enclosure.article,
        width_mm=width,
        height_mm=height,
        depth_mm=depth,
        dimensions_are_default=assumed,
        mounting=mounting,
        material=enclosure.material or "plastic",
        ip_rating=enclosure.ip_rating,
        ventilated=enclosure.ventilated,
        ordinary_circuits=load.ordinary,
        diversity_factor=load.factor,
        devices=load.devices,
        device_loss_w=round(device_loss, 2),
        wiring_allowance_fraction=allowance,
        wiring_loss_w=round(device_loss * allowance, 2),
        total_loss_w=round(total, 2),
        cooling_surface_m2=round(surfaces.effective_m2, 4),
        k=None if rise is None else round(rise.k, 4),
        c=None if rise is None else round(rise.c, 4),
        d=None if rise is None else rise.d,
        x=None if rise is None else rise.x,
        rise_mid_k=None if rise is None else round(rise.mid_k, 2),
        rise_top_k=round(top_rise, 2),
        surface_k_w_per_m2k=k_surface,
        surface_rise_k=round(surface_rise, 2),
        ambient_c=ambient,
        ambient_is_default=given is None,
        top_c=round(ambient + top_rise, 1),
        reference_c=float(temperatures["reference_c"]),
        limit_c=float(limit if limit is not None else temperatures["limit_c"]),
        limit_is_default=limit is None,
        defaults_used=sum(1 for d in load.devices if d.loss_is_default),
    )
    _findings(heat, notes)
    explain(heat, notes)
    return heat


def _findings(heat: BoardHeat, notes: Notes) -> None:
    defaulted = [d for d in heat.devices if d.loss_is_default]
    if defaulted:
        kinds = sorted({d.kind for d in defaulted}, key=list(KIND_NAMES).index)
        notes.finding(
            "board.heat_default_losses",
            count=len(defaulted),
            total=len(heat.devices),
            kinds=Phrase(
                ", ".join(KIND_NAMES[k][0] for k in kinds),
                ", ".join(KIND_NAMES[k][1] for k in kinds),
            ),
        )
    # On the documented defaults alone (no maker's losses for most devices, or no real
    # enclosure size) the figure is an indication, not a finding that should stop a design:
    # said as information, so a warning keeps meaning that real figures exceed the limit.
    on_defaults = heat.dimensions_are_default or 2 * len(defaulted) > len(heat.devices)
    if heat.top_c > heat.limit_c and on_defaults:
        notes.finding(
            "board.heat_above_limit_estimate",
            top=heat.top_c,
            ambient=heat.ambient_c,
            rise=heat.rise_top_k,
            limit=heat.limit_c,
        )
    elif heat.top_c > heat.limit_c:
        notes.finding(
            "board.heat_above_limit",
            top=heat.top_c,
            ambient=heat.ambient_c,
            rise=heat.rise_top_k,
            limit=heat.limit_c,
            limit_basis="default" if heat.limit_is_default else "maker",
        )
    elif heat.top_c > heat.reference_c:
        notes.finding(
            "board.heat_above_reference",
            top=heat.top_c,
            ambient=heat.ambient_c,
            rise=heat.rise_top_k,
            reference=heat.reference_c,
        )
