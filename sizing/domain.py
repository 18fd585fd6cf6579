"""Plain domain objects of the product catalogue.

The Django models in ``catalog/`` build these with ``to_domain()``; the engine
receives nothing else. Physical figures are plain floats whose names carry
their unit (``nominal_power_kw``, ``rating_a``), the unit the catalogue stores
them in: units are parsed once, where values enter (the catalogue's fields, the
request's quantity strings in :mod:`sizing.units`), and the engine does
arithmetic on floats. A figure nobody knows yet is ``None`` and the engine says
so when it falls back to a default. Money is ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from sizing.system.codes import aliases


class DataSource(StrEnum):
    BROCHURE = "brochure"
    MANUAL = "manual"
    PUBLIC = "public"
    ADMIN = "admin"


class Coupling(StrEnum):
    HYBRID = "hybrid"
    AC = "ac"


class AccessoryKind(StrEnum):
    BACKUP_BOX = "backup_box"
    BACKUP_PROTECTION = "backup_protection"
    SHUTDOWN_KIT = "shutdown_kit"
    DISTRIBUTION_UNIT = "distribution_unit"
    ATS = "ats"
    OTHER = "other"


class MaterialKind(StrEnum):
    """Installation material beyond the devices, as the materials list orders it."""

    ENERGY_METER = "energy_meter"
    CURRENT_TRANSFORMER = "current_transformer"
    WARNING_LABEL = "warning_label"
    CABLE_GLAND = "cable_gland"
    CONDUIT = "conduit"
    CONDUIT_CLIP = "conduit_clip"
    CABLE_CLIP = "cable_clip"
    SURGE_PROTECTION = "surge_protection"


class Insulation(StrEnum):
    PVC = "PVC"
    XLPE = "XLPE"


class Construction(StrEnum):
    """How a cable type is built, which decides where it may lie (IEC 60364-5-52 Table 52.1)."""

    SINGLE_CORE_WIRE = "single_core_wire"  # insulated conductors without sheath (VD)
    MULTI_CORE = "multi_core"  # sheathed multi-core cable (YMvK, XMvK)


class RcdType(StrEnum):
    A = "A"
    F = "F"
    B = "B"


@dataclass(frozen=True, slots=True, kw_only=True)
class Product:
    """What every orderable item carries, whatever it is."""

    article: str  # Vekto article number, or a generic code when is_generic
    is_generic: bool
    model_code: str
    name_nl: str
    name_en: str
    price_eur: Decimal  # list price excl. VAT
    vat_rate: Decimal  # 0.21 for 21 %
    price_is_example: bool = True
    unit: str = "st"
    source: DataSource = DataSource.BROCHURE
    ambiguity_note: str = ""

    def name(self, language: str = "nl") -> str:
        return self.name_en if language == "en" and self.name_en else self.name_nl


@dataclass(frozen=True, slots=True, kw_only=True)
class Inverter(Product):
    system_code: str  # SMILE-G3-T10
    family: str  # compatibility family: S, T, TH
    phases: int
    coupling: Coupling
    nominal_power_kw: float
    max_charge_power_kw: float
    max_battery_current_a: float
    grid_port_current_a: float | None
    backup_port_current_a: float | None
    grid_input_power_kw: float
    nominal_voltage_v: float  # phase-to-neutral
    pv_max_power_kw: float | None = None
    pv_max_voltage_v: float | None = None
    mppt_min_voltage_v: float | None = None
    mppt_max_voltage_v: float | None = None
    mppt_count: int | None = None
    strings_per_mppt: int | None = None
    pv_max_current_per_mppt_a: float | None = None
    pv_short_circuit_current_per_mppt_a: float | None = None
    efficiency_max_pct: float | None = None
    efficiency_eu_pct: float | None = None
    weight_kg: float | None = None
    ip_rating: str = "IP65"
    # Manufacturer installation data; None = not known yet (admins fill it in).
    max_ac_current_a: float | None = None
    recommended_ac_breaker_a: float | None = None
    rcd_type_a_permitted: bool | None = None
    recommended_rcd_sensitivity_ma: float | None = None
    # Largest conductor the AC terminals (grid and backup port) take; None = not known yet.
    ac_terminal_max_mm2: float | None = None

    @property
    def has_pv_input(self) -> bool:
        return self.coupling is Coupling.HYBRID and self.pv_max_power_kw is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class BatteryModule(Product):
    code: str  # SMILE-G3-BAT-9.3S
    nominal_kwh: float
    usable_kwh: float
    depth_of_discharge_pct: float
    nominal_voltage_v: float
    max_current_a: float
    min_temperature_c: float
    max_temperature_c: float
    ip_rating: str
    weight_kg: float | None = None
    cycles: int | None = None

    @property
    def indoor_only(self) -> bool:
        """IP2x gives no protection against water: the module may not stand outdoors."""
        return ip_water_digit(self.ip_rating) < 4


@dataclass(frozen=True, slots=True, kw_only=True)
class Compatibility:
    """Which counts of a module an inverter takes; rows are per inverter (edited inline)."""

    inverter: str  # system code
    family: str
    module_code: str
    allowed_counts: tuple[int, ...]
    max_per_cluster: int
    max_clusters: int
    source: DataSource = DataSource.BROCHURE
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Accessory(Product):
    kind: AccessoryKind
    phases: tuple[int, ...]  # (1,), (3,) or (1, 3)
    compatible_inverters: tuple[str, ...] = ()  # system codes; empty = all
    ip_rating: str = ""
    description_nl: str = ""
    description_en: str = ""
    rcd_sensitivity_ma: float | None = None
    rating_a: float | None = None
    curve: str = ""
    breaking_capacity_ka: float | None = None  # protective accessories only; None = unknown

    def fits(self, inverter: Inverter) -> bool:
        return inverter.phases in self.phases and (
            not self.compatible_inverters or inverter.system_code in self.compatible_inverters
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class CableType:
    """What a cable designation is: its insulation (which ampacity table), its construction and
    the installation methods it may be laid in (which columns of that table)."""

    code: str  # VD, YMvK, XMvK
    name_nl: str
    name_en: str
    insulation: Insulation
    construction: Construction
    methods: tuple[str, ...]  # IEC 60364-5-52 reference methods, e.g. ("A1", "B1")
    source: DataSource = DataSource.PUBLIC
    reference: str = ""  # where the facts above were read

    def name(self, language: str = "nl") -> str:
        return self.name_en if language == "en" and self.name_en else self.name_nl

    @property
    def single_core(self) -> bool:
        return self.construction is Construction.SINGLE_CORE_WIRE


@dataclass(frozen=True, slots=True, kw_only=True)
class Cable(Product):
    cable_type: str  # code of a CableType: VD, YMvK, XMvK
    cores: int
    csa_mm2: float
    insulation: Insulation


@dataclass(frozen=True, slots=True, kw_only=True)
class CircuitBreaker(Product):
    rating_a: float
    curve: str  # B, C, D
    poles: str  # 1P, 1P+N, 3P, 3P+N
    breaking_capacity_ka: float | None = None
    module_width: int = 1
    # Power loss per pole at the rated current (ECLASS AAS575) and where that figure comes from;
    # None = unknown: the heat calculation then takes the documented default per kind and says so.
    loss_w_per_pole: float | None = None
    loss_source: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ResidualCurrentDevice(Product):
    is_rcbo: bool
    rcd_type: RcdType
    sensitivity_ma: float
    rating_a: float
    poles: str  # 1P+N, 3P+N (RCBO) or 2P, 4P (RCD)
    curve: str = ""  # RCBO only
    breaking_capacity_ka: float | None = None  # RCBO only; None = unknown
    module_width: int = 2
    # Power loss per pole at the rated current (ECLASS AAS575) and where that figure comes from;
    # None = unknown: the heat calculation then takes the documented default per kind and says so.
    loss_w_per_pole: float | None = None
    loss_source: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class MainSwitch(Product):
    rating_a: float
    poles: str
    module_width: int
    # Power loss per pole at the rated current (ECLASS AAS575) and where that figure comes from;
    # None = unknown: the heat calculation then takes the documented default per kind and says so.
    loss_w_per_pole: float | None = None
    loss_source: str = ""


class EnclosureMounting(StrEnum):
    SURFACE = "surface"  # opbouw: top and sides free
    FLUSH = "flush"  # inbouw: only the front free
    BETWEEN = "between"  # between other boards: top and front free


@dataclass(frozen=True, slots=True, kw_only=True)
class Enclosure(Product):
    rows: int
    modules_per_row: int
    # Outer dimensions; None = unknown (the heat calculation takes a documented small kast).
    width_mm: float | None = None
    height_mm: float | None = None
    depth_mm: float | None = None
    material: str = ""  # "steel", "plastic"; "" = unknown
    ip_rating: str = ""
    mounting: EnclosureMounting = EnclosureMounting.SURFACE
    ventilated: bool = False
    # The highest air temperature inside that the maker allows; None = not given.
    max_internal_temperature_c: float | None = None

    @property
    def modules(self) -> int:
        return self.rows * self.modules_per_row


@dataclass(frozen=True, slots=True, kw_only=True)
class InstallationMaterial(Product):
    """Meter, labels, glands, conduit, fixings, surge protection: what the site needs besides
    the devices. ``size_mm`` is a conduit's (or its clip's) outer diameter; None = any size."""

    kind: MaterialKind
    phases: tuple[int, ...] = (1, 3)
    size_mm: float | None = None
    module_width: int | None = None  # DIN-rail places, for a device in the board (an SPD)

    def fits(self, phases: int) -> bool:
        return phases in self.phases


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalog:
    """Everything the engine may know about products, indexed once when it is built.

    A Catalog is frozen, so its indices cannot go stale; ``dataclasses.replace``
    builds them anew for the changed copy.
    """

    version: str
    inverters: dict[str, Inverter]  # by system code
    modules: dict[str, BatteryModule]  # by module code
    compatibility: tuple[Compatibility, ...]
    accessories: tuple[Accessory, ...] = ()
    cables: tuple[Cable, ...] = ()
    breakers: tuple[CircuitBreaker, ...] = ()
    rcds: tuple[ResidualCurrentDevice, ...] = ()
    main_switches: tuple[MainSwitch, ...] = ()
    enclosures: tuple[Enclosure, ...] = ()
    cable_types: dict[str, CableType] = field(default_factory=dict)  # by code
    materials: tuple[InstallationMaterial, ...] = ()
    # Derived in __post_init__, never passed in.
    _compatible: dict[tuple[str, str], Compatibility] = field(init=False, repr=False, compare=False)
    _products: dict[str, Product] = field(init=False, repr=False, compare=False)
    _accessories: dict[tuple[str, AccessoryKind], Accessory] = field(
        init=False, repr=False, compare=False
    )
    inverter_aliases: dict[str, str] = field(init=False, repr=False, compare=False)
    module_aliases: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Sorted by code, so every list the engine writes from them has one order.
        object.__setattr__(self, "inverters", dict(sorted(self.inverters.items())))
        object.__setattr__(self, "modules", dict(sorted(self.modules.items())))
        derived = {
            # A row without counts allows nothing: the module is not compatible with the inverter.
            "_compatible": {
                (c.inverter, c.module_code): c for c in self.compatibility if c.allowed_counts
            },
            "_products": {
                p.article: p
                for group in (
                    self.materials,
                    self.enclosures,
                    self.main_switches,
                    self.rcds,
                    self.breakers,
                    self.cables,
                    self.accessories,
                    tuple(self.modules.values()),
                    tuple(self.inverters.values()),
                )
                for p in group
            },
            "_accessories": {
                (code, kind): chosen
                for code, inverter in self.inverters.items()
                for kind in AccessoryKind
                if (chosen := _cheapest(a for a in self.accessories_of(kind) if a.fits(inverter)))
            },
            "inverter_aliases": aliases(
                (code, (inv.model_code,)) for code, inv in self.inverters.items()
            ),
            "module_aliases": aliases(
                (code, (mod.model_code,)) for code, mod in self.modules.items()
            ),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def compatibility_for(self, inverter_code: str, module_code: str) -> Compatibility | None:
        """The row for this inverter (system code) and module, or None when not compatible."""
        return self._compatible.get((inverter_code, module_code))

    def compatible_modules(self, inverter_code: str) -> list[str]:
        return [code for code in self.modules if (inverter_code, code) in self._compatible]

    def accessories_of(self, kind: AccessoryKind) -> Iterable[Accessory]:
        return (a for a in self.accessories if a.kind is kind)

    def accessory(self, inverter_code: str, kind: AccessoryKind) -> Accessory | None:
        """The accessory of this kind the bill of materials uses with this inverter, if any."""
        return self._accessories.get((inverter_code, kind))

    def product(self, article: str) -> Product | None:
        return self._products.get(article)


def _cheapest(candidates: Iterable[Accessory]) -> Accessory | None:
    """The cheapest fitting accessory; the article number breaks ties so the BoM is stable."""
    return min(candidates, key=lambda a: (a.price_eur, a.article), default=None)


def ip_water_digit(ip_rating: str) -> int:
    """Second digit of an IP code (IP65 → 5); 0 when unreadable, the conservative reading."""
    code = ip_rating.strip().upper().removeprefix("IP")
    if len(code) >= 2 and code[1].isdigit():
        return int(code[1])
    return 0
