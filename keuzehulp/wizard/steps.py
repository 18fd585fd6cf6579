"""The wizard as a list of steps (after pretix's checkout flow).

Every step knows whether it applies and whether its stored answer is still
complete for everything answered before it. The views send the installer to
the first incomplete step, so the overview is only reachable with a system the
engine accepts. Why an answer is no longer valid comes from the engine: the
allowed choices (``suggest``) and the error findings of ``design``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from keuzehulp.wizard import forms as wf
from keuzehulp.wizard import options
from keuzehulp.wizard.board_form import BoardForm
from keuzehulp.wizard.draft import Draft
from keuzehulp.wizard.groups import ROW_ACTIONS, initial_rows, normalize
from keuzehulp.wizard.recommend import (
    Recommendation,
    budget_note,
    recommendation,
    recommended_backup,
    trade_off,
)
from keuzehulp.wording import counts_text, finding_text
from sizing.domain import Catalog
from sizing.schema import Design, DesignRequest, Finding, Severity, Site


class Wizard:
    """One draft against one catalogue, with the engine's answers computed once."""

    def __init__(self, draft: Draft, catalog: Catalog, language: str = "nl") -> None:
        self.draft = draft
        self.catalog = catalog
        self.language = language

    def replace(self, draft: Draft) -> Wizard:
        return Wizard(draft, self.catalog, self.language)

    @cached_property
    def site(self) -> Site | None:
        """The site without targets: what decides which choices are allowed."""
        return self.draft.to_site(with_targets=False)

    @cached_property
    def ranked_site(self) -> Site | None:
        return self.draft.to_site(with_targets=True)

    @cached_property
    def request(self) -> DesignRequest | None:
        return self.draft.to_request()

    @cached_property
    def design(self) -> Design | None:
        if self.request is None:
            return None
        return options.run_design(self.request, self.catalog)

    def errors(self) -> list[Finding]:
        return self.design.by_severity(Severity.ERROR) if self.design else []

    @cached_property
    def status(self) -> list[StepStatus]:
        result = []
        blocked = False
        for step in STEPS:
            if not step.is_applicable(self):
                continue
            answered = step.is_answered(self)
            problems = step.problems(self) if answered and not blocked else []
            complete = answered and not problems and not blocked
            result.append(StepStatus(step, answered, complete, problems, blocked))
            blocked = blocked or not complete
        return result

    def status_of(self, step: Step) -> StepStatus:
        return next(s for s in self.status if s.step is step)

    def first_incomplete(self) -> Step | None:
        return next((s.step for s in self.status if not s.complete), None)

    @property
    def complete(self) -> bool:
        return self.first_incomplete() is None


@dataclass
class StepStatus:
    step: Step
    answered: bool
    complete: bool
    problems: list[str]
    blocked: bool  # an earlier step is incomplete

    @property
    def reachable(self) -> bool:
        return not self.blocked


class Step:
    slug: ClassVar[str]
    key: ClassVar[str]  # the Draft attribute holding this step's answers
    title: ClassVar[Promise]
    template: ClassVar[str]
    form_class: ClassVar[type[forms.Form]]
    # Error codes of the engine that this step answers for (prefixes).
    owns: ClassVar[tuple[str, ...]] = ()
    # Submit buttons that change the inputs (a row added); never acted on in a live preview.
    actions: ClassVar[tuple[str, ...]] = ()

    def is_applicable(self, wizard: Wizard) -> bool:
        return True

    def is_answered(self, wizard: Wizard) -> bool:
        return getattr(wizard.draft, self.key) is not None

    def problems(self, wizard: Wizard) -> list[str]:
        """Why the stored answer no longer holds, in the installer's words; [] when it holds."""
        return self.engine_problems(wizard)

    def engine_problems(self, wizard: Wizard) -> list[str]:
        return [finding_text(f, wizard.language) for f in wizard.errors() if self.owns_finding(f)]

    def owns_finding(self, finding: Finding) -> bool:
        return finding.code.startswith(self.owns)

    def form_kwargs(self, wizard: Wizard) -> dict[str, Any]:
        return {}

    def form(self, wizard: Wizard, data: Any = None) -> Any:
        initial = self.form_class.initial_from(getattr(wizard.draft, self.key))  # type: ignore[attr-defined]
        return self.form_class(data, initial=initial, **self.form_kwargs(wizard))

    def apply(self, draft: Draft, form: Any) -> Draft:
        return draft.model_copy(update={self.key: form.answers()})

    def submitted(self, wizard: Wizard, data: Any) -> Any:
        """The posted data as the form should read it (a shortcut button may fill fields)."""
        return data

    def prefill(self, wizard: Wizard, data: Any) -> tuple[str, dict[str, str]] | None:
        """Inputs this submit proposes for a later step: (its slug, field values), or None."""
        return None

    def context(self, wizard: Wizard, form: Any) -> dict[str, Any]:
        """What the step's template needs besides the form."""
        return {}

    def oob_regions(self, wizard: Wizard, form: Any) -> list[str]:
        """Parts of the form a live (htmx) response replaces because an input changed them."""
        return []


class SiteStep(Step):
    slug = "aansluiting"
    key = "site"
    title = _("Aansluiting")
    template = "wizard/steps/aansluiting.html"
    form_class = wf.SiteForm

    def context(self, wizard: Wizard, form: Any) -> dict[str, Any]:
        site = wizard.site
        if site is None:
            return {}
        return {"fitting_inverters": len(options.allowed_inverters(site, wizard.catalog))}


class InverterStep(Step):
    slug = "omvormer"
    key = "inverter"
    title = _("Omvormer")
    template = "wizard/steps/omvormer.html"
    form_class = wf.InverterForm
    owns = ("inverter.",)
    # "Kies dit systeem" takes the recommendation: a live preview never acts on it.
    actions = ("recommended",)

    def problems(self, wizard: Wizard) -> list[str]:
        assert wizard.site is not None and wizard.draft.inverter is not None
        return self.check(wizard, wizard.draft.inverter.inverter) or self.engine_problems(wizard)

    def check(self, wizard: Wizard, code: str) -> list[str]:
        assert wizard.site is not None
        for card in options.inverter_cards(wizard.site, wizard.catalog):
            if card.code == code:
                if card.allowed:
                    return []
                return [finding_text(f, wizard.language) for f in card.reasons] or [
                    str(_("Deze omvormer past niet bij deze aansluiting."))
                ]
        return [str(_("Kies een omvormer uit de lijst."))]

    def ranked(self, wizard: Wizard, form: Any) -> Site:
        """The site with the targets as typed (or as stored): what ranks the systems."""
        assert wizard.site is not None
        if form.is_bound:
            return wizard.site.model_copy(update=form.preferences())
        return wizard.ranked_site or wizard.site

    def cards(self, wizard: Wizard, form: Any) -> list[options.InverterCard]:
        return options.inverter_cards(self.ranked(wizard, form), wizard.catalog)

    def recommended(self, wizard: Wizard, data: Any) -> Recommendation | None:
        return recommendation(self.ranked(wizard, self.form(wizard, data)), wizard.catalog)

    def submitted(self, wizard: Wizard, data: Any) -> Any:
        # "Kies dit systeem" chooses the recommended inverter, whatever card is checked.
        if "recommended" not in data:
            return data
        top = self.recommended(wizard, data)
        if top is None:
            return data
        chosen = data.copy()
        chosen["inverter"] = top.suggestion.inverter
        return chosen

    def prefill(self, wizard: Wizard, data: Any) -> tuple[str, dict[str, str]] | None:
        """The recommended module and count, pre-selected (not yet stored) on the battery step."""
        top = self.recommended(wizard, data) if "recommended" in data else None
        if top is None:
            return None
        module, count = top.suggestion.module, str(top.suggestion.count)
        return BatteryStep.slug, {"module": module, "count": count, "count_for": module}

    def context(self, wizard: Wizard, form: Any) -> dict[str, Any]:
        site = self.ranked(wizard, form)
        cards = options.inverter_cards(site, wizard.catalog)
        top = recommendation(site, wizard.catalog)
        return {
            "cards": cards,
            "recommendation": top,
            "budget_note": budget_note(site, wizard.catalog) if top is None else "",
            "trade_offs": {card.code: trade_off(card, top) for card in cards},
            "selected": form["inverter"].value(),
            "has_target": site.target_usable_kwh is not None or site.target_power_kw is not None,
            "cards_for": _ranked_for(site),
        }

    def oob_regions(self, wizard: Wizard, form: Any) -> list[str]:
        changed = form.data.get("cards_for") != _ranked_for(self.ranked(wizard, form))
        return ["wizard/steps/_inverter_cards.html"] if changed else []


def _ranked_for(site: Site) -> str:
    """What the cards were ranked for, so a changed preference redraws them."""
    return "|".join(
        str(v)
        for v in (
            site.target_usable_kwh,
            site.target_power_kw,
            site.budget_excl_vat_eur,
            site.must_have_backup,
        )
    )


class BatteryStep(Step):
    slug = "batterij"
    key = "battery"
    title = _("Batterij")
    template = "wizard/steps/batterij.html"
    form_class = wf.BatteryForm
    owns = ("battery.",)

    def problems(self, wizard: Wizard) -> list[str]:
        answers = wizard.draft.battery
        assert answers is not None
        return self.check(wizard, answers.module, answers.count) or self.engine_problems(wizard)

    def modules(self, wizard: Wizard) -> list[options.ModuleOption]:
        assert wizard.site is not None and wizard.draft.inverter is not None
        return options.module_options(wizard.site, wizard.draft.inverter.inverter, wizard.catalog)

    def check(self, wizard: Wizard, module: str, count: int) -> list[str]:
        for option in self.modules(wizard):
            if option.code != module:
                continue
            if not option.allowed:
                return [finding_text(f, wizard.language) for f in option.reasons] or [
                    str(_("Deze module past niet bij deze omvormer op deze plek."))
                ]
            if count not in option.counts:
                return [
                    str(
                        _("%(count)s × %(module)s kan niet; kies %(counts)s modules.")
                        % {
                            "count": count,
                            "module": module,
                            "counts": counts_text(option.counts, wizard.language),
                        }
                    )
                ]
            return []
        return [str(_("Kies een batterijmodule uit de lijst."))]

    def context(self, wizard: Wizard, form: Any) -> dict[str, Any]:
        modules = self.modules(wizard)
        selected = form["module"].value()
        current = next((m for m in modules if m.code == selected), None)
        count = form["count"].value()
        try:
            count = int(count) if count not in (None, "") else None
        except (TypeError, ValueError):
            count = None
        return {
            "modules": modules,
            "selected_module": current,
            "selected_count": count,
        }

    def oob_regions(self, wizard: Wizard, form: Any) -> list[str]:
        regions = ["wizard/steps/_battery_live.html"]
        if form.data.get("count_for") != form.data.get("module"):
            regions.append("wizard/steps/_battery_counts.html")
        return regions


class BackupStep(Step):
    slug = "noodstroom"
    key = "backup"
    title = _("Noodstroom")
    template = "wizard/steps/noodstroom.html"
    form_class = wf.BackupForm
    owns = ("backup.",)

    def proposed(self, wizard: Wizard) -> str | None:
        """The backup to pre-select; a choice already stored always wins."""
        draft, site = wizard.draft, wizard.ranked_site
        if draft.backup is not None or draft.inverter is None or draft.battery is None:
            return None
        if site is None:
            return None
        system = (draft.inverter.inverter, draft.battery.module, draft.battery.count)
        return recommended_backup(site, wizard.catalog, system)

    def form(self, wizard: Wizard, data: Any = None) -> Any:
        proposal = self.proposed(wizard)
        if proposal is None:
            return super().form(wizard, data)
        return self.form_class(data, initial={"backup": proposal}, **self.form_kwargs(wizard))

    def context(self, wizard: Wizard, form: Any) -> dict[str, Any]:
        assert wizard.draft.inverter is not None
        code = wizard.draft.inverter.inverter
        return {
            "backup_options": {o.value: o for o in options.backup_options(code, wizard.catalog)},
            "shutdown_kit": options.shutdown_kit(code, wizard.catalog),
            "proposed": self.proposed(wizard) if not form.is_bound else None,
        }


class BoardStep(Step):
    slug = "groepenkast"
    key = "board"
    title = _("Groepenkast")
    template = "wizard/steps/groepenkast.html"
    form_class = BoardForm
    owns = ("board.", "rcd.", "enclosure.")
    actions = ROW_ACTIONS

    def form_kwargs(self, wizard: Wizard) -> dict[str, Any]:
        draft = wizard.draft
        return {
            "three_phase": draft.site is not None and draft.site.connection.phases == 3,
            "backup": draft.backup is not None and draft.backup.backup != "none",
            "rows": initial_rows(draft.board.board if draft.board is not None else None),
        }

    def submitted(self, wizard: Wizard, data: Any) -> Any:
        return normalize(data)

    def oob_regions(self, wizard: Wizard, form: Any) -> list[str]:
        # Redraw the rows when a count, the kind of board or the way of answering changed.
        changed = form.data.get("groups_for") != form.signature()
        return ["wizard/steps/_groups.html"] if changed else []


class CablingStep(Step):
    slug = "bekabeling"
    key = "cabling"
    title = _("Bekabeling")
    template = "wizard/steps/bekabeling.html"
    form_class = wf.CablingForm
    owns = ("cable.", "circuit.", "breaker.", "voltage_drop.")

    def backup(self, wizard: Wizard) -> str:
        return wizard.draft.backup.backup if wizard.draft.backup is not None else "none"

    def form_kwargs(self, wizard: Wizard) -> dict[str, Any]:
        types = wizard.catalog.cable_types
        return {
            "backup": self.backup(wizard),
            "type_methods": {code: t.methods for code, t in types.items()},
            "type_insulation": {code: t.insulation.value for code, t in types.items()},
        }

    def owns_finding(self, finding: Finding) -> bool:
        return finding.circuit is not None or super().owns_finding(finding)

    def problems(self, wizard: Wizard) -> list[str]:
        answers = wizard.draft.cabling
        assert answers is not None
        # The BackupBox needs a cable from the backup port; the distribution unit has its own.
        if self.backup(wizard) == "backup_box" and answers.backup_cable is None:
            return [str(_("Vul de gegevens van de noodstroomkabel in."))]
        return self.engine_problems(wizard)


STEPS: list[Step] = [
    SiteStep(),
    InverterStep(),
    BatteryStep(),
    BackupStep(),
    BoardStep(),
    CablingStep(),
]
BY_SLUG = {step.slug: step for step in STEPS}


def index_of(step: Step) -> int:
    return STEPS.index(step)


def later_steps(step: Step) -> Iterable[Step]:
    return STEPS[index_of(step) + 1 :]
