"""Rendered documents are cached under a key of everything they depend on."""

from __future__ import annotations

from keuzehulp.documents.cache import DocumentKey, get_or_render
from sizing.schema import DesignRequest

from .conftest import SINGLE_PHASE_EXISTING, THREE_PHASE_NEW

REQUEST = DesignRequest.model_validate(THREE_PHASE_NEW)


def key(**changes) -> DocumentKey:
    args = {"catalog_version": "c1", "engine_version": "e1", "lang": "nl", "extra": ""}
    args.update(changes)
    request = args.pop("request", REQUEST)
    return DocumentKey.of(args.pop("kind", "pdf"), request, **args)


def test_the_key_changes_with_request_catalogue_engine_language_and_kind():
    base = key().digest
    assert key().digest == base
    others = [
        key(request=DesignRequest.model_validate(SINGLE_PHASE_EXISTING)),
        key(catalog_version="c2"),
        key(engine_version="e2"),
        key(lang="en"),
        key(kind="svg"),
        key(extra="Elektro Jansen"),
    ]
    assert len({k.digest for k in others} | {base}) == len(others) + 1


def test_a_second_request_is_served_from_the_cache():
    calls = []

    def render() -> bytes:
        calls.append(1)
        return b"%PDF-1.7 fake"

    assert get_or_render(key(), render) == (b"%PDF-1.7 fake", False)
    assert get_or_render(key(), render) == (b"%PDF-1.7 fake", True)
    assert get_or_render(key(lang="en"), render) == (b"%PDF-1.7 fake", False)
    assert len(calls) == 2
