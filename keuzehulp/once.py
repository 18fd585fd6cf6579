"""One submit per form page: the page's random key, claimed in the database by the first.

    key = once.key(request)                  # the posted key, or a new one for the page
    made = once.made_before("quote", key)    # before the work: what a first submit made
    with transaction.atomic():
        made, first = once.claim("quote", key, make)  # make() runs for the first submit only

A session cannot do this: two submits of a double click both read the session before either
has written it. The database's unique index can: the second insert waits for the first
transaction and then fails, and the second submit reads what the first made.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from keuzehulp.models import SubmittedForm

FIELD = "once"
KEY = re.compile(r"[0-9a-f]{32}")
# A page is submitted again within moments; a day covers a reload the next morning.
KEPT = timedelta(days=1)


def key(request: HttpRequest) -> str:
    """The key the page was given (posted back), or a new one for a page being shown."""
    posted = request.POST.get(FIELD, "")
    return posted if KEY.fullmatch(posted) else uuid.uuid4().hex


def made_before(kind: str, page_key: str) -> str | None:
    """What an earlier submit of this ``kind`` of page made, or None."""
    found = SubmittedForm.objects.filter(kind=kind, key=page_key)
    return found.values_list("made", flat=True).first()


def claim(kind: str, page_key: str, make: Callable[[], str]) -> tuple[str, bool]:
    """``make()``'s result for the first submit of ``page_key``, else the first one's.

    Call inside the transaction that makes the thing, so that the key and the thing commit or
    roll back together. Returns (what was made, whether this submit made it).
    """
    SubmittedForm.objects.filter(created_at__lt=timezone.now() - KEPT).delete()
    try:
        with transaction.atomic():
            row = SubmittedForm.objects.create(kind=kind, key=page_key, made="")
    except IntegrityError:
        # An earlier submit holds the key; the insert waited until that one committed.
        earlier = made_before(kind, page_key)
        if earlier is not None:
            return earlier, False
        raise
    made = make()
    row.made = made
    row.save(update_fields=["made"])
    return made, True
