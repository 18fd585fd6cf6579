"""AVG: personal data of quotes that came to nothing is removed after a retention period.

Accepted quotes (and their orders) are kept: they become part of the financial records with
their own retention duty. A quote whose newest version was declined, expired unanswered, or
was never sent, and a request that never got a quote, lose their personal data once the
period has passed since the last thing that happened to them. The numbers, amounts and the
PDF's hash stay, so the series and the figures can still be checked; the PDF itself goes,
because it prints the customer's name and address.

This is the one change a sent version allows besides the customer's decision; it is made
with queryset updates, past the model's frozen-version guard, on purpose.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from sales.models import Customer, Quote, QuoteRequest, QuoteVersion

GONE = "—"


def _finished_without_deal(quote: Quote, cutoff: date) -> bool:
    latest = quote.latest
    if latest.status == QuoteVersion.Status.ACCEPTED:
        return False
    if latest.status == QuoteVersion.Status.DECLINED:
        return latest.decided_at is not None and latest.decided_at.date() < cutoff
    if latest.status == QuoteVersion.Status.SENT:
        return latest.valid_until is not None and latest.valid_until < cutoff
    return quote.created_at.date() < cutoff  # a draft nobody sent


def _anonymise_requests(requests: QuerySet[QuoteRequest]) -> int:
    return QuoteRequest.objects.filter(pk__in=requests.values("pk")).update(
        company=GONE,
        contact_name=GONE,
        email="",
        phone="",
        project_address="",
        remarks="",
        anonymised_at=timezone.now(),
    )


@transaction.atomic
def anonymise(cutoff: date) -> tuple[int, int]:
    """Anonymise what ended before ``cutoff``; (quotes, requests) anonymised."""
    quotes = [
        quote
        for quote in Quote.objects.filter(anonymised_at__isnull=True).select_related("customer")
        if _finished_without_deal(quote, cutoff)
    ]
    now = timezone.now()
    for quote in quotes:
        quote.versions.update(
            customer_snapshot={"name": GONE},
            introduction="",
            decided_name="",
            decided_email="",
            decided_ip=None,
            decided_user_agent="",
            pdf=None,
        )
        Quote.objects.filter(pk=quote.pk).update(project_address="", anonymised_at=now)
    done = [quote.pk for quote in quotes]
    # A customer goes too once none of their quotes is kept.
    kept = Quote.objects.filter(anonymised_at__isnull=True).values("customer")
    Customer.objects.filter(quote__pk__in=done).exclude(pk__in=kept).update(
        name=GONE, contact_name="", email="", phone="", address=""
    )
    requests = QuoteRequest.objects.filter(anonymised_at__isnull=True).filter(
        Q(quote__pk__in=done) | Q(quote__isnull=True, created_at__date__lt=cutoff)
    )
    count = _anonymise_requests(requests)
    return len(quotes), count


def cutoff_for(months: int, today: date | None = None) -> date:
    return (today or timezone.localdate()) - timedelta(days=round(months * 30.44))
