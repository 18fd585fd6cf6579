"""The rows of a test report: what to measure on site for a Design, each with its limit.

A row carries its texts in Dutch and English, so a finalised report, frozen as these rows,
prints in either language without the design it came from. Limits come from
:mod:`sizing.verification`; nothing here decides a limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any, Literal

from django.utils import translation
from django.utils.translation import gettext as _

from keuzehulp.documents import commissioning
from keuzehulp.documents.dossier import group_name, purpose
from keuzehulp.documents.labels import num
from sizing import verification
from sizing.notes import Text
from sizing.schema import BoardRcd, Design, Finding

Kind = Literal["number", "bool"]
LANGS = ("nl", "en")


@dataclass
class Row:
    key: str  # the form field's name: rcd-0-trip_ma, circuit-ac_grid-zs_ohm, ra_ohm …
    section: str  # rcd, circuit, earthing, settings
    subject: dict[str, str]
    what: dict[str, str]
    unit: str
    low: float | None = None
    high: float | None = None
    basis: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)  # "bij 500 V DC", "15–30 mA = 0,5–1 × IΔn"
    optional: bool = False  # blank is not a failure (a tester that cannot, an unknown system)
    kind: Kind = "number"
    over_ok: bool = False  # a reading such as ">999" (above the tester's range) is accepted

    @property
    def has_limit(self) -> bool:
        return self.low is not None or self.high is not None

    def limit(self) -> verification.Limit:
        return verification.Limit(self.low, self.high, ("", ""))

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Row:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


def both(text: Callable[[], str]) -> dict[str, str]:
    """``text()`` in Dutch and in English."""
    out = {}
    for lang in LANGS:
        with translation.override(lang):
            out[lang] = text()
    return out


def _texts(pair: Text) -> dict[str, str]:
    return {"nl": pair[0], "en": pair[1]}


def _device_name(rcd: BoardRcd, numbers: dict[int, int]) -> str:
    label = commissioning.rcd_name(rcd, numbers, "")
    return label if rcd.is_new else f"{label} {_('(bestaand)')}"


def _at_volts(volts: float) -> str:
    return _("bij %(v)s V DC") % {"v": num(volts, "nl", 0)}


def _rcd_rows(design: Design) -> list[Row]:
    rows: list[Row] = []
    numbers = commissioning.rcd_numbers(design)
    devices: list[tuple[str, Callable[[], str], str, float, bool]] = []
    main = design.request.board.main_rcd if design.request.board is not None else None
    if main is not None:
        devices.append(
            (
                "rcd-main",
                lambda: _("Hoofdaardlekschakelaar"),
                main.type,
                main.sensitivity_ma,
                main.selective,
            )
        )
    for i, rcd in enumerate(commissioning.rcds_of(design)):
        devices.append(
            (f"rcd-{i}", partial(_device_name, rcd, numbers), rcd.type, rcd.sensitivity_ma, False)
        )
    for key, name, rcd_type, ma, selective in devices:
        limits = verification.rcd_limits(rcd_type, ma, selective=selective)

        def subject(
            name: Callable[[], str] = name, t: str = rcd_type, ma: float = ma, s: bool = selective
        ) -> str:
            return f"{name()} · {num(ma, translation.get_language() or 'nl')} mA type {t}" + (
                " S" if s else ""
            )

        current, t1, t5 = limits.trip_current_ma, limits.time_at_idn_ms, limits.time_at_5idn_ms
        rows += [
            Row(
                f"{key}-trip_ma",
                "rcd",
                both(subject),
                both(lambda: _("Aanspreekstroom (sinus)")),
                "mA",
                current.low,
                current.high,
                _texts(current.basis),
                both(
                    lambda: "0,5–1 × IΔn" if translation.get_language() == "nl" else "0.5–1 × IΔn"
                ),
            ),
            Row(
                f"{key}-t1_ms",
                "rcd",
                both(subject),
                both(lambda: _("Aanspreektijd bij IΔn")),
                "ms",
                t1.low,
                t1.high,
                _texts(t1.basis),
            ),
            Row(
                f"{key}-t5_ms",
                "rcd",
                both(subject),
                both(lambda: _("Aanspreektijd bij 5 × IΔn")),
                "ms",
                t5.low,
                t5.high,
                _texts(t5.basis),
                _texts(verification.five_times_basis()) if limits.five_times_optional else {},
                optional=limits.five_times_optional,
            ),
        ]
    return rows


def _circuit_rows(design: Design) -> list[Row]:
    rows: list[Row] = []
    for circuit in design.circuits:

        def subject(c: Any = circuit) -> str:
            lang = "en" if (translation.get_language() or "").startswith("en") else "nl"
            return f"{group_name(c)}: {purpose(c, lang)}"

        insulation = verification.insulation_limit(verification.circuit_voltage_v(circuit))
        test_v = insulation.test_voltage_v
        rows.append(
            Row(
                f"circuit-{circuit.name}-riso_mohm",
                "circuit",
                both(subject),
                both(lambda: _("Isolatieweerstand")),
                "MΩ",
                insulation.limit.low,
                None,
                _texts(insulation.limit.basis),
                both(partial(_at_volts, test_v)),
                over_ok=True,
            )
        )
        zs = verification.zs_limit(circuit)
        rows.append(
            Row(
                f"circuit-{circuit.name}-zs_ohm",
                "circuit",
                both(subject),
                both(lambda: _("Foutlusimpedantie Zs")),
                "Ω",
                None,
                zs.high if zs else None,
                _texts(zs.basis) if zs else {},
                {} if zs else both(lambda: _("geen grens uit het ontwerp (TT: zie RA)")),
                optional=zs is None,
            )
        )
    return rows


def _earthing_rows(design: Design) -> list[Row]:
    earthing = design.request.connection.earthing
    if earthing not in ("TT", "unknown"):
        return []
    sensitivities = [r.sensitivity_ma for r in commissioning.rcds_of(design)]
    main = design.request.board.main_rcd if design.request.board is not None else None
    if main is not None:
        sensitivities.append(main.sensitivity_ma)
    limit = verification.ra_limit(sensitivities)
    largest = max(sensitivities) if sensitivities else None
    return [
        Row(
            "ra_ohm",
            "earthing",
            both(lambda: _("Aardelektrode (TT)")),
            both(lambda: _("Spreidingsweerstand RA")),
            "Ω",
            None,
            limit.high if limit else None,
            _texts(limit.basis) if limit else {},
            both(
                lambda: (
                    _("RA × IΔn ≤ 50 V bij de grootste IΔn (%(ma)s mA)")
                    % {"ma": num(largest, "nl")}
                )
            )
            if largest is not None
            else {},
            # With the system unknown on paper, the installer finds out on site which it is.
            optional=earthing == "unknown",
        )
    ]


def _settings_rows(design: Design) -> list[Row]:
    rows: list[Row] = []
    by_code: dict[str, Finding] = {f.code: f for f in design.findings}
    charge = by_code.get("grid.main_fuse_capacity")
    basis = (charge.reference, charge.reference) if charge is not None else ("", "")
    limit = verification.charge_limit(design.ems_grid_charge_limit_kw, basis)
    if design.inverter is not None:
        rows.append(
            Row(
                "ems_kw",
                "settings",
                both(lambda: _("EMS")),
                both(lambda: _("Laadvermogen uit het net, ingesteld")),
                "kW",
                limit.low if limit else None,
                limit.high if limit else None,
                _texts(limit.basis) if limit else {},
                {} if limit else both(lambda: _("geen grens uit het ontwerp")),
                optional=limit is None,
            )
        )
    if design.request.backup != "none":
        rows.append(
            Row(
                "backup_enabled",
                "settings",
                both(lambda: _("Noodstroom")),
                both(lambda: _("Noodstroom (backup) ingeschakeld in de omvormer")),
                "",
                basis=both(lambda: _("ontwerp: noodstroomvoorziening gekozen")),
                kind="bool",
            )
        )
        soc = verification.reserve_soc_limit()
        rows.append(
            Row(
                "reserve_soc_pct",
                "settings",
                both(lambda: _("Noodstroom")),
                both(lambda: _("Reserve-SOC voor noodstroom")),
                "%",
                soc.low,
                soc.high,
                _texts(soc.basis),
            )
        )
    return rows


def rows_for(design: Design) -> list[Row]:
    """Every row the report asks for, in the order the page and the PDF print them."""
    return (
        _rcd_rows(design) + _circuit_rows(design) + _earthing_rows(design) + _settings_rows(design)
    )
