"""``manage.py prune_documents`` keeps the document store from growing for ever."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from keuzehulp.models import StoredDocument

pytestmark = pytest.mark.django_db


def stored(key: str, days_ago: int) -> None:
    StoredDocument.objects.create(key=key, kind="pdf", status="ready", content=b"%PDF")
    requested = timezone.now() - timedelta(days=days_ago)
    StoredDocument.objects.filter(key=key).update(requested_at=requested)


def test_documents_nobody_asked_for_in_a_month_are_deleted_and_recent_ones_kept() -> None:
    stored("a" * 64, days_ago=45)
    stored("b" * 64, days_ago=3)
    out = io.StringIO()
    call_command("prune_documents", stdout=out)
    assert list(StoredDocument.objects.values_list("key", flat=True)) == ["b" * 64]
    assert "1 rendered documents older than 30 days deleted" in out.getvalue()


def test_it_refuses_a_period_that_would_delete_everything_made_today() -> None:
    stored("c" * 64, days_ago=0)
    with pytest.raises(CommandError, match="--days must be 1 or more") as refused:
        call_command("prune_documents", "--days", "0")
    assert refused.value.returncode == 2
    assert StoredDocument.objects.count() == 1


@pytest.mark.parametrize("days", ["99999999", str(10**30)])
def test_it_refuses_a_period_longer_than_the_calendar_with_exit_2(days: str) -> None:
    # The cut-off fell before the year 1: an OverflowError traceback.
    stored("d" * 64, days_ago=400)
    with pytest.raises(CommandError, match="at most 36500") as refused:
        call_command("prune_documents", "--days", days)
    assert refused.value.returncode == 2
    assert StoredDocument.objects.count() == 1
