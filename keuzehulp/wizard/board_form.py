"""Step 5, groepenkast: the existing board (its RCDs, free places) or a new one, and its groups.

The groups are a number ("just a number", the fast path) or a list of rows
(:mod:`keuzehulp.wizard.groups`). Both stay in the page while the installer
switches, so neither way loses what was typed in the other.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keuzehulp.wizard.draft import BoardAnswers
from keuzehulp.wizard.forms import EVERY_FIELD, WholeNumberField, WizardForm
from keuzehulp.wizard.groups import (
    ALL_BUCKETS,
    MAX_GROUPS,
    NEW,
    RCD_ROWS,
    Bucket,
    GroupFormSet,
    buckets,
    count_of,
)
from sizing.schema import Board, ExistingRcd, HouseholdGroup, MainRcd

LIST = "list"


class BoardForm(WizardForm):
    mode = forms.ChoiceField(
        label=_("Groepenkast"),
        choices=[
            ("existing", _("Inbouwen in de bestaande groepenkast")),
            ("new", _("Nieuwe groepenkast")),
        ],
        initial="existing",
        widget=forms.RadioSelect,
    )
    free_modules = WholeNumberField(
        label=_("Vrije moduleplaatsen"),
        required=False,
        min_value=0,
        max_value=200,
        help_text=_("Lege plaatsen op de DIN-rails, in modulebreedtes (1 module = 17,5 mm)."),
    )
    household_circuits = WholeNumberField(
        label=_("Aantal eindgroepen in huis"),
        required=False,
        min_value=0,
        max_value=MAX_GROUPS,
        help_text=_("Verlichting, wandcontactdozen, vaste apparaten: de groepen die meegaan."),
    )
    # An RCD ahead of the whole board (a hoofdaardlekschakelaar, often 300 mA S in TT): the
    # engine checks the RCDs in series against it (IEC 60364-5-53 535.3) and the meetrapport
    # judges an S type by its own trip-time window.
    main_rcd = forms.ChoiceField(
        label=_("Hoofdaardlekschakelaar vóór de groepenkast"),
        choices=[
            ("", _("Geen")),
            ("A", _("Type A")),
            ("F", _("Type F")),
            ("B", _("Type B")),
        ],
        required=False,
        help_text=_("Een aardlekschakelaar vóór de hele kast, vaak bij een TT-aansluiting."),
    )
    main_rcd_ma = forms.TypedChoiceField(
        label=_("Gevoeligheid hoofdaardlekschakelaar"),
        choices=[("30", "30 mA"), ("100", "100 mA"), ("300", "300 mA"), ("500", "500 mA")],
        coerce=int,
        initial="300",
        required=False,
    )
    main_rcd_selective = forms.BooleanField(
        label=_("Selectief (S-type, vertraagd)"),
        required=False,
    )
    describe = forms.ChoiceField(
        label=_("Eindgroepen"),
        choices=[("count", _("Alleen het aantal")), (LIST, _("Groepen benoemen"))],
        initial="count",
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Benoemd tekent de keuzehulp ze met naam en soort in de groepenkast en de "
            "groepenverklaring; een kookgroep of laadpaal krijgt zijn eigen beveiliging."
        ),
    )

    def __init__(
        self,
        *args: Any,
        three_phase: bool = False,
        backup: bool = False,
        rows: dict[str, list[dict[str, Any]]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for i in range(1, RCD_ROWS + 1):
            self.fields[f"rcd_{i}_groups"] = WholeNumberField(
                label=_("Aardlekschakelaar %(n)s: aantal groepen") % {"n": i},
                required=False,
                min_value=0,
                max_value=20,
            )
            self.fields[f"rcd_{i}_poles"] = forms.ChoiceField(
                label=_("Aardlekschakelaar %(n)s: polen") % {"n": i},
                choices=[("2P", _("2-polig")), ("4P", _("4-polig"))],
                initial="2P",
                required=False,
            )
        self.backup = backup
        rows = rows or {}
        focus = self.data.get("focus", "") if self.is_bound else ""
        self.buckets: dict[str, Bucket] = {}
        for prefix, count_field in ALL_BUCKETS:
            formset = GroupFormSet(
                self.data if self.is_bound else None,
                prefix=prefix,
                initial=None if self.is_bound else rows.get(prefix, []),
                form_kwargs={"three_phase": three_phase, "backup": backup},
            )
            count = count_of(self.data, count_field) if self.is_bound else len(rows.get(prefix, []))
            title = _("Groepen") if prefix == NEW else _("Achter aardlekschakelaar %(n)s")
            self.buckets[prefix] = Bucket(
                prefix, count_field, formset, count, str(title) % {"n": prefix[3:]}
            )
            for row in formset.forms:
                if f"id_{row.prefix}-name" == focus:
                    row.fields["name"].widget.attrs["autofocus"] = True

    # ------------------------------------------------------------------ the rows

    @property
    def listing(self) -> bool:
        return self["describe"].value() == LIST

    def active_buckets(self) -> list[Bucket]:
        mode = self["mode"].value()
        if mode not in ("new", "existing"):
            return []
        return [self.buckets[prefix] for prefix, _count in buckets(mode)]

    def signature(self) -> str:
        """What decides which rows the page shows; a live preview redraws them when it changes."""
        counts = ",".join(f"{b.count}" for b in self.active_buckets())
        return f"{self['mode'].value()}|{self.listing}|{counts}"

    def row_fields(self) -> list[forms.BoundField]:
        return [
            row[name]
            for b in self.buckets.values()
            for row in b.formset.forms
            for name in row.fields
        ]

    def input_names(self) -> set[str]:
        names = super().input_names()
        for prefix in self.buckets:
            names.update({f"{prefix}-TOTAL_FORMS", f"{prefix}-INITIAL_FORMS"})
        return names | {f.html_name for f in self.row_fields()}

    def keep_errors_of(self, touched: set[str]) -> None:
        super().keep_errors_of(touched)
        if EVERY_FIELD in touched:
            return
        for bucket in self.buckets.values():
            for row in bucket.formset.forms:
                if row.is_bound:
                    for name in list(row.errors):
                        if row.add_prefix(name) not in touched:
                            del row.errors[name]

    def rcd_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"rcd_{i}_groups"], self[f"rcd_{i}_poles"]) for i in range(1, RCD_ROWS + 1)]

    # ------------------------------------------------------------------ checks and answers

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("mode") == "existing":
            if not any(data.get(f"rcd_{i}_groups") for i in range(1, RCD_ROWS + 1)):
                self.add_error(
                    "rcd_1_groups",
                    _("Vul bij minstens één aardlekschakelaar het aantal groepen in."),
                )
            if data.get("free_modules") is None and "free_modules" not in self.errors:
                self.add_error("free_modules", _("Vul het aantal vrije moduleplaatsen in."))
        elif (
            data.get("mode") == "new"
            and data.get("household_circuits") is None
            and "household_circuits" not in self.errors  # "abc": one message, not two
        ):
            self.add_error("household_circuits", _("Vul het aantal eindgroepen in."))
        if data.get("describe") == LIST:
            self._check_rows()
        return data

    def _check_rows(self) -> None:
        used = [b for b in self.active_buckets() if b.count]
        if any(b.forged for b in used):
            self.add_error(
                None,
                _(
                    "De lijst met groepen kwam onvolledig of gewijzigd aan. Controleer de "
                    "groepen en verstuur opnieuw, of kies “Alleen het aantal”."
                ),
            )
            return
        if sum(b.count or 0 for b in used) > MAX_GROUPS:
            self.add_error(
                None,
                _("Benoem hoogstens %(n)s groepen, of kies “Alleen het aantal”.")
                % {"n": MAX_GROUPS},
            )
            return
        wrong = [row for b in used for row in b.counted if not row.is_valid()]
        if wrong:
            self.add_error(None, _("Controleer de gemarkeerde groepen."))

    def _groups(self, prefix: str) -> list[HouseholdGroup]:
        if self.cleaned_data.get("describe") != LIST:
            return []
        return [row.group() for row in self.buckets[prefix].counted]

    def _main_rcd(self) -> MainRcd | None:
        data = self.cleaned_data
        if not data.get("main_rcd"):
            return None
        return MainRcd(
            type=data["main_rcd"],
            sensitivity_ma=data.get("main_rcd_ma") or 300,
            selective=bool(data.get("main_rcd_selective")),
        )

    def answers(self) -> BoardAnswers:
        data = self.cleaned_data
        if data["mode"] == "new":
            board = Board(
                mode="new",
                main_rcd=self._main_rcd(),
                household_circuits=data["household_circuits"],
                household_groups=self._groups(NEW),
            )
        else:
            rcds, groups = [], []
            for i in range(1, RCD_ROWS + 1):
                if data.get(f"rcd_{i}_groups"):
                    rcds.append(
                        ExistingRcd(
                            groups=data[f"rcd_{i}_groups"],
                            poles=data.get(f"rcd_{i}_poles") or "2P",
                        )
                    )
                    groups += self._groups(f"rcd{i}")
            board = Board(
                mode="existing",
                main_rcd=self._main_rcd(),
                rcds=rcds,
                free_modules=data["free_modules"],
                household_groups=groups,
            )
        return BoardAnswers(board=board)

    @staticmethod
    def initial_from(answers: BoardAnswers | None) -> dict[str, Any]:
        if answers is None:
            return {}
        board = answers.board
        initial: dict[str, Any] = {
            "mode": board.mode,
            "describe": LIST if board.household_groups else "count",
        }
        if board.main_rcd is not None:
            initial["main_rcd"] = board.main_rcd.type
            initial["main_rcd_ma"] = str(int(board.main_rcd.sensitivity_ma))
            initial["main_rcd_selective"] = board.main_rcd.selective
        if board.mode == "new":
            initial["household_circuits"] = board.household_circuits or len(board.groups)
        else:
            initial["free_modules"] = board.free_modules
            for i, rcd in enumerate(board.rcds[:RCD_ROWS], start=1):
                initial[f"rcd_{i}_groups"] = rcd.groups
                initial[f"rcd_{i}_poles"] = rcd.poles
        return initial
