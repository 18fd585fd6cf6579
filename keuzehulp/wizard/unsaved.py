"""A step's inputs before "Volgende", kept in a signed cookie of their own.

A reload or a language switch (which reloads the page) then shows the
installer's choices again instead of the stored answers. Not in the session:
the live preview posts on every keystroke, and a preview that finishes after
"Volgende" would write its older copy of the whole session back over the
stored answer. A cookie of its own can only overwrite these inputs.

A proposal for the next step ("Kies dit systeem" pre-selects the battery) has a cookie of
its own too. Leaving the target box to click that button fires one more live preview of the
inverter step; when its answer lands after the button's redirect, it rewrites the inputs
cookie with the inverter step's values. In one cookie that erased the proposal, and the
battery step opened with nothing chosen.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE = "kh_unsaved"  # a step's inputs as its live preview last had them
PROPOSED = "kh_proposed"  # what a step proposes for the next one, until that one is stored
SALT = "keuzehulp.wizard.unsaved"
MAX_AGE = 60 * 60 * 24  # a day: long enough for a lunch break, short enough to be forgotten
MAX_VALUE = 200  # characters per field; every field of the wizard takes one value
MAX_BYTES = 3500  # browsers keep cookies up to 4 KB


def keep(
    response: HttpResponse,
    slug: str,
    draft_id: str,
    data: Any,
    names: Any,
    *,
    proposal: bool = False,
) -> None:
    """Remember the posted values of the form fields ``names`` for step ``slug``; with
    ``proposal``, as values proposed for that step, which a live preview cannot overwrite."""
    # Empty values read as absent ones; leaving them out makes room for a list of groups.
    values = {name: str(data.get(name))[:MAX_VALUE] for name in sorted(names) if data.get(name)}
    text = json.dumps({"slug": slug, "draft": draft_id, "data": values}, separators=(",", ":"))
    if len(text.encode()) > MAX_BYTES:
        return  # too much to keep; a reload shows the stored answers, as before
    if proposal:
        response.delete_cookie(COOKIE, samesite="Lax")  # older inputs must not hide it
    response.set_signed_cookie(
        PROPOSED if proposal else COOKIE,
        text,
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def kept(request: HttpRequest, slug: str, draft_id: str) -> dict[str, list[str]] | None:
    """The unsaved values of step ``slug`` of this draft: its inputs, else what was proposed
    for it; None when neither is there (or either was tampered with)."""
    for name in (COOKIE, PROPOSED):
        values = _read(request, name, slug, draft_id)
        if values is not None:
            return values
    return None


def _read(request: HttpRequest, name: str, slug: str, draft_id: str) -> dict[str, list[str]] | None:
    text = request.get_signed_cookie(name, default=None, salt=SALT, max_age=MAX_AGE)
    if not text:
        return None
    try:
        record = json.loads(text)
    except ValueError:
        return None
    if not isinstance(record, dict) or record.get("slug") != slug:
        return None
    data = record.get("data")
    if record.get("draft") != draft_id or not isinstance(data, dict):
        return None
    return {str(name): [str(value)] for name, value in data.items()}


def forget(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE, samesite="Lax")
    response.delete_cookie(PROPOSED, samesite="Lax")
