"""Pages without an account: the installer's quote request and the customer's acceptance.

The acceptance page is found by a random token (256 bits), so it needs no login; it shows
exactly the sent version the token belongs to, from its frozen copies.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from catalog.services import load_catalog
from keuzehulp import once
from keuzehulp.models import Configuration
from keuzehulp.security import client_ip, too_many_page, wait_seconds
from keuzehulp.wizard import draft as drafts
from keuzehulp.wizard.steps import Wizard
from keuzehulp.wording import language
from sales import mail, services
from sales.forms import DecisionForm, RequestForm
from sales.models import QuoteRequest, QuoteVersion
from sales.presentation import version_context

DONE_KEY = "sales_request_done"


def absolute(request: HttpRequest, url: str) -> str:
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/") + url
    return request.build_absolute_uri(url)


def _done(request: HttpRequest, reference: str) -> HttpResponse:
    request.session[DONE_KEY] = reference
    return redirect("sales:request_done")


def _sent_before(request: HttpRequest) -> HttpResponse | None:
    """The confirmation of the request this page already sent (its one-time key), if any:
    a second submit of the page (a double click, a reload that posts again) sends no second
    request and no second pair of e-mails."""
    reference = once.made_before("quote-request", once.key(request))
    return _done(request, reference) if reference else None


def _send(request: HttpRequest, make: Callable[[], QuoteRequest]) -> HttpResponse:
    """Make the request once per page and mail about it; a second submit that raced the first
    shows the first one's confirmation."""
    with transaction.atomic():
        reference, first = once.claim("quote-request", once.key(request), lambda: make().reference)
        if not first:
            return _done(request, reference)
        return _submitted(request, QuoteRequest.objects.get(reference=reference))


def _submitted(request: HttpRequest, quote_request: QuoteRequest) -> HttpResponse:
    design_url = absolute(
        request, reverse("wizard:configuration", args=[quote_request.configuration_id])
    )
    lang = quote_request.language
    context = {"quote_request": quote_request, "design_url": design_url}
    mail.later("sales/mail/request_installer.txt", context, [quote_request.email], lang)
    sales_context = context | {"inbox_url": absolute(request, reverse("sales:inbox"))}
    mail.later("sales/mail/request_sales.txt", sales_context, mail.sales_addresses(), "nl")
    return _done(request, quote_request.reference)


def _limited(request: HttpRequest) -> HttpResponse | None:
    """A 429 page once this address sent its share of requests: each one sends two e-mails,
    one of them to an address the visitor typed."""
    seconds = wait_seconds(request, "quote-request", settings.RATE_QUOTE_REQUEST)
    return too_many_page(request, seconds) if seconds else None


def _form_page(
    request: HttpRequest, form: RequestForm, config: Configuration | None
) -> TemplateResponse:
    context = {"form": form, "config": config, "once": once.key(request)}
    return TemplateResponse(request, "sales/request_form.html", context)


@require_http_methods(["GET", "POST"])
def request_from_draft(request: HttpRequest) -> HttpResponse:
    """From the wizard's overview: the design is saved first, then the request is made."""
    draft = drafts.load(request.session)
    wizard = Wizard(draft, load_catalog(), language()) if draft is not None else None
    if wizard is None or not wizard.complete or wizard.design is None or wizard.request is None:
        messages.warning(request, _("Maak eerst een ontwerp af; daarna kunt u een offerte vragen."))
        return redirect("wizard:start")
    if not wizard.design.valid:
        messages.error(request, _("Dit ontwerp heeft nog een fout; los die eerst op."))
        return redirect("wizard:overview")
    if request.method == "GET":
        return _form_page(request, RequestForm(), None)
    sent = _sent_before(request)
    if sent is not None:
        return sent
    form = RequestForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, None)
    refused = _limited(request)
    if refused is not None:
        return refused
    design_request, design, lang = wizard.request, wizard.design, language()

    def make() -> QuoteRequest:
        config = services.save_configuration(design_request, design, lang)
        return services.create_request(config, form.cleaned_data, lang)

    return _send(request, make)


@require_http_methods(["GET", "POST"])
def request_from_configuration(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    config = Configuration.objects.filter(pk=pk).first()
    if config is None:
        return TemplateResponse(request, "wizard/not_found.html", {}, status=404)
    if request.method == "GET":
        return _form_page(request, RequestForm(), config)
    sent = _sent_before(request)
    if sent is not None:
        return sent
    form = RequestForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, config)
    refused = _limited(request)
    if refused is not None:
        return refused
    return _send(request, lambda: services.create_request(config, form.cleaned_data, language()))


@require_safe
def request_done(request: HttpRequest) -> HttpResponse:
    reference = request.session.get(DONE_KEY)
    quote_request = QuoteRequest.objects.filter(reference=reference).first() if reference else None
    if quote_request is None:
        return redirect("home")
    return TemplateResponse(request, "sales/request_done.html", {"quote_request": quote_request})


# What secrets.token_urlsafe writes; anything else (a NUL byte, which PostgreSQL refuses in a
# query, or a path) is no token and never reaches the database.
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _version(token: str) -> QuoteVersion | None:
    if not TOKEN.fullmatch(token):
        return None
    return (
        QuoteVersion.objects.select_related("quote", "quote__customer")
        .filter(token=token, sent_at__isnull=False)
        .first()
    )


def _not_found(request: HttpRequest) -> TemplateResponse:
    return TemplateResponse(request, "sales/acceptance_not_found.html", {}, status=404)


@require_http_methods(["GET", "POST"])
def acceptance(request: HttpRequest, token: str) -> HttpResponse:
    version = _version(token)
    if version is None:
        return _not_found(request)
    refusal = services.acceptance_refusal(version)
    form = DecisionForm(initial={"email": (version.customer_snapshot or {}).get("email", "")})
    status = 200
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if refusal:
            status = 409
        elif form.is_valid():
            data = form.cleaned_data
            try:
                version = services.decide(
                    version,
                    accept=data["decision"] == "accept",
                    name=data["name"],
                    email=data["email"],
                    ip=client_ip(request),
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                )
            except services.NotAllowed as refused:
                refusal = str(refused)
                status = 409
            else:
                quote_url = absolute(
                    request, reverse("sales:quote_detail", args=[version.quote_id])
                )
                mail.later(
                    "sales/mail/decision_sales.txt",
                    {"version": version, "quote_url": quote_url},
                    mail.sales_addresses(),
                    "nl",
                )
                return redirect("sales:acceptance", token=token)
    context = version_context(version) | {"form": form, "refusal": refusal, "token": token}
    response = TemplateResponse(request, "sales/acceptance.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    # The token is the key: never sent to another site in a Referer. Not "no-referrer",
    # under which browsers send "Origin: null" and Django's CSRF check refuses the form.
    response["Referrer-Policy"] = "same-origin"
    return response


@require_safe
def acceptance_pdf(request: HttpRequest, token: str) -> HttpResponse:
    version = _version(token)
    if version is None or not version.pdf:
        return _not_found(request)
    response = HttpResponse(bytes(version.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{version.label}.pdf"'
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response
