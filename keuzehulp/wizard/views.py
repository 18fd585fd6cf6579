"""The wizard's views: one view for every step, the overview, and saved configurations.

Thin function views returning TemplateResponse. An htmx request gets a named
partial of the same template ("wizard/step.html#live", django-template-partials);
every step also works as a plain form POST.
Views copy cleaned form data into the draft and ask the engine (through
:mod:`keuzehulp.wizard.options`); they never compute an electrical value.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails
from pydantic import ValidationError

from catalog.services import load_catalog
from keuzehulp import designs
from keuzehulp.documents import tasks
from keuzehulp.documents.cache import document_key
from keuzehulp.models import Configuration
from keuzehulp.wizard import draft as drafts
from keuzehulp.wizard import options, unsaved
from keuzehulp.wizard.draft import Draft
from keuzehulp.wizard.forms import EVERY_FIELD
from keuzehulp.wizard.snapshot import differences, snapshot
from keuzehulp.wizard.steps import BY_SLUG, STEPS, Step, Wizard, index_of, later_steps
from keuzehulp.wording import finding_text, language, money
from sizing.schema import DesignRequest, Severity
from sizing.text import LENIENT


class HtmxHttpRequest(HttpRequest):
    """What HtmxMiddleware makes of every request (for the type checker)."""

    htmx: HtmxDetails


def _step_url(step: Step) -> str:
    return reverse("wizard:step", args=[step.slug])


def _redirect(request: HtmxHttpRequest, url: str) -> HttpResponse:
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return HttpResponseRedirect(url)


def _restart(request: HtmxHttpRequest, *, expired: bool) -> HttpResponse:
    drafts.clear(request.session)
    if expired:
        messages.warning(
            request,
            _(
                "Uw sessie was verlopen, daardoor zijn de antwoorden weg. "
                "U begint opnieuw bij stap 1."
            ),
        )
    else:
        messages.info(request, _("Er is geen lopend ontwerp; u begint bij stap 1."))
    return _redirect(request, _step_url(STEPS[0]))


def _template(name: str, partial: str | None) -> str:
    """The page, or one of its {% partialdef %}s for an htmx request."""
    return f"{name}#{partial}" if partial else name


def _wizard(draft: Draft) -> Wizard:
    return Wizard(draft, load_catalog(), language())


# --------------------------------------------------------------------------- entry points


def start(request: HtmxHttpRequest) -> HttpResponse:
    """/wizard/: continue where the installer left off, or begin."""
    draft = drafts.load(request.session)
    if draft is None:
        return redirect("wizard:step", slug=STEPS[0].slug)
    wizard = _wizard(draft)
    step = wizard.first_incomplete()
    return redirect(_step_url(step) if step else reverse("wizard:overview"))


@require_POST
def restart(request: HtmxHttpRequest) -> HttpResponse:
    drafts.clear(request.session)
    messages.info(request, _("Nieuw ontwerp: alle antwoorden zijn gewist."))
    response = redirect("wizard:step", slug=STEPS[0].slug)
    unsaved.forget(response)
    return response


# --------------------------------------------------------------------------- steps


@require_http_methods(["GET", "POST"])
def step(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    current = BY_SLUG.get(slug)
    if current is None:
        return not_found(request)
    draft = drafts.load(request.session)
    stored = draft is not None
    posted_draft = request.POST.get("draft") if request.method == "POST" else None
    if draft is None:
        if index_of(current) > 0:
            return _restart(request, expired=bool(posted_draft))
        if posted_draft:
            messages.warning(
                request, _("Uw sessie was verlopen; de antwoorden van deze stap zijn bewaard.")
            )
        draft = Draft()
    wizard = _wizard(draft)
    first = wizard.first_incomplete()
    if first is not None and index_of(first) < index_of(current):
        messages.warning(
            request,
            _("Maak eerst de stap %(step)s af.") % {"step": first.title},
        )
        return _redirect(request, _step_url(first))

    kept_for = draft.id if stored else ""
    if request.method == "GET":
        partial = "wizard" if request.htmx else None
        kept = unsaved.kept(request, current.slug, kept_for)
        if kept is None:
            form = current.form(wizard)
            return _render_step(request, wizard, current, form, partial=partial, stored=stored)
        # A reload or a language switch mid-step: the choices made before it, no errors yet.
        form = current.form(wizard, MultiValueDict(kept))
        preview = _preview(wizard, current, form)
        form.keep_errors_of(set())
        return _render_step(
            request, wizard, current, form, preview=preview, partial=partial, stored=stored
        )

    live = bool(request.htmx and request.GET.get("live"))
    posted: QueryDict = request.POST
    if live and any(name in posted for name in current.actions):
        # htmx sends the button last clicked along with the form's own request: a preview shows
        # what the inputs give, it does not add a row a second time behind the button's back.
        posted = posted.copy()
        for name in current.actions:
            posted.pop(name, None)
    data = current.submitted(wizard, posted)
    form = current.form(wizard, data)
    if live or "refresh" in data:
        # A preview: show what these inputs would give, store nothing but the inputs.
        preview = _preview(wizard, current, form)
        oob: list[str] = []
        if live:
            touched = _touched(request.POST, form)
            if preview is not wizard and EVERY_FIELD in touched:
                for problem in current.problems(preview):
                    form.add_error(None, problem)
            form.keep_errors_of(touched)
            oob = [*current.oob_regions(wizard, form), "wizard/_error_slots.html"]
        response = _render_step(
            request,
            wizard,
            current,
            form,
            preview=preview,
            partial="live" if live else None,
            oob=oob,
            stored=stored,
        )
        unsaved.keep(response, current.slug, kept_for, data, form.input_names())
        return response

    if form.is_valid():
        candidate = wizard.replace(current.apply(draft, form))
        problems = current.problems(candidate)
        if not problems:
            for text in _changes(wizard, candidate, current):
                messages.warning(request, text)
            drafts.store(request.session, candidate.draft)
            proposed = current.prefill(wizard, data)
            if proposed is None:
                done = _redirect(request, _after(candidate, current))
                unsaved.forget(done)
                return done
            # The proposal is shown on its step, to be checked and confirmed there.
            slug, values = proposed
            done = _redirect(request, _step_url(BY_SLUG[slug]))
            unsaved.keep(done, slug, candidate.draft.id, values, values, proposal=True)
            return done
        for problem in problems:
            form.add_error(None, problem)
    return _render_step(
        request, wizard, current, form, partial="wizard" if request.htmx else None, stored=stored
    )


def _preview(wizard: Wizard, current: Step, form: Any) -> Wizard:
    """The wizard as these inputs would make it; itself when they are not valid yet."""
    if form.is_valid():
        return wizard.replace(current.apply(wizard.draft, form))
    return wizard


def _touched(data: Any, form: Any) -> set[str]:
    """The fields whose errors the installer should see: left, or everything after a submit."""
    names = set(str(data.get("touched", "")).split(","))
    return names & ({EVERY_FIELD} | form.input_names())


def _after(wizard: Wizard, current: Step) -> str:
    """Where "Volgende" goes: the next step, or further on to a step that needs attention."""
    first = wizard.first_incomplete()
    if first is not None and index_of(first) > index_of(current):
        return _step_url(first)
    later = list(later_steps(current))
    return _step_url(later[0]) if later else reverse("wizard:overview")


def _render_step(
    request: HtmxHttpRequest,
    wizard: Wizard,
    current: Step,
    form: Any,
    *,
    preview: Wizard | None = None,
    partial: str | None = None,
    oob: list[str] | None = None,
    stored: bool = True,
) -> TemplateResponse:
    index = index_of(current)
    status = wizard.status_of(current)
    context = {
        "wizard": wizard,
        "step": current,
        "step_number": index + 1,
        "step_count": len(STEPS) + 1,
        "form": form,
        "progress": _progress(wizard, current),
        "summary": preview or wizard,
        "previous_url": _step_url(STEPS[index - 1]) if index > 0 else None,
        "problems": status.problems if request.method == "GET" else [],
        "oob": oob or [],
        "draft_id": wizard.draft.id if stored else "",
        # After a submit that failed, every field says what is wrong while it is being fixed.
        "touched": EVERY_FIELD if form.is_bound and form.errors else "",
        **current.context(wizard, form),
    }
    return TemplateResponse(request, _template("wizard/step.html", partial), context)


def _progress(wizard: Wizard, current: Step | None) -> list[dict[str, Any]]:
    items = []
    for state in wizard.status:
        items.append(
            {
                "title": state.step.title,
                "url": _step_url(state.step),
                "current": state.step is current,
                "complete": state.complete,
                "attention": state.answered and not state.complete and not state.blocked,
                "reachable": state.reachable,
            }
        )
    items.append(
        {
            "title": _("Overzicht"),
            "url": reverse("wizard:overview"),
            "current": current is None,
            "complete": False,
            "attention": False,
            "reachable": wizard.complete,
        }
    )
    return items


def _changes(before: Wizard, after: Wizard, current: Step) -> list[str]:
    """What changing an earlier answer did to the later steps and the result, in words."""
    later = list(later_steps(current))
    if not any(step.is_answered(before) for step in later):
        return []  # the first walk through: nothing to compare with yet
    texts = []
    old = {s.step.slug: s for s in before.status}
    for state in after.status:
        if state.step in later and state.problems and old[state.step.slug].complete:
            texts.append(
                _("Stap %(step)s moet opnieuw: %(problem)s")
                % {"step": state.step.title, "problem": " ".join(state.problems)}
            )
    if before.design is not None and after.design is not None:
        a, b = before.design, after.design
        if a.totals and b.totals and a.totals.excl_vat_eur != b.totals.excl_vat_eur:
            texts.append(
                _("Totaal excl. btw was %(old)s, nu %(new)s.")
                % {
                    "old": money(a.totals.excl_vat_eur),
                    "new": money(b.totals.excl_vat_eur),
                }
            )
        seen = {f.code for f in a.findings}
        for finding in b.findings:
            if finding.code not in seen and finding.severity is not Severity.INFO:
                texts.append(_("Nieuwe melding: %(text)s") % {"text": finding_text(finding)})
    return texts


# --------------------------------------------------------------------------- overview and saving


def overview(request: HtmxHttpRequest) -> HttpResponse:
    draft = drafts.load(request.session)
    if draft is None:
        return _restart(request, expired=False)
    wizard = _wizard(draft)
    first = wizard.first_incomplete()
    if first is not None:
        messages.warning(request, _("Maak eerst de stap %(step)s af.") % {"step": first.title})
        return _redirect(request, _step_url(first))
    context = {
        "wizard": wizard,
        "design": wizard.design,
        "progress": _progress(wizard, None),
        "step_number": len(STEPS) + 1,
        "step_count": len(STEPS) + 1,
        "edit_urls": {s.slug: _step_url(s) for s in STEPS},
        "draft_id": draft.id,
    }
    partial = "wizard" if request.htmx else None
    return TemplateResponse(request, _template("wizard/overview.html", partial), context)


@require_POST
def save(request: HtmxHttpRequest) -> HttpResponse:
    draft = drafts.load(request.session)
    if draft is None:
        return _restart(request, expired=True)
    wizard = _wizard(draft)
    if not wizard.complete or wizard.design is None or wizard.request is None:
        return redirect("wizard:overview")
    design = wizard.design
    result = snapshot(design)
    config = Configuration.objects.create(
        project_reference=wizard.request.project_reference,
        request=wizard.request.model_dump(mode="json"),
        engine_version=design.engine_version,
        catalog_version=design.catalog_version,
        snapshot=result,
        snapshot_hash=result["hash"],
        language=language(),
    )
    key = document_key("pdf", wizard.request, lang=config.language, installer="")
    tasks.prerender_dossier(key.digest, wizard.request, lang=config.language)
    messages.success(
        request, _("Opgeslagen. Met de link hieronder kan iedereen dit ontwerp bekijken.")
    )
    url = reverse("wizard:configuration", args=[config.pk])
    if request.POST.get("action") == "share":
        url += "#delen"
    response = _redirect(request, url)
    designs.remember(request, response, config)
    return response


def configuration(request: HtmxHttpRequest, pk: uuid.UUID) -> HttpResponse:
    config = Configuration.objects.filter(pk=pk).first()
    if config is None:
        return not_found(request)
    catalog = load_catalog()
    design = None
    try:
        stored = DesignRequest.model_validate(config.request, context=LENIENT)
    except ValidationError:
        stored = None
    changes: list[str] = []
    if stored is not None:
        design = options.run_design(stored, catalog)
        changes = differences(config, design)
    context = {
        "config": config,
        "design": design,
        "changes": changes,
        "share_url": request.build_absolute_uri(reverse("wizard:configuration", args=[config.pk])),
    }
    return TemplateResponse(request, "wizard/configuration.html", context)


@require_POST
def copy(request: HtmxHttpRequest, pk: uuid.UUID) -> HttpResponse:
    config = Configuration.objects.filter(pk=pk).first()
    if config is None:
        return not_found(request)
    try:
        stored = DesignRequest.model_validate(config.request, context=LENIENT)
    except ValidationError:
        messages.error(request, _("Dit ontwerp kan niet meer worden geopend; begin een nieuw."))
        return redirect("wizard:step", slug=STEPS[0].slug)
    drafts.store(request.session, Draft.from_request(stored, copied_from=str(config.pk)))
    messages.info(
        request, _("Een kopie staat klaar om te bewerken; het origineel blijft zoals het was.")
    )
    return redirect("wizard:overview")


def not_found(request: HtmxHttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "wizard/not_found.html", {}, status=404)
