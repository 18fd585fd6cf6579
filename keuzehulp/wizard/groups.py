"""The household groups of the groepenkast step, as rows the installer fills in.

The groups sit in buckets: a new board has one (its household groups), an
existing board one per aardlekschakelaar (the groups behind it, in board order).
Each bucket is a Django formset; its count field ("Aantal eindgroepen", "aantal
groepen" of an RCD) says how many of its rows count. The count stays the truth in
both ways of answering, so "just a number" and the list never disagree, and rows
past the count are kept (hidden) rather than thrown away while a count is retyped.

"Groep toevoegen" and "Verwijderen" are submit buttons: they work without
JavaScript and change the posted data before the form reads it (:func:`normalize`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.formsets import TOTAL_FORM_COUNT, BaseFormSet, formset_factory
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from keuzehulp.wizard.forms import NumberField
from sizing.schema import Board, HouseholdGroup
from sizing.text import code_points, unprintable

KINDS = [
    ("lighting_sockets", _("Verlichting/wandcontactdozen")),
    ("cooking", _("Kookgroep")),
    ("ev_charger", _("Laadpaal")),
    ("heat_pump", _("Warmtepomp")),
    ("laundry", _("Wasmachine/droger")),
    ("other", _("Overig")),
]
DEFAULT_KIND = "lighting_sockets"
# The kinds whose phases the installer chooses on a three-phase connection; every other kind
# (and every kind on a single-phase one) takes the engine's default for it.
PHASE_CHOICES: dict[str, tuple[int, ...]] = {
    "cooking": (2, 3),
    "ev_charger": (1, 3),
    "heat_pump": (1, 3),
}
PHASE_ERRORS = {
    "cooking": _("Een kookgroep is 2-fase of 3-fase."),
    "ev_charger": _("Een laadpaal is 1-fase of 3-fase."),
    "heat_pump": _("Een warmtepomp is 1-fase of 3-fase."),
}
PHASE_LABELS = {1: _("1-fase"), 2: _("2-fase"), 3: _("3-fase")}
MAX_GROUPS = 60  # Board.household_groups
RCD_ROWS = 6
NEW = "groups"
ROW_FIELDS = ("name", "kind", "phases", "rating_a", "backed_up")
ROW_ACTIONS = ("add_group", "remove_group")


def rcd_prefix(index: int) -> str:
    return f"rcd{index}"


def buckets(mode: str) -> list[tuple[str, str]]:
    """(formset prefix, count field) of the buckets in use for this kind of board."""
    if mode == "new":
        return [(NEW, "household_circuits")]
    return [(rcd_prefix(i), f"rcd_{i}_groups") for i in range(1, RCD_ROWS + 1)]


ALL_BUCKETS = buckets("new") + buckets("existing")


def _whole(value: Any, high: int) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 <= number <= high else None


def count_of(data: Any, count_field: str) -> int | None:
    """The bucket's count as posted, or None while it is empty or not a whole number."""
    return _whole(data.get(count_field), MAX_GROUPS)


def total_of(data: Any, prefix: str) -> int | None:
    """The number of rows the page sent, or None when the formset's count is missing or forged."""
    return _whole(data.get(f"{prefix}-{TOTAL_FORM_COUNT}"), MAX_GROUPS)


def normalize(data: MultiValueDict[str, Any]) -> MultiValueDict[str, Any]:
    """The posted data with "Groep toevoegen"/"Verwijderen" applied and every counted row present.

    Returns a mutable copy; the request's own data is left alone.
    """
    data = data.copy()
    add, remove = data.pop("add_group", [None])[-1], data.pop("remove_group", [None])[-1]
    if add or remove:
        data["refresh"] = "1"  # a change of the list, not "Volgende"
        data.pop("next", None)
    for prefix, count_field in ALL_BUCKETS:
        total = total_of(data, prefix)
        if total is None:
            continue  # no list sent (the fast path, a client of its own) or a forged one
        count = count_of(data, count_field)
        if add == prefix:
            count = min((count or 0) + 1, MAX_GROUPS)
            data[count_field] = str(count)
            data["focus"] = f"id_{prefix}-{count - 1}-name"  # the new row, to be typed in
        if remove and remove.startswith(f"{prefix}-"):
            row = _whole(remove[len(prefix) + 1 :], MAX_GROUPS)
            if row is not None and row < total:
                _drop_row(data, prefix, row, total)
                total -= 1
                count = max((count if count is not None else total + 1) - 1, 0)
                data[count_field] = str(count)
                data["focus"] = f"add-{prefix}"
        while count is not None and total < count:
            data[f"{prefix}-{total}-kind"] = DEFAULT_KIND
            total += 1
        data[f"{prefix}-{TOTAL_FORM_COUNT}"] = str(total)
    return data


def _drop_row(data: MultiValueDict[str, Any], prefix: str, row: int, total: int) -> None:
    for i in range(row, total):
        for name in ROW_FIELDS:
            after = data.getlist(f"{prefix}-{i + 1}-{name}")
            if after and i + 1 < total:
                data.setlist(f"{prefix}-{i}-{name}", after)
            else:
                data.pop(f"{prefix}-{i}-{name}", None)


class GroupForm(forms.Form):
    """One household group: a name, what it feeds, and what is known about it."""

    def __init__(self, *args: Any, three_phase: bool = False, backup: bool = False, **kwargs: Any):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["name"] = forms.CharField(
            label=_("Naam"),
            required=False,
            max_length=40,
            widget=forms.TextInput(attrs={"placeholder": _("bijv. keuken"), "autocomplete": "off"}),
        )
        self.fields["kind"] = forms.ChoiceField(
            label=_("Soort"), choices=KINDS, initial=DEFAULT_KIND
        )
        if three_phase:
            self.fields["phases"] = forms.ChoiceField(
                label=_("Fasen"),
                choices=[("", _("gebruikelijk")), *[(str(n), t) for n, t in PHASE_LABELS.items()]],
                required=False,
                widget=PhaseSelect,
            )
        self.fields["rating_a"] = NumberField(
            label=_("Automaat (A), als bekend"),
            required=False,
            unit="A",
            min_value=1,
            max_value=63,
        )
        if backup:
            self.fields["backed_up"] = forms.BooleanField(label=_("Op noodstroom"), required=False)

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        found = unprintable(name)
        if found:
            raise forms.ValidationError(
                _("De naam bevat onzichtbare stuurtekens (%(chars)s); typ hem opnieuw."),
                code="unprintable",
                params={"chars": code_points(found)},
            )
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, phases = data.get("kind"), data.get("phases")
        allowed = PHASE_CHOICES.get(kind or "")
        if not phases or allowed is None:
            # A kind without a choice takes its default, whatever a hidden select still holds.
            data["phases"] = None
        elif int(phases) not in allowed:
            self.add_error("phases", PHASE_ERRORS[str(kind)])
        else:
            data["phases"] = int(phases)
        return data

    def group(self) -> HouseholdGroup:
        data = self.cleaned_data
        return HouseholdGroup(
            name=data["name"],
            kind=data["kind"],
            phases=data.get("phases"),
            rating_a=data.get("rating_a"),
            backed_up=bool(data.get("backed_up")),
        )

    @staticmethod
    def initial_of(group: HouseholdGroup) -> dict[str, Any]:
        return {
            "name": group.name,
            "kind": group.kind,
            "phases": str(group.phases) if group.phases else "",
            "rating_a": group.rating_a,
            "backed_up": group.backed_up,
        }


class PhaseSelect(forms.Select):
    """Each option names the kinds it belongs to, so the page's script offers only those."""

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        kinds = [k for k, allowed in PHASE_CHOICES.items() if not value or int(value) in allowed]
        option["attrs"]["data-kinds"] = " ".join(kinds)
        return option


class GroupFormSetBase(BaseFormSet):  # type: ignore[type-arg]
    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        # Every counted row is checked, also one left as it was (a row of defaults is a group).
        return {**super().get_form_kwargs(index), "empty_permitted": False}


GroupFormSet = formset_factory(
    GroupForm,
    formset=GroupFormSetBase,
    extra=0,
    max_num=MAX_GROUPS,
    absolute_max=MAX_GROUPS,
)


class Bucket:
    """One formset of groups and how many of its rows count."""

    def __init__(self, prefix: str, count_field: str, formset: Any, count: int | None, title: str):
        self.prefix = prefix
        self.count_field = count_field
        self.formset = formset
        self.count = count
        self.title = title

    @property
    def rows(self) -> list[tuple[GroupForm, bool]]:
        """Each row and whether it counts (rows past the count are kept, hidden)."""
        count = self.count or 0
        return [(form, i < count) for i, form in enumerate(self.formset.forms)]

    @property
    def counted(self) -> list[GroupForm]:
        return [form for form, counts in self.rows if counts]

    @property
    def forged(self) -> bool:
        formset = self.formset
        if not formset.is_bound:
            return False
        return total_of(formset.data, self.prefix) is None or not formset.management_form.is_valid()


def initial_rows(board: Board | None) -> dict[str, list[dict[str, Any]]]:
    """The rows of each bucket for a stored board: its listed groups, or as many blank rows."""
    if board is None:
        return {}
    groups = board.groups
    if board.mode == "new":
        return {NEW: [GroupForm.initial_of(g) for g in groups]}
    rows: dict[str, list[dict[str, Any]]] = {}
    start = 0
    for i, rcd in enumerate(board.rcds[:RCD_ROWS], start=1):
        rows[rcd_prefix(i)] = [GroupForm.initial_of(g) for g in groups[start : start + rcd.groups]]
        start += rcd.groups
    return rows
