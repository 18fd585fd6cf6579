"""The engine's JSON contract: requests in, results out (see shared/design.md).

The same pydantic models serve the Python API, the management commands and
the HTTP API. Field names are stable; new fields may be added. Numeric inputs
whose name carries a unit (``length_m``, ``current_a``) accept a bare number
in that unit or a quantity string in any compatible unit (``"12000 mm"``,
``"0.012 km"``, ``"14500 mA"``), converted at the boundary.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_serializer,
    field_validator,
)

from sizing import tables
from sizing.text import OneLine
from sizing.units import as_magnitude


def _unit(unit: str) -> BeforeValidator:
    return BeforeValidator(lambda value: None if value is None else as_magnitude(value, unit))


Amperes = Annotated[float, _unit("A")]
Metres = Annotated[float, _unit("m")]
Celsius = Annotated[float, _unit("degC")]
Kilowatts = Annotated[float, _unit("kW")]
Milliamperes = Annotated[float, _unit("mA")]
SquareMillimetres = Annotated[float, _unit("mm**2")]
Percent = Annotated[float, _unit("percent")]
Volts = Annotated[float, _unit("V")]
# Optional quantities convert around the whole ``float | None``: with ``Amperes | None`` pydantic
# would place the field's bounds after the converter inside anyOf, where it writes them as
# ``gt``/``le`` keys that no JSON Schema validator knows (tests/test_api_schema.py).
AmperesOrNone = Annotated[float | None, _unit("A")]
CelsiusOrNone = Annotated[float | None, _unit("degC")]
MilliamperesOrNone = Annotated[float | None, _unit("mA")]
SquareMillimetresOrNone = Annotated[float | None, _unit("mm**2")]
PercentOrNone = Annotated[float | None, _unit("percent")]
VoltsOrNone = Annotated[float | None, _unit("V")]
OhmsOrNone = Annotated[float | None, _unit("ohm")]
KiloamperesOrNone = Annotated[float | None, _unit("kA")]


def _euros(value: object) -> object:
    """A JSON number as Decimal: strict parsing takes no float for money. Anything else goes on
    to the Decimal check, which refuses it by name, as the published schema (a number) says."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return Decimal(str(value))


# Published as what the API takes: a JSON number (or null), bounded as the field says.
EurosOrNone = Annotated[
    Decimal | None,
    BeforeValidator(_euros),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "exclusiveMinimum": 0, "maximum": 10_000_000},
                {"type": "null"},
            ]
        }
    ),
]

# The contract's models refuse NaN and ±Infinity (a quantity string such as "1e999 A" becomes
# one): they are no JSON numbers, and no bound compares sensibly with NaN. Results check this
# when built; what the engine assigns later stays finite because the requests are bounded.
FINITE = ConfigDict(allow_inf_nan=False)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, **FINITE)


class Result(BaseModel):
    model_config = FINITE


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(Strict):
    code: str
    severity: Severity
    message: str  # Dutch, the default language
    message_en: str
    reference: str  # Dutch, like the message
    circuit: str | None = None  # the circuit a finding is about, when it is about one
    reference_en: str = ""  # English; an empty field reads as the Dutch one (see source)

    def text(self, language: str = "nl") -> str:
        return self.message_en if language == "en" else self.message

    def source(self, language: str = "nl") -> str:
        """The reference in ``language``; English falls back to the Dutch."""
        return (self.reference_en or self.reference) if language == "en" else self.reference


class TraceStep(Strict):
    step: str  # Dutch, the default language, like Finding.message
    value: str
    basis: str
    # English; an empty field reads as the Dutch one (see in_language).
    step_en: str = ""
    value_en: str = ""
    basis_en: str = ""
    circuit: str | None = None
    is_default: bool = False  # the value rests on a documented default, not manufacturer data
    # What kind of step this is ("cable.k_temp", "board.main_switch"), for code that looks a step
    # up: titles are prose and change, keys do not.
    key: str = ""

    def in_language(self, language: str = "nl") -> tuple[str, str, str]:
        """(step, value, basis) in ``language``; English falls back to the Dutch per field."""
        if language == "en":
            return (
                self.step_en or self.step,
                self.value_en or self.value,
                self.basis_en or self.basis,
            )
        return self.step, self.value, self.basis


# --------------------------------------------------------------------------- requests

InstallationMethod = Literal["A1", "A2", "B1", "B2", "C", "D1", "D2", "E", "F"]
# How grouped cables lie, the items of IEC 60364-5-52 Table B.52.17 (1 to 5); None = item 1,
# the one that applies to every method in air and the most conservative of the five.
GroupingArrangement = Literal[
    "bunched", "single_layer_wall", "single_layer_ceiling", "perforated_tray", "ladder"
]
Phase = Literal["L1", "L2", "L3"]


class Connection(Strict):
    phases: Literal[1, 3]
    main_fuse_a: Amperes = Field(gt=0, le=250)
    earthing: Literal["TN-C-S", "TT", "unknown"] = "unknown"
    # Fault protection (sizing/installation/fault.py). None = the documented default of
    # sizing/tables/fault_protection.json. Ze: external earth-fault loop impedance as measured or
    # declared by the grid operator; Ik,max: prospective short-circuit current at the origin;
    # RA: resistance of the installation's earth electrode (TT).
    ze_ohm: OhmsOrNone = Field(default=None, ge=0.01, le=200)
    ik_max_ka: KiloamperesOrNone = Field(default=None, ge=0.1, le=100)
    ra_ohm: OhmsOrNone = Field(default=None, ge=0.1, le=10000)


class BatterySelection(Strict):
    module: OneLine = Field(min_length=1, max_length=64)
    count: int = Field(ge=1, le=64)


class ExistingPV(Strict):
    power_kw: Kilowatts = Field(ge=0, le=1000)
    phase: Literal["L1", "L2", "L3", "3P"] = "L1"


CableType = Literal["VD", "YMvK", "XMvK"]
# Where a run of a battery circuit may lie: method F (single-core cables in free air) is no
# way any of the types above may be laid (sizing/tables/design_rules.json).
RunMethod = Literal["A1", "A2", "B1", "B2", "C", "D1", "D2", "E"]


def type_facts() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each cable type's insulation and the methods its construction allows (IEC 60364-5-52
    Table 52.1, A.52.3; reference §5.7): what the request alone can be checked against."""
    methods = tables.rule("cable_methods_by_construction").value
    return {
        code: (facts["insulation"], tuple(methods[facts["construction"]]))
        for code, facts in tables.rule("cable_types").value.items()
    }


def _untyped(insulation: str) -> str | None:
    """The type a run without one gets when its insulation decides it (XLPE → XMvK)."""
    return str(tables.rule("cable_type_xlpe").value) if insulation == "XLPE" else None


def _run_schema(schema: dict[str, Any]) -> None:
    """The same rules as the validators below, in the JSON Schema, so a client (or a fuzzer)
    that follows the schema never sends a run its type forbids."""
    rules: list[dict[str, Any]] = []
    for code, (insulation, methods) in type_facts().items():
        rules.append(
            {
                "if": {"properties": {"cable_type": {"const": code}}, "required": ["cable_type"]},
                "then": {
                    "properties": {
                        "insulation": {"const": insulation},
                        "method": {"enum": list(methods)},
                    }
                },
            }
        )
    xlpe = _untyped("XLPE")
    if xlpe is not None:
        rules.append(
            {
                "if": {
                    "properties": {"insulation": {"const": "XLPE"}, "cable_type": {"const": None}},
                    "required": ["insulation"],
                },
                "then": {"properties": {"method": {"enum": list(type_facts()[xlpe][1])}}},
            }
        )
    schema["allOf"] = rules


class CableRun(Strict):
    """One cable run. Its type decides its rating: a stated insulation or method the type
    contradicts is refused here; the type's own insulation and column are taken otherwise."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_run_schema, **FINITE)

    # The type first: the validators of insulation and method read it.
    cable_type: CableType | None = None
    length_m: Metres = Field(gt=0, le=1000)
    insulation: Literal["PVC", "XLPE"] = "PVC"
    method: RunMethod = "B1"
    ambient_c: Celsius = Field(default=30, ge=-40, le=100)
    grouped_circuits: int = Field(default=1, ge=1, le=20)
    soil_resistivity_km_w: float | None = Field(default=None, gt=0, le=10)
    # Forced by the installer. The bounds are those of every other current and of the largest
    # conductors made; unbounded, a breaker of 1.8e308 A overflowed the fault-loop arithmetic.
    csa_mm2: SquareMillimetresOrNone = Field(default=None, gt=0, le=1000)
    breaker_a: AmperesOrNone = Field(default=None, gt=0, le=1000)
    grouping_arrangement: GroupingArrangement | None = None

    # Only stated values are checked (pydantic validates no defaults): a run naming YMvK but no
    # method lies in the type's own conduit column, one naming XMvK but no insulation is XLPE.
    @field_validator("insulation")
    @classmethod
    def _insulation_of_its_type(cls, value: str, info: ValidationInfo) -> str:
        code = info.data.get("cable_type")
        if code is not None and value != (own := type_facts()[code][0]):
            raise ValueError(
                f"{code} has {own} insulation, not {value}: the cable's own insulation decides "
                "its current"
            )
        return value

    # A run written out (the Design echoes its request) states what was left to the type: the
    # type's insulation and its own column for a default method (YMvK: B2, not VD's B1), so
    # the JSON a Design carries follows the schema's rules and reads back to the same design.
    @field_serializer("insulation")
    def _stated_insulation(self, value: str) -> str:
        if self.cable_type is not None and "insulation" not in self.model_fields_set:
            return type_facts()[self.cable_type][0]
        return value

    @field_serializer("method")
    def _stated_method(self, value: str) -> str:
        code = self.cable_type or _untyped(self.insulation)
        if code is None or "method" in self.model_fields_set:
            return value
        if value in type_facts()[code][1]:
            return value
        rule = tables.rule("cable_methods_by_construction").value
        return str(rule["in_conduit_counterpart"].get(value, value))

    @field_validator("method")
    @classmethod
    def _method_its_type_allows(cls, value: str, info: ValidationInfo) -> str:
        code = info.data.get("cable_type") or _untyped(info.data.get("insulation", ""))
        if code is not None and value not in (methods := type_facts()[code][1]):
            raise ValueError(
                f"{code} may not be laid by method {value}; allowed: {', '.join(methods)}"
            )
        return value


class ExistingRcd(Strict):
    groups: int = Field(ge=0, le=20)
    type: Literal["A", "F", "B"] = "A"
    sensitivity_ma: Milliamperes = Field(default=30, gt=0, le=3000)
    poles: Literal["2P", "4P"] = "2P"


class MainRcd(Strict):
    """An RCD upstream of the whole board (a hoofdaardlekschakelaar), checked for selectivity."""

    type: Literal["A", "F", "B"] = "A"
    sensitivity_ma: Milliamperes = Field(default=300, gt=0, le=3000)
    selective: bool = False  # an S-type (time-delayed) device


# What a household group feeds. The kind decides its poles, its default rating, whether it
# shares an RCD and its diversity (sizing/tables/group_kinds.json names the sources).
GroupKind = Literal["lighting_sockets", "cooking", "ev_charger", "heat_pump", "laundry", "other"]


class HouseholdGroup(Strict):
    """One household group as the installer describes it; unnamed groups are numbered."""

    name: OneLine = Field(default="", max_length=40)
    kind: GroupKind = "lighting_sockets"
    # None = the kind's usual number of phases on this connection (group_kinds.json).
    phases: Literal[1, 2, 3] | None = None
    rating_a: AmperesOrNone = Field(default=None, gt=0, le=63)
    # Behind the backup solution: on the BackupBox's load side, or on the backup port.
    backed_up: bool = False


class Board(Strict):
    mode: Literal["existing", "new"]
    main_rcd: MainRcd | None = None
    rcds: list[ExistingRcd] = Field(default_factory=list, max_length=12)
    free_modules: int = Field(default=0, ge=0, le=200)
    # The fast path: just a number of ordinary groups. Listed groups describe them (a new
    # board: the groups to place; an existing one: its groups in board order, RCD by RCD); a
    # count that disagrees with the listing is an error finding of the design.
    household_circuits: int = Field(default=0, ge=0, le=60)
    household_groups: list[HouseholdGroup] = Field(default_factory=list, max_length=60)
    # The heat calculation (sizing/installation/board/heat.py): an existing board's enclosure
    # as a catalogue article (without it the rise cannot be computed), and the air temperature
    # around the board; None = the documented design ambient (heat_iec60890.json).
    enclosure_article: OneLine | None = Field(default=None, min_length=1, max_length=40)
    ambient_c: CelsiusOrNone = Field(default=None, ge=-20, le=60)

    @property
    def group_count(self) -> int:
        """How many groups the board has: a new board's count, or its existing RCDs' groups."""
        if self.mode == "new":
            return self.household_circuits or len(self.household_groups)
        return sum(r.groups for r in self.rcds)

    @property
    def groups(self) -> list[HouseholdGroup]:
        """The listed groups, completed with ordinary ones up to the count; a listing that
        disagrees with the count is the engine's ``board.group_count`` error, not a refusal
        here (a JSON Schema cannot state it, and the request is still worth designing)."""
        listed = list(self.household_groups)
        count = self.group_count
        if self.mode == "new" and self.household_circuits == 0:
            return listed
        return listed[:count] + [HouseholdGroup() for _ in range(count - len(listed))]


class DesignOptions(Strict):
    selectivity_factor: float = Field(default=1.6, ge=1.0, le=4.0)
    max_groups_per_rcd: int = Field(default=4, ge=1, le=20)
    rcd_sensitivity_ma: MilliamperesOrNone = Field(default=None, gt=0, le=3000)
    breaker_curve: Literal["B", "C", "D"] = "B"
    # Defaults of these two mirror sizing/tables/design_rules.json (a test keeps them equal).
    min_rcds: int = Field(default=2, ge=1, le=12)
    household_breaker_a: Amperes = Field(default=16, gt=0, le=63)
    # Household load per phase the installer expects while the battery charges from the grid;
    # the main-fuse check compares the charging current with what the fuse leaves beside it.
    household_load_a: Amperes = Field(default=0, ge=0, le=250)
    # Places a new board keeps free, as a fraction of the places its devices take (0.2 = 20 %).
    spare_fraction: float = Field(default=0.2, ge=0, le=1)


class DesignRequest(Strict):
    connection: Connection
    inverter: OneLine = Field(min_length=1, max_length=64)
    batteries: list[BatterySelection] = Field(min_length=1, max_length=4)
    backup: Literal["none", "distribution_unit", "backup_box"] = "none"
    location: Literal["indoor", "outdoor"] = "indoor"
    min_ambient_c: CelsiusOrNone = Field(default=None, ge=-60, le=80)
    # The warmest it gets where the batteries stand (a loft in summer); None = not given.
    max_ambient_c: CelsiusOrNone = Field(default=None, ge=-60, le=80)
    existing_pv: ExistingPV | None = None
    shutdown_kit: bool = False
    board: Board | None = None
    ac_cable: CableRun | None = None
    backup_cable: CableRun | None = None
    max_voltage_drop_pct: PercentOrNone = Field(default=None, gt=0, le=5)
    options: DesignOptions = Field(default_factory=DesignOptions)
    project_reference: OneLine = Field(default="", max_length=120)


class CableRequest(Strict):
    current_a: Amperes = Field(gt=0, le=1000)
    phases: Literal[1, 3] = 1
    length_m: Metres = Field(gt=0, le=1000)
    method: InstallationMethod = "B1"
    insulation: Literal["PVC", "XLPE"] = "PVC"
    ambient_c: Celsius = Field(default=30, ge=-40, le=100)
    grouped_circuits: int = Field(default=1, ge=1, le=20)
    soil_resistivity_km_w: float | None = Field(default=None, gt=0, le=10)
    cos_phi: float = Field(default=1.0, gt=0, le=1)
    max_voltage_drop_pct: Percent = Field(default=1.0, gt=0, le=5)
    curve: Literal["B", "C", "D"] = "B"
    csa_mm2: SquareMillimetresOrNone = Field(default=None, gt=0, le=1000)
    breaker_a: AmperesOrNone = Field(default=None, gt=0, le=1000)
    grouping_arrangement: GroupingArrangement | None = None
    # U0, phase to neutral. Below 50 V AC is extra-low voltage, no grid a battery feeds; the
    # bound also keeps the drop percentage (100 × ΔU / U0) from overflowing to infinity.
    voltage_v: VoltsOrNone = Field(default=None, ge=50, le=1000)


# --------------------------------------------------------------------------- results


class CableResult(Result):
    breaker_a: float | None
    csa_mm2: float | None
    iz_a: float | None
    iz0_a: float | None = None
    k_temp: float | None
    k_group: float | None
    k_soil: float | None = None
    voltage_drop_v: float | None = None
    voltage_drop_target_pct: float | None = None
    loaded_conductors: int | None = None
    ampacity_table: str | None = None  # "IEC 60364-5-52:2009 Table B.52.4, column B1"
    governed_by: Literal["current", "voltage_drop", "installer"] | None = None
    # The smallest cross-section that carries In, and (when the drop target set a larger one)
    # the smallest that meets Iz and the practice figure of 3 % (design_rules.json).
    csa_by_current_mm2: float | None = None
    csa_at_advice_mm2: float | None = None
    curve: str | None = None
    voltage_drop_pct: float | None
    findings: list[Finding] = Field(default_factory=list)
    trace: list[TraceStep] = Field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


class BatterySummary(Result):
    module: str
    count: int
    clusters: list[int]
    nominal_kwh: float
    usable_kwh: float
    max_count: int
    max_usable_kwh: float
    next_counts: list[int] = Field(default_factory=list)


class BreakerSpec(Result):
    rating_a: float
    curve: str
    poles: int
    article: str | None = None


class RcdSpec(Result):
    type: str
    sensitivity_ma: float
    poles: int
    is_rcbo: bool = False
    rating_a: float | None = None
    article: str | None = None


class CableSpec(Result):
    csa_mm2: float
    iz_a: float
    length_m: float
    cores: int
    cable_type: str
    insulation: str
    method: str
    article: str | None = None
    # How the type is built (single_core_wire, multi_core) and the table column its Iz is read
    # from: the type decides both (sizing.cable.types).
    construction: str = ""
    ampacity_table: str | None = None
    governed_by: Literal["current", "voltage_drop", "installer"] | None = None
    csa_by_current_mm2: float | None = None
    csa_at_advice_mm2: float | None = None
    voltage_drop_advice_pct: float | None = None  # the practice figure csa_at_advice meets


class FaultProtection(Result):
    """The circuit's fault-protection figures (IEC 60364-4-41 411, 4-43 434); None = not known."""

    earthing: str  # the earthing system the check assumed
    ze_ohm: float | None = None
    ik_max_ka: float | None = None  # at the board
    breaking_capacity_ka: float | None = None
    zs_ohm: float | None = None  # at the far end, conductors at operating temperature
    zs_max_ohm: float | None = None  # c_min · U0 / Ia
    zs_measured_max_ohm: float | None = None  # the limit for a measurement at ambient temperature
    ik_min_a: float | None = None
    ia_a: float | None = None
    let_through_a2s: float | None = None
    k2s2_a2s: float | None = None
    ra_ohm: float | None = None
    touch_voltage_v: float | None = None  # RA · IΔn (TT)


class Circuit(Result):
    name: str  # ac_grid, backup, pv, household_1 …
    purpose_nl: str
    purpose_en: str
    # A household group: its number in the board, the installer's name, its kind and whether it
    # sits behind the backup solution. None / "" / False for the battery's and the PV circuit.
    number: int | None = None
    label: str = ""
    kind: str | None = None
    backed_up: bool = False
    phases: int
    phase: str  # "L1", "L1-L2-L3"
    design_current_a: float
    breaker: BreakerSpec | None = None
    rcd: RcdSpec | None = None
    cable: CableSpec | None = None
    voltage_drop_pct: float | None = None
    fault: FaultProtection | None = None
    trace: list[TraceStep] = Field(default_factory=list)


class BoardRcd(Result):
    label: str
    type: str
    sensitivity_ma: float
    poles: int
    is_rcbo: bool = False
    is_new: bool = True
    groups: list[str] = Field(default_factory=list)  # circuit names or labels
    phase: str = ""
    article: str | None = None
    rating_a: float | None = None
    module_width: int | None = None
    # False for a device that sits outside the groepenkast (the backup protection goes next to
    # the inverter); it is drawn in the diagram but takes no module places in the board.
    in_enclosure: bool = True


class HeatDevice(Result):
    """One device's share of the losses in the board at its operating current."""

    label: str  # Dutch; label_en in English
    label_en: str
    kind: Literal["breaker", "rcbo", "rcd", "main_switch", "surge"]
    article: str | None = None
    rating_a: float
    poles: int  # poles that carry the operating current
    operating_current_a: float
    diversity_factor: float  # 1 for the battery, PV, EV and heat-pump groups
    loss_w_per_pole: float  # at the rated current
    loss_is_default: bool  # the documented default per kind, not the maker's figure
    loss_source: str
    loss_w: float  # at the operating current


class BoardHeat(Result):
    """The temperature of the air inside the groepenkast, an indicative calculation by the
    method of IEC TR 60890; the assembler remains responsible for the design verification."""

    method: Literal["iec_tr_60890_small", "iec_tr_60890_large", "surface"]
    enclosure_article: str | None = None
    width_mm: float
    height_mm: float
    depth_mm: float
    dimensions_are_default: bool = False
    mounting: Literal["surface", "flush", "between"]
    material: str
    ip_rating: str = ""
    ventilated: bool = False
    ordinary_circuits: int
    diversity_factor: float
    devices: list[HeatDevice] = Field(default_factory=list)
    device_loss_w: float
    wiring_allowance_fraction: float
    wiring_loss_w: float
    total_loss_w: float
    cooling_surface_m2: float  # Ae
    k: float | None = None  # TR 60890 constants, None on the surface method
    c: float | None = None
    d: float | None = None
    x: float | None = None
    rise_mid_k: float | None = None
    rise_top_k: float
    surface_k_w_per_m2k: float
    surface_rise_k: float  # the surface method beside the TR, a mean rise
    ambient_c: float
    ambient_is_default: bool = True
    top_c: float
    reference_c: float
    limit_c: float
    limit_is_default: bool = True
    defaults_used: int = 0  # devices whose loss is the documented default


class RailSlot(Result):
    """One device on a DIN rail, or a run of free places, ``width`` modules from ``start``."""

    device: Literal["main_switch", "surge_protection", "rcd", "rcbo", "breaker", "spare"]
    start: int = 0  # the first module place on its rail, counted from 0 at the left
    width: int
    # What the label strip says: the installer's name, else "Groep 3" / "Thuisbatterij";
    # an empty English label reads as the Dutch one (an RCD's board label).
    label: str = ""
    label_en: str = ""
    circuit: str | None = None  # the circuit a breaker or RCBO protects
    group: int | None = None  # that circuit's group number
    groups: list[int] = Field(default_factory=list)  # an RCD: the numbers of its groups
    rcd_index: int | None = None  # the BoardRcd (in BoardDesign.rcds) it is or sits behind
    article: str | None = None
    width_is_default: bool = False  # the catalogue gave no width (design_rules.json)


class RailRow(Result):
    modules: int  # places on the rail
    slots: list[RailSlot] = Field(default_factory=list)
    # False: devices that do not fit, on a rail the enclosure (or the free places) lacks.
    in_enclosure: bool = True


class BoardLayout(Result):
    """The front view: which device sits where. A new board: the whole enclosure; an existing
    one: the free places the new devices take."""

    rows: list[RailRow] = Field(default_factory=list)
    # Drawn beside the board: protection that sits next to the inverter, not in the enclosure.
    outside: list[RailSlot] = Field(default_factory=list)
    modules_used: int = 0
    spare_modules: int = 0  # free places left on the rails
    spare_wanted: int = 0  # what the spare fraction asks (a new board)
    missing_modules: int = 0  # places the devices lack; > 0: it does not fit


class BoardDesign(Result):
    mode: Literal["existing", "new"]
    main_switch_a: float | None = None
    main_switch_poles: int | None = None
    rcds: list[BoardRcd] = Field(default_factory=list)
    modules_needed: int = 0
    modules_free: int | None = None
    enclosure: str | None = None  # e.g. "3 × 18"
    enclosure_article: str | None = None
    main_switch_article: str | None = None
    # A new board's surge protective device at its origin (tables: surge_protection): its
    # article (None: the catalogue has none) and poles, 2 (1+1) or 4 (3+1); None: no SPD.
    surge_protection_article: str | None = None
    surge_protection_poles: int | None = None
    groups_per_phase: dict[str, int] = Field(default_factory=dict)  # new board: balance check
    # The indicative heat calculation (IEC TR 60890); None when it could not be made.
    heat: BoardHeat | None = None
    layout: BoardLayout | None = None


class BomLine(Result):
    article: str
    description: str
    description_en: str = ""
    quantity: Decimal
    unit: str
    unit_price_eur: Decimal
    line_total_eur: Decimal
    vat_rate: Decimal
    is_generic: bool = False
    price_is_example: bool = True
    category: str = ""


class Totals(Result):
    excl_vat_eur: Decimal
    vat_eur: Decimal
    incl_vat_eur: Decimal


class InverterSummary(Result):
    """The inverter's figures as the catalogue gave them at design time, so a Design's documents
    print them without the catalogue; None where the catalogue does not know a figure."""

    # Made once per inverter and catalogue and shared by every Design made from it.
    model_config = ConfigDict(frozen=True, **FINITE)

    system_code: str  # SMILE-G3-T10
    model_code: str
    article: str
    family: str
    phases: int
    coupling: Literal["hybrid", "ac"]
    power_kw: float  # nominal output
    max_charge_power_kw: float
    grid_input_power_kw: float
    voltage_v: float  # phase to neutral
    grid_port_current_a: float | None = None
    backup_port_current_a: float | None = None
    max_ac_current_a: float | None = None
    has_pv_input: bool = False
    pv_max_power_kw: float | None = None
    pv_max_voltage_v: float | None = None
    mppt_count: int | None = None
    strings_per_mppt: int | None = None
    pv_max_current_per_mppt_a: float | None = None
    ip_rating: str = ""


class Design(Result):
    valid: bool
    engine_version: str
    catalog_version: str
    request: DesignRequest
    findings: list[Finding] = Field(default_factory=list)
    battery: BatterySummary | None = None
    circuits: list[Circuit] = Field(default_factory=list)
    board: BoardDesign | None = None
    bom: list[BomLine] = Field(default_factory=list)
    totals: Totals | None = None
    trace: list[TraceStep] = Field(default_factory=list)
    # The grid-charging power to set in the EMS so the main fuse holds (the number the
    # grid.main_fuse_capacity finding advises); 0 = switch grid charging off; None = no limit.
    ems_grid_charge_limit_kw: float | None = None
    # None when the request names an inverter the catalogue does not know.
    inverter: InverterSummary | None = None

    def by_severity(self, severity: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity is severity]


class Site(Strict):
    """What ``suggest`` needs to know about the place the system goes."""

    connection: Connection
    location: Literal["indoor", "outdoor"] = "indoor"
    min_ambient_c: CelsiusOrNone = Field(default=None, ge=-60, le=80)
    max_ambient_c: CelsiusOrNone = Field(default=None, ge=-60, le=80)  # as DesignRequest
    existing_pv: ExistingPV | None = None
    target_usable_kwh: float | None = Field(default=None, gt=0, le=1000)
    target_power_kw: float | None = Field(default=None, gt=0, le=1000)
    household_load_a: Amperes = Field(default=0, ge=0, le=250)  # as DesignOptions
    # Preferences that narrow the suggestions, never what is allowed: a budget for the system
    # (inverter, modules, backup accessories) excl. VAT, and whether it must supply backup.
    budget_excl_vat_eur: EurosOrNone = Field(default=None, gt=0, le=10_000_000, allow_inf_nan=False)
    must_have_backup: bool = False


class Suggestion(Result):
    inverter: str
    module: str
    count: int
    backup: Literal["none", "distribution_unit", "backup_box"]
    phases: int
    power_kw: float
    usable_kwh: float
    nominal_kwh: float
    clusters: list[int]
    price_excl_vat_eur: Decimal
    warnings: list[str] = Field(default_factory=list)  # codes of warnings that fire
    score: float | None = None


class Verdict(Result):
    """Whether an inverter, or a module with an inverter, can be offered at a site, and why not.

    ``reasons`` are the error findings ``design`` raises for that choice at the site, empty
    when it is offered; ``warnings`` are the warnings about the inverter (or the module)
    itself at the site, which hold whether or not it is offered.
    """

    inverter: str
    module: str | None = None  # None: the verdict on the inverter
    offered: bool
    reasons: list[Finding] = Field(default_factory=list)
    warnings: list[Finding] = Field(default_factory=list)


class SuggestResult(Result):
    """``suggest`` with its reasons: the valid choices and a verdict on every other one."""

    suggestions: list[Suggestion]
    inverters: list[Verdict]  # one per inverter of the catalogue
    modules: list[Verdict]  # one per (inverter, module) pair of the catalogue
    # With a budget: how many otherwise suitable systems cost more, and the cheapest of them.
    over_budget: int = 0
    cheapest_over_budget_eur: Decimal | None = None

    def inverter(self, code: str) -> Verdict | None:
        return next((v for v in self.inverters if v.inverter == code), None)

    def module(self, inverter: str, module: str) -> Verdict | None:
        return next(
            (v for v in self.modules if v.inverter == inverter and v.module == module), None
        )

    @property
    def rejections(self) -> list[Verdict]:
        return [v for v in (*self.inverters, *self.modules) if not v.offered]
