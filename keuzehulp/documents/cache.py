"""Rendered documents kept in Django's cache, keyed by everything they depend on.

A document is a pure function of the design request, the catalogue version,
the engine version and the language (plus, for the PDF, the free-text
installer on the cover; the date on it is the day it was made). The key hashes exactly those,
so an unchanged saved configuration is served without recomputing, and any
catalogue edit or engine release yields a new key: nothing needs invalidating.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache

from catalog.services import catalog_version
from sizing import ENGINE_VERSION
from sizing.schema import DesignRequest

TIMEOUT_S = 24 * 60 * 60
MAX_BYTES = 8 * 1024 * 1024  # larger documents are served but not kept


@dataclass(frozen=True)
class DocumentKey:
    kind: str  # pdf, svg, csv
    request_json: str
    catalog_version: str
    engine_version: str
    lang: str
    extra: str = ""  # installer name and date for the PDF cover

    @classmethod
    def of(
        cls,
        kind: str,
        request: DesignRequest,
        *,
        catalog_version: str,
        engine_version: str,
        lang: str,
        extra: str = "",
    ) -> DocumentKey:
        return cls(kind, request.model_dump_json(), catalog_version, engine_version, lang, extra)

    @property
    def digest(self) -> str:
        parts = (
            self.kind,
            self.request_json,
            self.catalog_version,
            self.engine_version,
            self.lang,
            self.extra,
        )
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    @property
    def cache_key(self) -> str:
        return f"keuzehulp:document:{self.kind}:{self.digest}"


def get_or_render(key: DocumentKey, render: Callable[[], bytes]) -> tuple[bytes, bool]:
    """The cached bytes for ``key`` (and True), or ``render()``'s bytes, cached (and False)."""
    data = cache.get(key.cache_key)
    if isinstance(data, bytes):
        return data, True
    data = render()
    if len(data) <= MAX_BYTES:
        cache.set(key.cache_key, data, TIMEOUT_S)
    return data, False


def document_key(
    kind: str, request: DesignRequest, *, lang: str, installer: str, report_json: str = ""
) -> DocumentKey:
    # The date printed on the cover is the day the dossier was made: it is not part of the
    # key, so a stored dossier is served until the catalogue, the engine or the words change.
    return DocumentKey.of(
        kind,
        request,
        catalog_version=catalog_version(),
        engine_version=ENGINE_VERSION,
        lang=lang,
        extra=_extra(installer, report_json) if kind == "pdf" else "",
    )


def _extra(installer: str, report_json: str) -> str:
    # A finalised test report is printed in the dossier: a new revision is a new document.
    if not report_json:
        return installer
    return installer + "\x1e" + hashlib.sha256(report_json.encode("utf-8")).hexdigest()
