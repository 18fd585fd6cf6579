"""The commissioning and test page: settings to make and the measurements to record on site.

Only limits with a source are printed as numbers (the RCD trip times and trip
currents of IEC 61008-1 / IEC 61009-1 for the general, non-delayed type, as
the testers' manuals reproduce them). Where the project's reference gives no
number (insulation resistance, earth resistance), the limit reads "volgens
NEN 1010 / fabrikant"; the TT condition is stated as the relation the standard
sets, not as a number worked out here.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from keuzehulp.documents.labels import circuit_purpose, num
from sizing.schema import BoardRcd, Design, Finding


@dataclass(frozen=True)
class Setting:
    what: str
    value: str
    source: str
    fill_in: bool = False
    note: str = ""  # why, in a sentence, under the value


@dataclass(frozen=True)
class RcdTest:
    label: str
    device: str
    phase: str
    sensitivity: str
    trip_current_limit: str
    is_new: bool


@dataclass(frozen=True)
class Measurement:
    what: str
    unit: str
    limit: str


def rcd_name(rcd: BoardRcd, numbers: dict[int, int], lang: str) -> str:
    """The same names the diagram uses, in the active language."""
    if "ac_grid" in rcd.groups:
        return _("Thuisbatterij (netpoort)")
    if "backup" in rcd.groups:
        return _("Backup-beveiliging")
    if "pv" in rcd.groups:
        return _("PV-groep")
    if id(rcd) not in numbers:  # an RCBO: named by the group it protects
        group = next((g for g in rcd.groups if g.startswith("household_")), "")
        return _("Aardlekautomaat groep %(n)s") % {"n": group.removeprefix("household_")}
    return _("Aardlekschakelaar %(n)s") % {"n": numbers[id(rcd)]}


def rcd_numbers(design: Design) -> dict[int, int]:
    """Number new and existing household RCDs apart, as the engine and the diagram do: the
    battery's, the PV's and an RCBO's protection carry no number."""
    numbers: dict[int, int] = {}
    if design.board is None:
        return numbers
    new = old = 0
    for rcd in design.board.rcds:
        if {"ac_grid", "backup", "pv"} & set(rcd.groups) or rcd.is_rcbo:
            continue
        if rcd.is_new:
            new += 1
            numbers[id(rcd)] = new
        else:
            old += 1
            numbers[id(rcd)] = old
    return numbers


def rcds_of(design: Design) -> list[BoardRcd]:
    """The RCDs to test: the board's, or without a board the battery's own devices."""
    rcds = list(design.board.rcds) if design.board is not None else []
    if not rcds:  # no board given: test the battery's own devices
        for circuit in design.circuits:
            if circuit.rcd is not None:
                rcds.append(
                    BoardRcd(
                        label=circuit.name,
                        type=circuit.rcd.type,
                        sensitivity_ma=circuit.rcd.sensitivity_ma,
                        poles=circuit.rcd.poles,
                        is_rcbo=circuit.rcd.is_rcbo,
                        groups=[circuit.name],
                        phase=circuit.phase,
                    )
                )
    return rcds


def rcd_tests(design: Design, lang: str) -> list[RcdTest]:
    numbers = rcd_numbers(design)
    rows = []
    for rcd in rcds_of(design):
        device = _("aardlekautomaat") if rcd.is_rcbo else _("aardlekschakelaar")
        limit = "0,5–1 × IΔn" if lang == "nl" else "0.5–1 × IΔn"
        if rcd.type == "B":
            limit += " (AC); " + ("0,5–2 × IΔn" if lang == "nl" else "0.5–2 × IΔn") + " (DC)"
        name = rcd_name(rcd, numbers, lang)
        if not rcd.is_new:
            name += " " + _("(bestaand)")
        rows.append(
            RcdTest(
                label=name,
                device=f"{device}, type {rcd.type}",
                phase=rcd.phase or "—",
                sensitivity=f"{num(rcd.sensitivity_ma, lang)} mA",
                trip_current_limit=limit,
                is_new=rcd.is_new,
            )
        )
    return rows


def settings(design: Design, lang: str) -> list[Setting]:
    rows: list[Setting] = []
    by_code: dict[str, Finding] = {f.code: f for f in design.findings}
    limit = design.ems_grid_charge_limit_kw
    if limit is not None:
        # The number comes from the design, the explanation from the finding that advises it.
        charge = by_code.get("grid.main_fuse_capacity")
        rows.append(
            Setting(
                _("Laadvermogen uit het net begrenzen (EMS)"),
                f"max. {num(limit, lang)} kW" if limit > 0 else "0 kW",
                charge.reference if charge is not None else "",
                note=charge.text(lang) if charge is not None else "",
            )
        )
    grid = next((c for c in design.circuits if c.name == "ac_grid"), None)
    if grid is not None and grid.phases == 1:
        rows.append(
            Setting(_("Fase van de omvormer"), grid.phase, _("ontwerp (groepenverklaring)"))
        )
    if design.request.backup != "none":
        rows.append(
            Setting(
                _("Noodstroom (backup) inschakelen in de omvormer"),
                _("ja"),
                _("ontwerp: noodstroomvoorziening gekozen"),
            )
        )
        rows.append(
            Setting(
                _("Reserve-SOC voor noodstroom"),
                "______ %",
                _("met de klant afspreken; instellen volgens fabrikant"),
                True,
            )
        )
    if design.request.shutdown_kit:
        rows.append(
            Setting(
                _("Afschakelset aansluiten en de werking testen"),
                "☐",
                _("ontwerp: afschakelset gekozen; volgens fabrikant"),
                True,
            )
        )
    registration = by_code.get("registration.energieleveren")
    if registration is not None:
        rows.append(
            Setting(
                _("Aangemeld op energieleveren.nl"),
                _("☐ ja, op (datum) ____________"),
                registration.reference,
                True,
            )
        )
    pgs = by_code.get("safety.pgs37")
    if pgs is not None:
        rows.append(
            Setting(
                _("PGS 37-1 besproken met de klant (en de verzekeraar)"), "☐", pgs.reference, True
            )
        )
    return rows


def insulation_rows(design: Design, lang: str) -> list[Measurement]:
    limit = _("volgens NEN 1010 / fabrikant")
    rows = []
    for circuit in design.circuits:
        rows.append(Measurement(circuit_purpose(circuit, lang), "MΩ", limit))
    return rows


def earthing_rows(design: Design) -> list[Measurement]:
    earthing = design.request.connection.earthing
    rows = []
    if earthing in ("TT", "unknown"):
        rows.append(
            Measurement(
                _("Spreidingsweerstand aardelektrode RA (TT)"),
                "Ω",
                _("volgens NEN 1010: RA × IΔn ≤ 50 V (IEC 60364-4-41, TT-stelsel)"),
            )
        )
    if earthing in ("TN-C-S", "unknown"):
        rows.append(
            Measurement(
                _("Doorgaande verbinding beschermingsleiding (TN-C-S)"),
                "Ω",
                _("volgens NEN 1010 / fabrikant"),
            )
        )
    return rows
