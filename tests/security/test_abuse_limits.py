"""Abuse: one client may not saturate the API, the PDF renderer or the login form."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from keuzehulp.documents import tasks as document_tasks
from keuzehulp.models import Configuration

DESIGN = {
    "connection": {"phases": 1, "main_fuse_a": 35},
    "inverter": "SMILE-G3-S5",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
}


# Every request of a test counts in the same rate window (see one_rate_window in conftest.py).
pytestmark = pytest.mark.usefixtures("one_rate_window")


@pytest.fixture(autouse=True)
def _fresh_counters() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def post_design(client: Client, address: str = "203.0.113.7", **headers: str) -> Any:
    return client.post(
        reverse("api_design"),
        DESIGN,
        content_type="application/json",
        REMOTE_ADDR=address,
        **headers,
    )


@pytest.mark.django_db
@override_settings(RATE_API="3/m")
def test_the_api_answers_429_with_a_json_body_and_a_retry_after_past_the_limit(
    client: Client,
) -> None:
    answers = [post_design(client).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = post_design(client)
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    body = refused.json()
    assert 1 <= body["retry_after"] <= 60
    assert int(refused["Retry-After"]) == body["retry_after"]
    assert "try again" in body["error"]


@pytest.mark.django_db
@override_settings(RATE_API="2/m")
def test_one_client_over_its_limit_does_not_stop_another(client: Client) -> None:
    for _ in range(3):
        post_design(client, "203.0.113.7")
    assert post_design(client, "203.0.113.7").status_code == 429
    assert post_design(client, "198.51.100.20").status_code == 200


@pytest.mark.django_db
@override_settings(RATE_API="2/m", TRUSTED_PROXY_COUNT=0)
def test_a_forged_forwarded_for_header_does_not_buy_a_fresh_allowance(client: Client) -> None:
    for n in range(2):
        post_design(client, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert post_design(client, HTTP_X_FORWARDED_FOR="10.0.0.99").status_code == 429


@pytest.mark.django_db
@override_settings(RATE_API="2/m", TRUSTED_PROXY_COUNT=1)
def test_behind_one_trusted_proxy_the_address_it_recorded_is_the_client(client: Client) -> None:
    proxy = "192.0.2.1"
    for _ in range(2):
        post_design(client, proxy, HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    # The same client is refused, whatever it writes to the left of the proxy's entry ...
    assert post_design(client, proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7").status_code == (
        429
    )
    # ... while another client behind the same proxy still gets through.
    assert post_design(client, proxy, HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 200


@pytest.fixture
def saved() -> Configuration:
    return Configuration.objects.create(
        request=DESIGN, engine_version="test", catalog_version="test", project_reference="Abuse"
    )


@pytest.fixture
def counted_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand-in for the renderer (this test is about who may render, not about the PDF)."""
    renders: list[str] = []

    def fake(
        kind: str,
        request: Any,
        *,
        lang: str,
        installer: str = "",
        today: Any = None,
        report_json: str = "",
    ) -> bytes:
        renders.append(installer)
        return b"%PDF-1.7 " + installer.encode()

    monkeypatch.setattr(document_tasks, "render_document", fake)
    return renders


@pytest.mark.django_db
@override_settings(RATE_DOCUMENT_RENDER="2/m")
def test_unique_installer_names_cannot_force_endless_pdf_renders(
    client: Client, saved: Configuration, counted_renders: list[str]
) -> None:
    url = reverse("documents:configuration_pdf", args=[saved.pk])
    statuses = [client.get(url, {"installateur": f"Bedrijf {n}"}).status_code for n in range(5)]
    assert statuses == [200, 200, 429, 429, 429]
    assert len(counted_renders) == 2
    refused = client.get(url, {"installateur": "Nog een"})
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "te veel verzoeken" in refused.content.decode()


@pytest.mark.django_db
@override_settings(RATE_DOCUMENT_RENDER="1/m")
def test_a_document_already_made_is_served_after_the_limit_without_a_render(
    client: Client, saved: Configuration, counted_renders: list[str]
) -> None:
    url = reverse("documents:configuration_pdf", args=[saved.pk])
    assert client.get(url).status_code == 200
    assert client.get(url, {"installateur": "Ander"}).status_code == 429
    again = client.get(url)
    assert again.status_code == 200
    assert again["X-Document-Cache"] == "hit"
    assert len(counted_renders) == 1


@pytest.mark.django_db
@override_settings(RATE_DOCUMENT_RENDER="1/m")
def test_a_query_parameter_cannot_force_a_fresh_render_of_an_unchanged_dossier(
    client: Client, saved: Configuration, counted_renders: list[str]
) -> None:
    url = reverse("documents:configuration_pdf", args=[saved.pk])
    assert client.get(url, {"installateur": "Bedrijf X"}).status_code == 200
    # Cache busters, and the same installer written with other spacing or a control character.
    for query in [
        {"installateur": "Bedrijf X", "v": "2"},
        {"installateur": "Bedrijf X", "nocache": str(uuid.uuid4())},
        {"installateur": "  Bedrijf   X ", "_": "1"},
        {"installateur": "Bedrijf\tX", "lang": "en"},
    ]:
        again = client.get(url, query)
        assert again.status_code == 200, query
        assert again["X-Document-Cache"] == "hit", query
    assert counted_renders == ["Bedrijf X"]


@pytest.mark.django_db
@override_settings(RATE_DOCUMENT_RENDER="1/m")
def test_cheap_documents_are_not_counted_against_the_pdf_allowance(
    client: Client, saved: Configuration, counted_renders: list[str]
) -> None:
    for n in range(3):
        response = client.get(
            reverse("documents:configuration_csv", args=[saved.pk]), {"v": str(n)}
        )
        assert response.status_code == 200
    assert client.get(reverse("documents:configuration_pdf", args=[saved.pk])).status_code == 200


def login(client: Client, password: str, address: str = "203.0.113.7", url: str = "login") -> Any:
    return client.post(
        reverse(url), {"username": "verkoper", "password": password}, REMOTE_ADDR=address
    )


@pytest.fixture
def seller() -> User:
    return User.objects.create_user("verkoper", password="Verkoop-2026!")


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_wrong_passwords_lock_the_client_out_with_a_429_that_says_how_long(
    client: Client, seller: User
) -> None:
    assert [login(client, "fout").status_code for _ in range(2)] == [200, 200]
    locked = login(client, "fout")
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    assert "15 minuten" in locked.content.decode()
    # Even the right password is refused while locked out: guessing gains nothing.
    assert login(client, "Verkoop-2026!").status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_admin_login_counts_towards_the_same_lockout(client: Client, seller: User) -> None:
    for _ in range(3):
        login(client, "fout", url="admin:login")
    assert login(client, "Verkoop-2026!").status_code == 429


@pytest.mark.django_db
@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_locked_out_address_does_not_lock_out_a_colleague_elsewhere(
    client: Client, seller: User
) -> None:
    for _ in range(3):
        login(client, "fout", "203.0.113.7")
    assert login(client, "Verkoop-2026!", "198.51.100.20").status_code == 302


@pytest.mark.django_db
def test_an_unknown_configuration_is_still_a_404_not_a_render(client: Client) -> None:
    response = client.get(reverse("documents:configuration_pdf", args=[uuid.uuid4()]))
    assert response.status_code == 404


@pytest.mark.django_db
@override_settings(RATE_DOCUMENT_RENDER="1/m")
def test_the_dossier_of_a_sent_quote_is_rendered_once_and_counted_against_the_allowance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each download of a sent version's dossier used to render it again, without a limit."""
    from sales import services
    from sales import views as sales_views
    from tests.sales.conftest import logged_in, make_quote, send

    renders: list[int] = []

    def fake(design: Any, kind: str = "pdf", **kwargs: Any) -> bytes:
        renders.append(len(renders))
        return b"%PDF-1.7 dossier"

    monkeypatch.setattr(sales_views, "render_dossier", fake)
    first = send(make_quote())
    second = services.new_version(first.quote)
    services.send(second, user=None, accept_url="https://keuzehulp.example/offerte/x/")
    seller = logged_in("sales")
    dossier = "sales:version_dossier"
    url = reverse(dossier, args=[first.quote_id, 1])
    answers = [seller.get(url, {"v": str(n)}, REMOTE_ADDR="203.0.113.7") for n in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert renders == [0]
    other = seller.get(reverse(dossier, args=[first.quote_id, 2]), REMOTE_ADDR="203.0.113.7")
    assert other.status_code == 429
    assert 1 <= int(other["Retry-After"]) <= 60
    assert renders == [0]
