""" "Mijn ontwerpen": the designs saved from this browser, without an account.

The browser carries a random key in a signed, HttpOnly cookie; the database keeps
only the key's SHA-256 next to each saved configuration. Signing refuses a cookie
someone typed by hand; the key's 256 random bits make another browser's list
unguessable. A configuration's share link lets anyone *view* it, but only the
browsers that saved it list and rename it.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from keuzehulp.models import Configuration, SavedDesign
from sizing.text import unprintable

COOKIE = "kh_browser"
SALT = "keuzehulp.designs.browser"
MAX_AGE = 60 * 60 * 24 * 365 * 2  # two years: a list of jobs outlives a session by far
SHOWN = 50  # the most recent designs on the home page; the search reaches the rest


def _key(request: HttpRequest) -> str | None:
    try:
        key = request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return key if key and len(key) >= 40 else None


def _browser(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def remember(request: HttpRequest, response: HttpResponse, config: Configuration) -> None:
    """Put ``config`` on this browser's list (making the browser's key on its first save)."""
    key = _key(request) or secrets.token_urlsafe(32)
    SavedDesign.objects.get_or_create(
        browser=_browser(key),
        configuration=config,
        defaults={"name": config.project_reference},
    )
    # Set again on every save, so the list lasts two years from the last job, not the first.
    response.set_signed_cookie(
        COOKIE,
        key,
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def listed(request: HttpRequest, query: str = "") -> QuerySet[SavedDesign]:
    """This browser's saved designs, most recent first, narrowed by ``query`` when given."""
    key = _key(request)
    if key is None:
        return SavedDesign.objects.none()
    found = SavedDesign.objects.filter(browser=_browser(key)).select_related("configuration")
    query = query.strip()
    if query:
        found = found.filter(
            Q(name__icontains=query)
            | Q(configuration__project_reference__icontains=query)
            | Q(configuration__request__inverter__icontains=query)
        )
    return found.order_by("-saved_at")


class RenameForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Naam"), max_length=120, required=False)

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        if unprintable(name):
            raise forms.ValidationError(
                gettext_lazy("De naam bevat onzichtbare stuurtekens; typ hem opnieuw op één regel.")
            )
        return name


def system_of(config: Configuration) -> str:
    """'SMILE-G3-T10 · 8 × BAT-9.3S' from the stored request, whatever its age."""
    request: Any = config.request if isinstance(config.request, dict) else {}
    inverter = str(request.get("inverter", ""))
    parts = [inverter] if inverter else []
    for battery in request.get("batteries") or []:
        if isinstance(battery, dict):
            module = str(battery.get("module", "")).removeprefix("SMILE-G3-")
            parts.append(f"{battery.get('count', '?')} × {module}")
    return " · ".join(parts)


@require_POST
def rename(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    key = _key(request)
    listing = (
        SavedDesign.objects.filter(browser=_browser(key), configuration_id=pk).first()
        if key
        else None
    )
    if listing is None:
        messages.error(request, _("Dit ontwerp staat niet in de lijst van deze browser."))
        return redirect("home")
    form = RenameForm(request.POST)
    if not form.is_valid():
        from keuzehulp.views import home  # the views import this module

        # The list again, with the name as typed in its row and the reason next to it.
        typed = {"id": pk, "name": form.data.get("name", ""), "errors": form.errors.get("name")}
        return home(request, rename=typed)
    listing.name = form.cleaned_data["name"]
    listing.save(update_fields=["name"])
    messages.success(request, _("De naam is gewijzigd."))
    return redirect(reverse("home") + "#mijn-ontwerpen")


def rows(request: HttpRequest, query: str) -> list[dict[str, Any]]:
    """What the home page lists: name, project reference, system, date and the link."""
    return [
        {
            "id": listing.configuration_id,
            "name": listing.name or listing.configuration.project_reference,
            "reference": listing.configuration.project_reference,
            "system": system_of(listing.configuration),
            "saved_at": listing.saved_at,
        }
        for listing in listed(request, query)[:SHOWN]
    ]
