"""Every HTML page carries the strict Content-Security-Policy and the Permissions-Policy, and
needs nothing that policy refuses.

The attack this guards against is a page that slipped past the header (an injected script
would run there) or one that leans on inline code the policy silently drops (a page that
looks fine in review and is broken in the browser). The URLs come from the project's URL
configuration, so a new page is in this walk without touching this file; a route this file
has no rule for fails the test until someone writes one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sales import services
from sales.models import QuoteVersion
from tests.sales.conftest import logged_in, make_configuration, make_quote, make_request, send
from tests.security.test_headers_and_sessions import csp_directives
from tests.testreport.conftest import owner
from tests.testreport.test_report_pdf import finalise
from tests.wizard.conftest import ANSWERS, walk

pytestmark = pytest.mark.django_db

# Not HTML pages: JSON, documents, and the POST-only actions that answer with a redirect.
NOT_PAGES = {
    "health",
    "ready",
    "set_language",
    "api_design",
    "api_cable",
    "api_suggest",
    "api_schema",
    "api_openapi",
    "logout",
    "rename_design",
    "wizard:restart",
    "wizard:save",
    "wizard:copy",
    "sales:acceptance_pdf",
    "sales:version_update",
    "sales:line_add",
    "sales:line_update",
    "sales:line_delete",
    "sales:send",
    "sales:new_version",
    "sales:version_pdf",
    "sales:version_dossier",
    "sales:order_create",
    "sales:order_csv",
    "sales:order_xlsx",
    "documents:configuration_pdf",
    "documents:configuration_svg",
    "documents:configuration_csv",
    "documents:short_pdf",
    "documents:short_svg",
    "documents:short_csv",
    "documents:draft_pdf",
    "documents:draft_svg",
    "documents:draft_csv",
    "documents:configuration_layout",
    "documents:configuration_labels",
    "documents:short_layout",
    "documents:short_labels",
    "documents:draft_layout",
    "documents:draft_labels",
    "testreport:pdf",
    "testreport:draft_pdf",
}
# What the policy refuses, or runs only with 'unsafe-eval' (htmx's hx-on).
REFUSED_INLINE = {
    "an inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>"),
    "a style element": re.compile(r"<style\b"),
    "a style attribute": re.compile(r"\sstyle="),
    "an event handler attribute": re.compile(r"\son[a-z]+=", re.IGNORECASE),
    "an hx-on attribute": re.compile(r"\shx-on"),
    "a javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


def named_routes(patterns: list[Any] | None = None, namespace: str = "") -> list[str]:
    """The name (with namespace) of every route of the site outside the admin."""
    names = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names += named_routes(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.append(namespace + entry.name)
    return names


def the_world() -> dict[str, Callable[[], tuple[Client, str]]]:
    """Each page the site has, as (a client that may see it, its URL)."""
    config = make_configuration()
    quote_request = make_request(config)
    sent = send(make_quote())
    draft_quote = make_quote()
    accepted = services.decide(
        send(make_quote()),
        accept=True,
        name="Piet",
        email="p@example.nl",
        ip="192.0.2.1",
        user_agent="",
    )
    order = services.create_order(accepted)
    seller = logged_in("sales")
    visitor = Client()
    walk(visitor)
    saved = visitor.post(reverse("wizard:save"), {"action": "save"})
    assert saved.status_code == 302
    quote, version = sent.quote, sent.version
    # A measurement report finalised by the browser that saved the design.
    reporter = owner(config)
    report = finalise(reporter, config)
    return {
        "testreport:report": lambda: (reporter, reverse("testreport:report", args=[config.pk])),
        "testreport:revision": lambda: (
            Client(),
            reverse("testreport:revision", args=[config.pk, report.revision]),
        ),
        "home": lambda: (visitor, reverse("home")),  # with Mijn ontwerpen
        "login": lambda: (Client(), reverse("login")),
        "price_list": lambda: (seller, reverse("price_list")),
        "wizard:start": lambda: (Client(), reverse("wizard:start")),
        "wizard:overview": lambda: (visitor, reverse("wizard:overview")),
        "wizard:configuration": lambda: (
            Client(),
            reverse("wizard:configuration", args=[config.pk]),
        ),
        "sales:request_draft": lambda: (visitor, reverse("sales:request_draft")),
        "sales:request_configuration": lambda: (
            Client(),
            reverse("sales:request_configuration", args=[config.pk]),
        ),
        "sales:request_done": lambda: (Client(), reverse("sales:request_done")),
        "sales:acceptance": lambda: (Client(), reverse("sales:acceptance", args=[sent.token])),
        "sales:inbox": lambda: (seller, reverse("sales:inbox")),
        "sales:request_detail": lambda: (
            seller,
            reverse("sales:request_detail", args=[quote_request.pk]),
        ),
        "sales:quote_list": lambda: (seller, reverse("sales:quote_list")),
        "sales:quote_new": lambda: (
            seller,
            reverse("sales:quote_new") + f"?aanvraag={quote_request.pk}",
        ),
        "sales:quote_detail": lambda: (
            seller,
            reverse("sales:quote_detail", args=[draft_quote.pk]),
        ),
        "sales:version_detail": lambda: (
            seller,
            reverse("sales:version_detail", args=[quote.pk, version]),
        ),
        "sales:customer_list": lambda: (seller, reverse("sales:customer_list")),
        "sales:customer_detail": lambda: (
            seller,
            reverse("sales:customer_detail", args=[quote.customer_id]),
        ),
        "sales:order_list": lambda: (seller, reverse("sales:order_list")),
        "sales:order_detail": lambda: (seller, reverse("sales:order_detail", args=[order.pk])),
    }


def step_pages(visitor: Client) -> list[tuple[Client, str]]:
    return [(visitor, reverse("wizard:step", args=[slug])) for slug, _answers in ANSWERS]


def refusals_of(response: Any) -> list[str]:
    """What is wrong with this HTML answer under the site's policy; empty when nothing."""
    problems = []
    header = response.get("Content-Security-Policy")
    if header is None:
        return ["no Content-Security-Policy header"]
    policy = csp_directives(header)
    for directive in ("default-src", "script-src", "style-src"):
        if policy.get(directive) != ["'self'"]:
            problems.append(f"{directive} is {policy.get(directive)}")
    if policy.get("object-src") != ["'none'"] or policy.get("frame-ancestors") != ["'none'"]:
        problems.append("objects or framing allowed")
    if "camera=()" not in response.get("Permissions-Policy", ""):
        problems.append("no Permissions-Policy switching the camera off")
    html = response.content.decode()
    problems += [what for what, pattern in REFUSED_INLINE.items() if pattern.search(html)]
    return problems


def test_every_route_is_either_a_page_in_this_walk_or_named_as_no_page() -> None:
    pages = set(the_world()) | {"wizard:step"}
    unknown = [name for name in named_routes() if name not in pages | NOT_PAGES]
    assert unknown == [], f"say whether these are HTML pages: {unknown}"


def test_every_page_has_the_strict_policy_and_no_inline_code_it_would_refuse() -> None:
    world = the_world()
    visitor = world["home"]()[0]
    visits = [make() for make in world.values()] + step_pages(visitor)
    wrong = {}
    for client, url in visits:
        response = client.get(url, follow=True)  # the wizard's start sends on to a step
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("text/html"), url
        if problems := refusals_of(response):
            wrong[url] = problems
    assert wrong == {}


def test_htmx_fragments_and_error_pages_have_the_policy_too() -> None:
    world = the_world()
    visitor, _url = world["home"]()
    sent = QuoteVersion.objects.filter(sent_at__isnull=False).first()
    assert sent is not None
    answers = [
        visitor.get(reverse("wizard:step", args=["batterij"]), HTTP_HX_REQUEST="true"),
        Client().get("/bestaat-niet/"),  # 404
        Client().get(reverse("sales:acceptance", args=["bestaat-niet"])),  # 404 of sales
        logged_in("catalogue_editor").get(reverse("sales:inbox")),  # 403
        Client(enforce_csrf_checks=True).post(reverse("wizard:save")),  # CSRF failure
    ]
    wrong = {}
    for response in answers:
        assert response["Content-Type"].startswith("text/html"), response
        if problems := refusals_of(response):
            wrong[response.status_code] = problems
    assert [r.status_code for r in answers] == [200, 404, 404, 403, 403]
    assert wrong == {}
