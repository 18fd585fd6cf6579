"""The e-mails of the quote flow, in the recipient's language, as plain text.

Sent after the transaction that they tell about has committed, so a rolled-back request
sends nothing; a mail server that is down is logged, never shown to the installer as a 500.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def sales_addresses() -> list[str]:
    if settings.SALES_NOTIFY_EMAILS:
        return list(settings.SALES_NOTIFY_EMAILS)
    users = get_user_model().objects.filter(groups__name="Verkoop", is_active=True)
    return sorted({u.email for u in users if u.email})


def _send(template: str, context: dict[str, object], to: Sequence[str]) -> None:
    """The template's first line is the subject, the rest the body."""
    if not to:
        return
    subject, _sep, body = render_to_string(template, context).strip().partition("\n")
    try:
        send_mail(" ".join(subject.split()), body.strip() + "\n", None, list(to))
    except OSError:
        logger.exception("could not send %s to %d recipients", template, len(to))


def later(template: str, context: dict[str, object], to: Sequence[str], lang: str) -> None:
    """Send once the current transaction commits, rendered in ``lang``."""

    def go() -> None:
        with translation.override(lang):
            _send(template, context, to)

    transaction.on_commit(go)
