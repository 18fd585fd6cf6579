"""RCDs in series (IEC 60364-5-53 535.3): selectivity and the order of RCD types.

Two chains exist in a design: an existing board's main RCD (named in the request)
ahead of every RCD in that board, and the battery's grid-port RCD ahead of the
backup protection, because with the grid present the backup loads are fed
through the inverter.
"""

from __future__ import annotations

from dataclasses import dataclass

from sizing.constants import EPSILON
from sizing.findings import Phrase
from sizing.installation.fault import fault_table
from sizing.notes import Notes, both
from sizing.schema import BoardDesign, Circuit, DesignRequest


@dataclass(frozen=True, slots=True)
class Device:
    name: Phrase
    type: str
    sensitivity_ma: float
    selective: bool = False


def _factor() -> float:
    return float(fault_table()["rcd_selectivity"]["factor"])


def selective(upstream: Device, downstream: Device) -> bool:
    """535.3: an S-type upstream with at least 3 × the downstream IΔn."""
    return upstream.selective and upstream.sensitivity_ma + EPSILON >= (
        _factor() * downstream.sensitivity_ma
    )


def blinded(upstream: Device, downstream: Device) -> bool:
    """A type A or F device ahead of a type B one."""
    return downstream.type == "B" and upstream.type != "B"


def check_rcds(
    request: DesignRequest, board: BoardDesign | None, circuits: list[Circuit], notes: Notes
) -> None:
    main = request.board.main_rcd if request.board is not None else None
    if main is not None and board is not None:
        upstream = Device(
            Phrase("hoofdaardlekschakelaar", "main RCD"),
            main.type,
            main.sensitivity_ma,
            main.selective,
        )
        behind = [
            Device(_rcd_name(rcd.groups, i), rcd.type, rcd.sensitivity_ma)
            for i, rcd in enumerate((r for r in board.rcds if r.in_enclosure), start=1)
        ]
        for down in behind:
            if blinded(upstream, down):
                _pair(upstream, down, notes, None, blind_only=True)
        loose = [d for d in behind if not selective(upstream, d)]
        if loose:
            # One finding for the board: the most sensitive device sets what the main RCD needs.
            strictest = min(loose, key=lambda d: d.sensitivity_ma)
            names = [d.name for d in loose]
            joined = Phrase(", ".join(n.nl for n in names), ", ".join(n.en for n in names))
            _pair(
                upstream,
                Device(joined, strictest.type, strictest.sensitivity_ma),
                notes,
                None,
                report_blind=False,
            )
        _main_step(upstream, notes)
    grid = next((c for c in circuits if c.name == "ac_grid"), None)
    backup = next((c for c in circuits if c.name == "backup"), None)
    if grid is None or backup is None or grid.rcd is None or backup.rcd is None:
        return
    up = Device(
        Phrase("aardlekbeveiliging van de netpoort", "grid port's RCD"),
        grid.rcd.type,
        grid.rcd.sensitivity_ma,
    )
    down = Device(
        Phrase("backup-beveiliging", "backup protection"),
        backup.rcd.type,
        backup.rcd.sensitivity_ma,
    )
    ok = _pair(up, down, notes, "backup", inside_inverter=True)
    basis = fault_table()["rcd_selectivity"]
    notes.step(
        "rcd.series_backup",
        ("Aardlekbeveiliging in serie (netpoort → backup)", "RCDs in series (grid port → backup)"),
        both(
            lambda n: (
                f"type {up.type} {n(up.sensitivity_ma)} mA → type {down.type} "
                f"{n(down.sensitivity_ma)} mA: "
                + (n.t("selectief", "selective") if ok else n.t("niet selectief", "not selective"))
            )
        ),
        (basis["basis_nl"], basis["basis"]),
        circuit="backup",
    )


def _rcd_name(groups: list[str], index: int) -> Phrase:
    if "ac_grid" in groups:
        return Phrase("aardlekbeveiliging van de thuisbatterij", "home battery's RCD")
    return Phrase(f"aardlekbeveiliging {index}", f"RCD {index}")


def _main_step(main: Device, notes: Notes) -> None:
    basis = fault_table()["rcd_selectivity"]
    order = fault_table()["rcd_type_order"]
    notes.step(
        "rcd.main",
        ("Hoofdaardlekschakelaar", "Main RCD"),
        both(
            lambda n: (
                f"type {main.type} {n(main.sensitivity_ma)} mA"
                + (n.t(", vertraagd (S)", ", time-delayed (S)") if main.selective else "")
            )
        ),
        (f"{basis['basis_nl']}; {order['basis_nl']}", f"{basis['basis']}; {order['basis']}"),
    )


def _pair(
    up: Device,
    down: Device,
    notes: Notes,
    circuit: str | None,
    *,
    inside_inverter: bool = False,
    blind_only: bool = False,
    report_blind: bool = True,
) -> bool:
    if report_blind and blinded(up, down):
        notes.finding(
            "rcd.type_a_upstream_of_b",
            circuit=circuit,
            upstream=up.name,
            up_type=up.type,
            downstream=down.name,
        )
    if blind_only or selective(up, down):
        return True
    if inside_inverter:
        notes.finding(
            "rcd.backup_not_selective",
            circuit=circuit,
            up_ma=up.sensitivity_ma,
            down_ma=down.sensitivity_ma,
        )
    else:
        notes.finding(
            "rcd.not_selective",
            circuit=circuit,
            upstream=up.name,
            downstream=down.name,
            up_ma=up.sensitivity_ma,
            up_delay="s" if up.selective else "none",
            down_ma=down.sensitivity_ma,
            factor=int(_factor()),
        )
    return False
