"""The catalogue's version: one counter row, bumped in the same transaction as every change.

Every page and document is keyed by the catalogue version, so it is read on nearly every
request. Deriving it from the tables (a count and the newest change time of each) cost nine
aggregate queries a request; one primary-key read of this row costs one, and within a request
the answer is remembered. Signals bump the row on every save and delete of a catalogue row
(admin edits, spreadsheet imports, ``loaddata``) and on changes of the accessory-inverter
links; the bump is an ``UPDATE … SET counter = counter + 1`` inside the writer's transaction,
so concurrent edits never share a version and a rolled-back edit leaves it as it was. The
label carries a random token drawn at each bump: a rolled-back change and the next one reach
the same counter, and must not share a label (a process may have built a catalogue for it).

Only ``QuerySet.update()`` and raw SQL pass by signals: code that changes catalogue rows
that way calls :func:`bump` itself.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from typing import Any

from django.core.signals import request_finished, request_started
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ROW = 1
EMPTY = "empty"


class CatalogVersion(models.Model):
    """The single row that says which catalogue is live."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=ROW, editable=False)
    counter = models.PositiveBigIntegerField(_("aantal wijzigingen"), default=0)
    token = models.CharField(_("kenmerk"), max_length=16, default="")
    changed_at = models.DateTimeField(_("gewijzigd"), default=timezone.now)

    class Meta:
        app_label = "catalog"
        verbose_name = _("catalogusversie")

    def __str__(self) -> str:
        return label(self.changed_at, self.token)


def label(changed_at: Any, token: str) -> str:
    return f"{changed_at:%Y%m%d.%H%M%S}-{token}"


# Remembered for the length of one request only: a worker or a shell outside a request always
# reads the row, so a long-running process never keeps an old version.
_request = threading.local()


def current() -> str:
    """The live catalogue's version label; at most one query per request."""
    remembered = getattr(_request, "version", None)
    if remembered is not None:
        return remembered
    row = CatalogVersion.objects.filter(pk=ROW).values_list("changed_at", "token").first()
    version = label(*row) if row else EMPTY
    if getattr(_request, "active", False):
        _request.version = version
    return version


def bump() -> None:
    """A new version for a catalogue change, inside the caller's transaction."""
    change = {"changed_at": timezone.now(), "token": secrets.token_hex(4)}
    rows = CatalogVersion.objects.filter(pk=ROW)
    with transaction.atomic():
        if not rows.update(counter=F("counter") + 1, **change):
            try:
                with transaction.atomic():
                    CatalogVersion.objects.create(pk=ROW, counter=1, **change)
            except IntegrityError:  # another writer created it first
                rows.update(counter=F("counter") + 1, **change)
    _request.version = None
    for listener in _listeners:
        listener()


# Called after every bump (still inside the transaction): the re-render of stored documents
# registers here, so this module needs no knowledge of documents.
_listeners: list[Callable[[], None]] = []


def on_bump(listener: Callable[[], None]) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def _changed(sender: Any, **kwargs: Any) -> None:
    bump()


def _links_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        bump()


def _request_started(**kwargs: Any) -> None:
    _request.active = True
    _request.version = None


def _request_finished(**kwargs: Any) -> None:
    _request.active = False
    _request.version = None


def connect(models_: tuple[type[models.Model], ...], links: tuple[Any, ...]) -> None:
    for model in models_:
        uid = f"catalog-version-{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
    for through in links:
        m2m_changed.connect(
            _links_changed, sender=through, dispatch_uid=f"catalog-version-{through}"
        )
    request_started.connect(_request_started, dispatch_uid="catalog-version-request-started")
    request_finished.connect(_request_finished, dispatch_uid="catalog-version-request-finished")
