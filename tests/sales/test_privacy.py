"""AVG: personal data of quotes without a deal goes after the retention period; deals stay."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from sales import services
from sales.models import Customer, Quote, QuoteRequest, QuoteVersion
from sales.privacy import anonymise
from tests.sales.conftest import make_quote, make_request, send

pytestmark = pytest.mark.django_db


def declined(days_ago: int, **customer: str) -> QuoteVersion:
    version = services.decide(
        send(make_quote(**customer)),
        accept=False,
        name="Piet Jansen",
        email="piet@jansen.nl",
        ip="203.0.113.9",
        user_agent="Firefox",
    )
    when = timezone.now() - timedelta(days=days_ago)
    QuoteVersion.objects.filter(pk=version.pk).update(decided_at=when)
    return version


def test_an_old_declined_quote_loses_name_address_decision_and_pdf_but_keeps_its_figures() -> None:
    version = declined(400)
    totals, digest, number = version.totals, version.pdf_sha256, version.quote.number
    anonymise(timezone.localdate() - timedelta(days=365))
    version.refresh_from_db()
    customer = Customer.objects.get()
    assert "Jansen" not in str(version.customer_snapshot)
    assert (version.decided_name, version.decided_email, version.decided_ip) == ("", "", None)
    assert version.pdf is None
    assert "Jansen" not in customer.name and customer.email == ""
    assert (version.totals, version.pdf_sha256, version.quote.number) == (totals, digest, number)


def test_accepted_and_recent_quotes_keep_their_data() -> None:
    recent = declined(30, name="Recent BV")
    accepted = services.decide(
        send(make_quote(name="Klant met order")),
        accept=True,
        name="Anna",
        email="anna@example.nl",
        ip="127.0.0.1",
        user_agent="",
    )
    anonymise(timezone.localdate() - timedelta(days=365))
    assert not Quote.objects.filter(anonymised_at__isnull=False).exists()
    accepted.refresh_from_db()
    recent.refresh_from_db()
    assert accepted.decided_name == "Anna" and accepted.pdf
    assert recent.decided_name == "Piet Jansen"


def test_an_old_request_that_never_got_a_quote_is_anonymised(configuration: object) -> None:
    request = make_request(configuration)  # type: ignore[arg-type]
    QuoteRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    anonymise(timezone.localdate() - timedelta(days=365))
    request.refresh_from_db()
    assert request.email == "" and "Jansen" not in request.contact_name
    assert request.reference.startswith("AANV-")


def test_the_command_refuses_a_silly_period_with_exit_2() -> None:
    with pytest.raises(CommandError) as refused:
        call_command("anonymise_quotes", "--months", "0", stdout=io.StringIO())
    assert refused.value.returncode == 2


def test_the_command_reports_what_it_did() -> None:
    declined(800)
    out = io.StringIO()
    call_command("anonymise_quotes", stdout=out)
    assert "anonymised 1 quotes" in out.getvalue()
