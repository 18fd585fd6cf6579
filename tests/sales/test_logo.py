"""The seller's logo: uploaded once in the admin, re-encoded, printed on every quote and frozen
with the letterhead of a sent version."""

from __future__ import annotations

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from sales.logo import MAX_UPLOAD_BYTES, logo_data_uri
from sales.models import SellerSettings
from tests.sales.conftest import logged_in, make_quote, send

pytestmark = pytest.mark.django_db


def png(width: int = 120, height: int = 40, **save: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (11, 92, 173)).save(out, format="PNG", **save)
    return out.getvalue()


def _admin_post(upload: bytes | None, name: str = "logo.png", **extra: str):
    client = logged_in("superuser")
    url = reverse("admin:sales_sellersettings_change", args=[SellerSettings.load().pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "logo_upload"}
    if upload is not None:
        data["logo_upload"] = SimpleUploadedFile(name, upload)
    data |= extra
    return client.post(url, data)


def test_an_uploaded_png_is_stored_as_a_re_encoded_data_uri():
    response = _admin_post(png())
    assert response.status_code == 302
    logo = SellerSettings.load().logo
    assert logo.startswith("data:image/png;base64,")
    with Image.open(io.BytesIO(base64.b64decode(logo.split(",", 1)[1]))) as image:
        assert image.format == "PNG" and image.size == (120, 40)


def test_text_dressed_as_an_image_is_refused_with_a_message_and_nothing_stored():
    response = _admin_post(b"<svg onload=alert(1)>", name="logo.png")
    assert response.status_code == 200
    assert "geen afbeelding" in response.content.decode()
    assert SellerSettings.load().logo == ""


def test_an_oversized_logo_is_refused_before_it_is_read():
    response = _admin_post(b"\x89PNG" + b"\0" * MAX_UPLOAD_BYTES)
    assert response.status_code == 200
    assert "500 kB" in response.content.decode()


def test_a_large_picture_is_scaled_to_the_letterhead_and_trailing_bytes_are_dropped():
    uri = logo_data_uri(png(2400, 600) + b"<script>alert(1)</script>")
    data = base64.b64decode(uri.split(",", 1)[1])
    assert b"<script>" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.size[0] <= 800 and image.size[1] <= 300


def test_a_gif_is_no_logo():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")
    with pytest.raises(Exception, match="PNG- of JPEG"):
        logo_data_uri(out.getvalue())


def test_the_quote_pdf_prints_the_logo_and_a_sent_version_keeps_it():
    seller = SellerSettings.load()
    seller.logo = logo_data_uri(png())
    seller.save()
    version = send(make_quote())
    reader = PdfReader(io.BytesIO(bytes(version.pdf)))
    assert any(page.images for page in reader.pages)  # the logo (the QR code is vector)
    assert version.seller_snapshot["logo"] == seller.logo
    seller.logo = ""
    seller.save()
    version.refresh_from_db()
    assert version.seller_snapshot["logo"].startswith("data:image/png")


def test_removing_the_logo_clears_it():
    seller = SellerSettings.load()
    seller.logo = logo_data_uri(png())
    seller.save()
    response = _admin_post(None, remove_logo="on")
    assert response.status_code == 302
    assert SellerSettings.load().logo == ""
