"""The wizard's draft: the installer's answers so far, kept as pydantic models in the session.

Each step stores its own answers (None = not answered yet). The answers are
already domain values (the engine's :mod:`sizing.schema` types where there is
one), so building the :class:`DesignRequest` or the :class:`Site` is copying,
never computing.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sizing.schema import (
    BatterySelection,
    Board,
    CableRun,
    Connection,
    DesignRequest,
    ExistingPV,
    Site,
)
from sizing.text import LENIENT, OneLine

SESSION_KEY = "wizard_draft"
DRAFT_VERSION = 1

BackupChoice = Literal["none", "distribution_unit", "backup_box"]


class Answers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SiteAnswers(Answers):
    """Step 1, aansluiting."""

    project_reference: OneLine = Field(default="", max_length=120)
    connection: Connection
    existing_pv: ExistingPV | None = None
    location: Literal["indoor", "outdoor"] = "indoor"
    min_ambient_c: float | None = None
    max_ambient_c: float | None = None


class InverterAnswers(Answers):
    """Step 2, omvormer: the choice and the optional target that ranked the cards."""

    inverter: str
    target_usable_kwh: float | None = None
    target_power_kw: float | None = None
    budget_excl_vat_eur: Decimal | None = None
    must_have_backup: bool = False


class BatteryAnswers(Answers):
    """Step 3, batterij."""

    module: str
    count: int


class BackupAnswers(Answers):
    """Step 4, noodstroom."""

    backup: BackupChoice = "none"
    shutdown_kit: bool = False


class BoardAnswers(Answers):
    """Step 5, groepenkast."""

    board: Board


class CablingAnswers(Answers):
    """Step 6, bekabeling."""

    ac_cable: CableRun
    backup_cable: CableRun | None = None
    max_voltage_drop_pct: float = 1.0


class Draft(BaseModel):
    """Everything the installer answered; stored in the session as JSON."""

    model_config = ConfigDict(extra="ignore")

    version: int = DRAFT_VERSION
    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    site: SiteAnswers | None = None
    inverter: InverterAnswers | None = None
    battery: BatteryAnswers | None = None
    backup: BackupAnswers | None = None
    board: BoardAnswers | None = None
    cabling: CablingAnswers | None = None
    copied_from: str | None = None  # the saved configuration this draft started from

    # ------------------------------------------------------------------ engine inputs

    def to_site(self, with_targets: bool = True) -> Site | None:
        if self.site is None:
            return None
        targets: dict[str, Any] = {}
        if with_targets and self.inverter is not None:
            targets = {
                "target_usable_kwh": self.inverter.target_usable_kwh,
                "target_power_kw": self.inverter.target_power_kw,
                "budget_excl_vat_eur": self.inverter.budget_excl_vat_eur,
                "must_have_backup": self.inverter.must_have_backup,
            }
        return Site(
            connection=self.site.connection,
            location=self.site.location,
            min_ambient_c=self.site.min_ambient_c,
            max_ambient_c=self.site.max_ambient_c,
            existing_pv=self.site.existing_pv,
            **targets,
        )

    def to_request(self) -> DesignRequest | None:
        """The design request as far as answered; None before a battery is chosen."""
        if self.site is None or self.inverter is None or self.battery is None:
            return None
        data: dict[str, Any] = {
            "connection": self.site.connection,
            "inverter": self.inverter.inverter,
            "batteries": [BatterySelection(module=self.battery.module, count=self.battery.count)],
            "location": self.site.location,
            "min_ambient_c": self.site.min_ambient_c,
            "max_ambient_c": self.site.max_ambient_c,
            "existing_pv": self.site.existing_pv,
            "project_reference": self.site.project_reference,
        }
        if self.backup is not None:
            data["backup"] = self.backup.backup
            data["shutdown_kit"] = self.backup.shutdown_kit
        if self.board is not None:
            data["board"] = self._board()
        if self.cabling is not None:
            data["ac_cable"] = self.cabling.ac_cable
            if self.backup is not None and self.backup.backup != "none":
                data["backup_cable"] = self.cabling.backup_cable
            data["max_voltage_drop_pct"] = self.cabling.max_voltage_drop_pct
        try:
            return DesignRequest(**data)
        except ValidationError:
            return None

    def _board(self) -> Board:
        """The board as answered; groups marked "op noodstroom" only count with a backup solution.

        The draft keeps the marks, so choosing backup again after "geen noodstroom" brings them
        back; the step shows no such box without backup.
        """
        assert self.board is not None
        board = self.board.board
        if (self.backup is None or self.backup.backup == "none") and any(
            g.backed_up for g in board.household_groups
        ):
            groups = [g.model_copy(update={"backed_up": False}) for g in board.household_groups]
            return board.model_copy(update={"household_groups": groups})
        return board

    @classmethod
    def from_request(cls, request: DesignRequest, copied_from: str | None = None) -> Draft:
        """A draft holding every answer of a saved request ("Kopie bewerken")."""
        first = request.batteries[0]
        return cls(
            site=SiteAnswers(
                project_reference=request.project_reference,
                connection=request.connection,
                existing_pv=request.existing_pv,
                location=request.location,
                min_ambient_c=request.min_ambient_c,
                max_ambient_c=request.max_ambient_c,
            ),
            inverter=InverterAnswers(inverter=request.inverter),
            battery=BatteryAnswers(module=first.module, count=first.count),
            backup=BackupAnswers(backup=request.backup, shutdown_kit=request.shutdown_kit),
            board=BoardAnswers(board=request.board) if request.board is not None else None,
            cabling=(
                CablingAnswers(
                    ac_cable=request.ac_cable,
                    backup_cable=request.backup_cable,
                    max_voltage_drop_pct=request.max_voltage_drop_pct or 1.0,
                )
                if request.ac_cable is not None
                else None
            ),
            copied_from=copied_from,
        )


# --------------------------------------------------------------------------- session


def load(session: Any) -> Draft | None:
    """The draft in the session, or None when there is none (new visitor, expired session)."""
    data = session.get(SESSION_KEY)
    if not data:
        return None
    try:
        # Lenient: a draft typed before control characters were refused keeps its reference.
        draft = Draft.model_validate(data, context=LENIENT)
    except ValidationError:
        return None  # a draft from an older version of the wizard: start clean
    return draft if draft.version == DRAFT_VERSION else None


def store(session: Any, draft: Draft) -> None:
    session[SESSION_KEY] = draft.model_dump(mode="json")


def clear(session: Any) -> None:
    session.pop(SESSION_KEY, None)
