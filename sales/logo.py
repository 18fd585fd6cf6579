"""The seller's logo: an uploaded PNG or JPEG, re-encoded and kept as a data: URI.

The PDF renderer fetches nothing but ``data:`` URIs and an allow-list of static files
(keuzehulp/documents/pdf.py), so the logo travels inside the page. It is decoded and drawn
again by Pillow before it is stored: whatever the upload carried besides pixels (metadata,
trailing bytes, a script in a polyglot file) does not survive, and a sent quote freezes the
URI with the rest of the letterhead.
"""

from __future__ import annotations

import base64
import io

from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_UPLOAD_BYTES = 500_000
MAX_SIZE = (800, 300)  # px; a letterhead logo printed about 5 cm wide
FORMATS = {"PNG", "JPEG"}


def _too_large() -> forms.ValidationError:
    return forms.ValidationError(
        _("Het logo is groter dan %(kb)s kB; kies een kleiner bestand."),
        code="too_large",
        params={"kb": MAX_UPLOAD_BYTES // 1000},
    )


def logo_data_uri(upload: bytes) -> str:
    """The upload as a ``data:image/png`` URI; ``forms.ValidationError`` when it is no logo."""
    if len(upload) > MAX_UPLOAD_BYTES:
        raise _too_large()
    try:
        with Image.open(io.BytesIO(upload)) as image:
            if image.format not in FORMATS:
                raise forms.ValidationError(
                    _("Een logo is een PNG- of JPEG-bestand."), code="format"
                )
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise forms.ValidationError(
            _("Dit bestand is geen afbeelding die gelezen kan worden."), code="unreadable"
        ) from exc
    picture.thumbnail(MAX_SIZE)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


class SellerSettingsForm(forms.ModelForm):
    """The admin's form: the logo as an upload, stored as a re-encoded data: URI."""

    logo_upload = forms.FileField(
        label=_("logo (PNG of JPEG)"),
        required=False,
        help_text=_("Komt links boven op elke offerte; hoogstens 500 kB."),
    )
    remove_logo = forms.BooleanField(label=_("logo verwijderen"), required=False)

    def clean_logo_upload(self) -> str | None:
        upload = self.cleaned_data.get("logo_upload")
        if not upload:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise _too_large()  # before reading it
        return logo_data_uri(upload.read())

    def save(self, commit: bool = True):  # type: ignore[no-untyped-def]
        settings = super().save(commit=False)
        if self.cleaned_data.get("remove_logo"):
            settings.logo = ""
        elif self.cleaned_data.get("logo_upload"):
            settings.logo = self.cleaned_data["logo_upload"]
        if commit:
            settings.save()
        return settings
