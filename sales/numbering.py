"""Gapless yearly numbers: OFF-2026-00042 for quotes, AANV-… for requests, ORD-… for orders.

django-sequences keeps one row per series and year and takes the next value under a row lock
(an upsert on PostgreSQL; on SQLite the IMMEDIATE transactions of the settings make writers
queue). The number is taken inside the caller's transaction, so a quote that fails to save
gives its number back and the series keeps no gap.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from sequences import get_next_value

QUOTE = "OFF"
REQUEST = "AANV"
ORDER = "ORD"


def next_number(series: str, today: date | None = None) -> str:
    year = (today or timezone.localdate()).year
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take a number inside the transaction that stores it")
    value = get_next_value(f"{series}-{year}")
    return f"{series}-{year}-{value:05d}"
