"""The sales area: inbox of requests, quotes with search, the quote editor, sending.

Plain server-rendered forms (every action is a POST that redirects back), so the editor
works without JavaScript; an htmx request for a line gets the lines partial back.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from keuzehulp import once
from keuzehulp.documents.cache import DocumentKey, get_or_render
from keuzehulp.documents.render import render_dossier
from keuzehulp.models import Configuration
from keuzehulp.security import too_many_page, wait_seconds
from sales import mail, services
from sales.access import sales_required
from sales.forms import CustomerForm, LineForm, QuoteSearchForm, VersionForm
from sales.models import Customer, Quote, QuoteLine, QuoteRequest, QuoteVersion
from sales.presentation import frozen_design, version_context
from sales.public import absolute

PAGE_SIZE = 50


@sales_required
@require_safe
def inbox(request: HttpRequest) -> HttpResponse:
    requests = QuoteRequest.objects.select_related("configuration")[:PAGE_SIZE]
    return TemplateResponse(request, "sales/inbox.html", {"requests": requests})


@sales_required
@require_safe
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    quote_request = get_object_or_404(QuoteRequest, pk=pk)
    quotes = Quote.objects.filter(request=quote_request)
    return TemplateResponse(
        request, "sales/request_detail.html", {"quote_request": quote_request, "quotes": quotes}
    )


@sales_required
@require_safe
def quote_list(request: HttpRequest) -> HttpResponse:
    form = QuoteSearchForm(request.GET or None)
    quotes = Quote.objects.select_related("customer").prefetch_related("versions")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            text = data["q"].strip()
            quotes = quotes.filter(
                Q(number__icontains=text)
                | Q(customer__name__icontains=text)
                | Q(project_address__icontains=text)
                | Q(configuration__project_reference__icontains=text)
            )
        if data["status"]:
            quotes = quotes.filter(versions__status=data["status"]).distinct()
        if data["since"]:
            quotes = quotes.filter(created_at__date__gte=data["since"])
        if data["until"]:
            quotes = quotes.filter(created_at__date__lte=data["until"])
    # From the prefetched versions: one query for the page, not one per quote.
    pairs = [
        (quote, max(quote.versions.all(), key=lambda v: v.version)) for quote in quotes[:PAGE_SIZE]
    ]
    if form.is_valid() and form.cleaned_data["status"]:
        # A quote is in the status of its newest version, not of any older one.
        pairs = [(q, latest) for q, latest in pairs if latest.status == form.cleaned_data["status"]]
    rows = [{"quote": quote, "latest": latest} for quote, latest in pairs]
    return TemplateResponse(request, "sales/quote_list.html", {"form": form, "rows": rows})


@sales_required
@require_http_methods(["GET", "POST"])
def quote_new(request: HttpRequest) -> HttpResponse:
    """A quote for a request (?aanvraag=) or for any saved design (?configuratie=)."""
    quote_request = None
    config = None
    raw_request = request.GET.get("aanvraag", "")
    raw_config = request.GET.get("configuratie", "")
    # Only ASCII digits: str.isdigit() also takes '²' and int() then raises; more than 18 digits
    # names no row, and over 4300 int() refuses them too.
    if re.fullmatch(r"[0-9]{1,18}", raw_request):
        quote_request = QuoteRequest.objects.filter(pk=int(raw_request)).first()
        config = quote_request.configuration if quote_request else None
    elif raw_config:
        try:
            config = Configuration.objects.filter(pk=uuid.UUID(raw_config)).first()
        except ValueError:
            config = None
    if config is None:
        return TemplateResponse(request, "sales/not_found.html", {}, status=404)
    initial: dict[str, Any] = {}
    if quote_request is not None:
        initial = {
            "name": quote_request.company,
            "contact_name": quote_request.contact_name,
            "email": quote_request.email,
            "phone": quote_request.phone,
            "address": quote_request.project_address,
            "language": quote_request.language,
        }
    email = initial.get("email", "")
    existing = Customer.objects.filter(email__iexact=email).first() if email else None
    form = CustomerForm(request.POST or None, instance=existing, initial=initial)
    # The page's one-time key: a second submit of the same page (a double click, a reload
    # that posts again) opens the quote the first one made instead of making another.
    page_key = once.key(request)
    if request.method == "POST" and (earlier := once.made_before("quote", page_key)) is not None:
        messages.info(request, _("Deze offerte was al aangemaakt."))
        return redirect("sales:quote_detail", pk=int(earlier))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                customer = form.save()
                made, first = once.claim(
                    "quote",
                    page_key,
                    lambda: str(
                        services.create_quote(
                            config, customer, request=quote_request, user=request.user
                        ).pk
                    ),
                )
        except services.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            quote = Quote.objects.get(pk=int(made))
            if first:
                messages.success(request, _("Offerte %(number)s aangemaakt.") % {"number": quote})
            else:
                messages.info(request, _("Deze offerte was al aangemaakt."))
            return redirect("sales:quote_detail", pk=quote.pk)
    context = {"form": form, "config": config, "quote_request": quote_request, "once": page_key}
    return TemplateResponse(request, "sales/quote_new.html", context)


def _editor(
    request: HttpRequest,
    quote: Quote,
    *,
    version_form: VersionForm | None = None,
    line_form: LineForm | None = None,
    changed_line: LineForm | None = None,
    unsaved: list[tuple[str, str]] | None = None,
    status: int = 200,
) -> TemplateResponse:
    version = quote.latest
    line_forms = {
        line.pk: LineForm(instance=line, prefix=f"line{line.pk}") for line in version.lines.all()
    }
    if changed_line is not None:
        line_forms[changed_line.instance.pk] = changed_line
    context = version_context(version) | {
        "versions": quote.versions.all(),
        "editable": not version.is_frozen,
        "version_form": version_form or VersionForm(instance=version),
        "line_form": line_form or LineForm(initial={"group": "other", "kind": "free"}),
        "line_forms": line_forms,
        "lines_open": changed_line is not None,
        "changes": services.price_changes(version) if version.is_frozen else [],
        "differences": services.design_differences(version) if version.pk else [],
        "draft_changes": services.draft_price_changes(version) if version.pk else [],
        "accept_url": absolute(request, reverse("sales:acceptance", args=[version.token])),
        "order": getattr(version, "order", None) if version.pk else None,
        "unsaved": unsaved or [],
        "version_seen": _seen(version, VersionForm),
        "line_seen": {line.pk: _seen(line, LineForm) for line in version.lines.all()},
    }
    return TemplateResponse(request, "sales/quote_detail.html", context, status=status)


@sales_required
@require_safe
def quote_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _editor(request, get_object_or_404(Quote, pk=pk))


def _draft(request: HttpRequest, quote: Quote) -> QuoteVersion | None:
    """The version an edit may change: the latest, while a draft, and the one it was typed on.

    Every editor form carries the number of the version it shows. A colleague may have sent
    that version (and perhaps made the next) while this one was typing; the edit then lands
    nowhere, rather than on a sent version or silently on a newer draft.
    """
    version = quote.latest
    typed_on = request.POST.get("version")
    if version.is_frozen or (typed_on is not None and typed_on != str(version.version)):
        return None
    return version


def _model_fields(form_class: type[Any]) -> list[models.Field[Any, Any]]:
    model = form_class._meta.model
    return [model._meta.get_field(name) for name in form_class._meta.fields]


def _seen(instance: QuoteVersion | QuoteLine, form_class: type[Any]) -> str:
    """A fingerprint of what an editor form shows of a version or line, posted back with it.

    Two sellers may edit one draft: whoever saves second would overwrite the first's change
    unseen. A form whose fingerprint no longer matches the row is not saved (409)."""
    shown = [repr(field.value_from_object(instance)) for field in _model_fields(form_class)]
    return hashlib.sha256("\x1f".join(shown).encode()).hexdigest()[:20]


def _changed_meanwhile(
    request: HttpRequest, instance: QuoteVersion | QuoteLine, form_class: type[Any]
) -> bool:
    seen = request.POST.get("seen")
    return seen is not None and seen != _seen(instance, form_class)


def _typed(form: Any) -> list[tuple[str, str]]:
    """What the reader filled in, as label and shown value (a choice by its label)."""
    typed = []
    for field in form:
        value = field.value()
        if value in (None, "", []):
            continue
        choices = getattr(field.field, "choices", None)
        if choices is not None:
            labels = {str(key): str(label) for key, label in choices}
            value = labels.get(str(value), value)
        typed.append((str(field.label), str(value)))
    return typed


def _not_saved(
    request: HttpRequest, quote: Quote, form: Any | None = None, *, by_colleague: bool = False
) -> HttpResponse:
    """The edit came for a version that is no longer the draft, or for data a colleague changed
    since the page showed it: nothing is saved, and what was typed comes back on the page
    (409), to carry over into what is current."""
    latest = quote.latest
    if by_colleague and form is not None:
        messages.error(
            request,
            _(
                "Een collega heeft dit intussen gewijzigd; uw wijziging is niet opgeslagen. "
                "De pagina toont nu de gegevens van uw collega; neem over wat u typte (hieronder)."
            ),
        )
        return _editor(request, quote, unsaved=_typed(form), status=409)
    if form is None:  # a line to delete: nothing was typed
        if latest.is_frozen:
            text = _("Offerte %(label)s is verstuurd; maak eerst een nieuwe versie.")
        else:
            text = _("Er is intussen een nieuwe versie, %(label)s; de regel is niet verwijderd.")
        messages.error(request, text % {"label": latest.label})
        return redirect("sales:quote_detail", pk=quote.pk)
    typed_on = request.POST.get("version", "")
    if latest.is_frozen:
        text = _(
            "Offerte %(label)s is verstuurd; uw wijziging is niet opgeslagen. Maak eerst een "
            "nieuwe versie en neem daarin over wat u typte (hieronder)."
        ) % {"label": latest.label}
    elif not (
        typed_on.isascii()
        and typed_on.isdigit()
        and len(typed_on) <= 6
        and 0 < int(typed_on) < latest.version  # versions are numbered 1, 2, … without gaps
    ):
        # Not the number of an earlier version: a form that was tampered with, or garbled.
        text = _(
            "Dit formulier hoort niet bij versie %(label)s; uw wijziging is niet opgeslagen. "
            "Neem over wat u typte (hieronder)."
        ) % {"label": latest.label}
    else:
        text = _(
            "Er is intussen een nieuwe versie, %(label)s; uw wijziging is niet opgeslagen. "
            "Neem in die versie over wat u typte (hieronder)."
        ) % {"label": latest.label}
    messages.error(request, text)
    return _editor(request, quote, unsaved=_typed(form), status=409)


@sales_required
@require_POST
def version_update(request: HttpRequest, pk: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    version = _draft(request, quote)
    if version is None:
        return _not_saved(request, quote, VersionForm(request.POST))
    if _changed_meanwhile(request, version, VersionForm):
        return _not_saved(request, quote, VersionForm(request.POST), by_colleague=True)
    form = VersionForm(request.POST, instance=version)
    if not form.is_valid():
        return _editor(request, quote, version_form=form)
    form.save()
    messages.success(request, _("Opgeslagen."))
    return redirect("sales:quote_detail", pk=pk)


@sales_required
@require_POST
def line_add(request: HttpRequest, pk: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    version = _draft(request, quote)
    if version is None:
        return _not_saved(request, quote, LineForm(request.POST))
    form = LineForm(request.POST, instance=QuoteLine(version=version))
    if not form.is_valid():
        return _editor(request, quote, line_form=form)
    line = form.save(commit=False)
    last = version.lines.order_by("-position").first()
    line.position = (last.position if last else 0) + 10
    line.save()
    return redirect("sales:quote_detail", pk=pk)


@sales_required
@require_POST
def line_update(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    version = _draft(request, quote)
    if version is None:
        return _not_saved(request, quote, LineForm(request.POST, prefix=f"line{line}"))
    instance = get_object_or_404(QuoteLine, pk=line, version=version)
    if _changed_meanwhile(request, instance, LineForm):
        typed = LineForm(request.POST, prefix=f"line{line}")
        return _not_saved(request, quote, typed, by_colleague=True)
    form = LineForm(request.POST, instance=instance, prefix=f"line{instance.pk}")
    if not form.is_valid():
        # The line's form comes back as typed, with its messages, as a new line's does.
        return _editor(request, quote, changed_line=form)
    form.save()
    return redirect("sales:quote_detail", pk=pk)


@sales_required
@require_POST
def line_delete(request: HttpRequest, pk: int, line: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    version = _draft(request, quote)
    if version is None:
        return _not_saved(request, quote)
    get_object_or_404(QuoteLine, pk=line, version=version).delete()
    return redirect("sales:quote_detail", pk=pk)


@sales_required
@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    version = quote.latest
    typed_on = request.POST.get("version")
    if typed_on is not None and typed_on != str(version.version) and not version.is_frozen:
        # The page showed another version: send only what the reader has seen.
        messages.error(
            request,
            _("Er is intussen een nieuwe versie, %(label)s; bekijk die voordat u verstuurt.")
            % {"label": version.label},
        )
        return redirect("sales:quote_detail", pk=pk)
    accept_url = absolute(request, reverse("sales:acceptance", args=[version.token]))
    try:
        version = services.send(version, user=request.user, accept_url=accept_url)
    except services.NotAllowed as refused:
        messages.error(request, str(refused))
        return redirect("sales:quote_detail", pk=pk)
    customer = version.customer_snapshot or {}
    mail.later(
        "sales/mail/quote_customer.txt",
        {
            "version": version,
            "customer_name": customer.get("contact_name") or customer.get("name", ""),
            "accept_url": accept_url,
            "seller": (version.seller_snapshot or {}).get("company_name", ""),
        },
        [customer.get("email", "")],
        customer.get("language", "nl"),
    )
    messages.success(request, _("Offerte %(label)s is verstuurd.") % {"label": version.label})
    return redirect("sales:quote_detail", pk=pk)


@sales_required
@require_POST
def new_version(request: HttpRequest, pk: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    try:
        version = services.new_version(quote)
    except services.NotAllowed as refused:
        messages.error(request, str(refused))
    else:
        messages.info(
            request,
            _("Versie %(label)s staat klaar; de link van de vorige versie werkt niet meer.")
            % {"label": version.label},
        )
    return redirect("sales:quote_detail", pk=pk)


@sales_required
@require_safe
def version_detail(request: HttpRequest, pk: int, n: int) -> HttpResponse:
    version = get_object_or_404(QuoteVersion, quote_id=pk, version=n)
    context = version_context(version) | {
        "changes": services.price_changes(version),
        "differences": services.design_differences(version),
    }
    return TemplateResponse(request, "sales/version_detail.html", context)


@sales_required
@require_safe
def version_dossier(request: HttpRequest, pk: int, n: int) -> HttpResponse:
    """The installation dossier of the design as it was sent, not as today's catalogue has it."""
    version = get_object_or_404(QuoteVersion, quote_id=pk, version=n, sent_at__isnull=False)
    design = frozen_design(version)
    if design is None:
        return TemplateResponse(request, "sales/not_found.html", {}, status=404)
    lang = "en" if (version.customer_snapshot or {}).get("language", "nl") == "en" else "nl"
    # A sent version never changes, so its dossier is rendered once and then kept; a render
    # counts against the same per-client allowance as the wizard's dossiers.
    key = DocumentKey(
        "pdf",
        json.dumps(version.design, sort_keys=True),
        version.catalog_version,
        version.engine_version,
        lang,
        extra=f"quote-version:{version.pk}",
    )
    body = cache.get(key.cache_key)
    if not isinstance(body, bytes):
        seconds = wait_seconds(request, "document-render", settings.RATE_DOCUMENT_RENDER)
        if seconds:
            return too_many_page(request, seconds)
        body, _hit = get_or_render(key, lambda: render_dossier(design, "pdf", lang=lang))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{version.label}-dossier.pdf"'
    return response


@sales_required
@require_safe
def version_pdf(request: HttpRequest, pk: int, n: int) -> HttpResponse:
    version = get_object_or_404(QuoteVersion, quote_id=pk, version=n, sent_at__isnull=False)
    if not version.pdf:  # removed by the AVG clean-up
        return TemplateResponse(request, "sales/not_found.html", {}, status=404)
    response = HttpResponse(bytes(version.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{version.label}.pdf"'
    return response
