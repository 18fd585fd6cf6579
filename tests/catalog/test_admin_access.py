"""Who may open which admin page: every registered model, every URL, every role.

The attack: a staff user without the catalogue's change right opening the catalogue's import
and export, or any other admin page. The URLs are read from ``admin.site``, so a newly
registered model or a new admin URL is in the matrix without touching this file; a URL whose
action this file has no rule for fails the test until someone writes one.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from catalog.models import Inverter
from keuzehulp.models import Configuration
from sales.models import Customer, SellerSettings
from tests.catalog.admin_helpers import (
    confirm_data,
    exported_and_edited,
    format_index,
    upload_for_preview,
)

pytestmark = pytest.mark.django_db

# The catalogue admin shows nothing to whoever may not change the catalogue: sales staff read
# it in the application, not in the admin (catalog.admin.CatalogueEditorsOnly).
CATALOGUE_APP = "catalog"
# Records the application writes (saved designs, login attempts, the one letterhead row): the
# admin shows them and may delete them, never adds one.
NEVER_ADDED_IN_ADMIN = {Configuration, AccessAttempt, AccessLog, AccessFailureLog, SellerSettings}
# Site pages that are not about a model (login, logout, own password, jsi18n) are not here.
ROLES = [
    "anonymous",
    "staff_without_group",
    "sales_without_staff",
    "sales_staff",
    "catalogue_editor",
    "superuser",
]


def make_user(role: str) -> User | None:
    if role == "anonymous":
        return None
    if role == "superuser":
        return User.objects.create_superuser(role, password="x-Secret-123")
    user = User.objects.create_user(
        role, password="x-Secret-123", is_staff=role != "sales_without_staff"
    )
    group = {"sales_without_staff": "Verkoop", "sales_staff": "Verkoop"}.get(role)
    if role == "catalogue_editor":
        group = "Catalogusbeheer"
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def may(user: User, model: type[Model], action: str) -> bool:
    """The rule: Django's model permissions, with the catalogue's stricter view and import."""
    opts = model._meta

    def has(right: str) -> bool:
        return user.has_perm(f"{opts.app_label}.{right}_{opts.model_name}")

    see = has("change") if opts.app_label == CATALOGUE_APP else has("view") or has("change")
    rules = {
        "changelist": see,
        "change": see,
        "history": see,
        "simple_history": see,
        "export": see,
        "add": has("add") and model not in NEVER_ADDED_IN_ADMIN,
        "delete": has("delete"),
        # An import adds rows and changes prices.
        "import": has("add") and has("change"),
        "process_import": has("add") and has("change"),
        "password_change": has("change"),
    }
    assert action in rules, f"no access rule for the admin URL action {action!r} of {opts}"
    return rules[action]


LOGIN = {"username": "collega", "ip_address": "192.0.2.7", "user_agent": "", "path_info": "/"}
SAMPLES: dict[type[Model], Callable[[], Model]] = {
    Configuration: lambda: Configuration.objects.create(
        project_reference="Fam. Jansen",
        request={"connection": {"phases": 1, "main_fuse_a": 35}},
        engine_version="0.1.0",
        catalog_version="x",
    ),
    User: lambda: User.objects.create_user("collega", is_staff=True),
    AccessAttempt: lambda: AccessAttempt.objects.create(
        **LOGIN, get_data="", post_data="", failures_since_start=3
    ),
    AccessLog: lambda: AccessLog.objects.create(**LOGIN),
    AccessFailureLog: lambda: AccessFailureLog.objects.create(**LOGIN),
    Customer: lambda: Customer.objects.create(name="Jansen Elektro", email="piet@jansen.nl"),
}


def sample(model: type[Model]) -> Model:
    """A row to open the change, delete and history pages of; the catalogue's are seeded."""
    obj = model._default_manager.first()
    if obj is None and model in SAMPLES:
        obj = SAMPLES[model]()
    assert obj is not None, f"the access matrix needs one {model.__name__}: add it to SAMPLES"
    return obj


def url_args(model: type[Model], action: str) -> list[Any]:
    obj = sample(model)
    if action == "simple_history":
        return [obj.pk, obj.history.first().history_id]  # type: ignore[attr-defined]
    if action in {"change", "delete", "history", "password_change"}:
        return [obj.pk]
    return []


def model_pages() -> list[tuple[type[Model], str, str]]:
    """(model, action, url) for every named URL of every registered ModelAdmin."""
    pages = []
    for model, model_admin in admin.site._registry.items():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        for pattern in model_admin.get_urls():
            if pattern.name is None:  # Django's redirect of old change URLs
                continue
            action = pattern.name.removeprefix(prefix)
            url = reverse(f"admin:{pattern.name}", args=url_args(model, action))
            pages.append((model, action, url))
    return pages


def expected_status(user: User | None, allowed: Callable[[User], bool], refused: int) -> int:
    if user is None or not (user.is_active and user.is_staff):
        return 302  # to the admin's login page
    return 200 if allowed(user) else refused


def visit(client: Client, action: str, url: str) -> Any:
    # The import's confirm step answers POST only: that is where a forged import would go.
    return client.post(url, {}) if action == "process_import" else client.get(url)


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_answers_each_role_by_the_access_rule(role: str) -> None:
    user = make_user(role)
    client = Client()
    if user is not None:
        client.force_login(user)
    checks: list[tuple[str, str, Callable[[User], bool], int]] = [
        ("index", reverse("admin:index"), lambda u: True, 403)
    ]
    apps = {model._meta.app_label for model in admin.site._registry}
    for app_label in sorted(apps):
        models = [model for model in admin.site._registry if model._meta.app_label == app_label]
        checks.append(
            (
                "app_list",
                reverse("admin:app_list", args=[app_label]),
                lambda u, models=models: any(may(u, m, "changelist") for m in models),
                404,  # Django answers an app page without visible models as not found
            )
        )
    for model, action, url in model_pages():
        checks.append(
            (action, url, lambda u, model=model, action=action: may(u, model, action), 403)
        )
    assert any(action == "import" for action, *_ in checks)

    wrong = []
    for action, url, allowed, refused in checks:
        response = visit(client, action, url)
        expected = expected_status(user, allowed, refused)
        if response.status_code != expected:
            wrong.append((url, response.status_code, expected))
        elif expected == 302:
            assert response["Location"].startswith(reverse("admin:login")), url
    assert wrong == [], "\n".join(f"{url}: {got}, should be {want}" for url, got, want in wrong)


def test_the_admin_index_lists_the_catalogue_only_for_catalogue_editors() -> None:
    index = reverse("admin:index")
    for role, sees_catalogue in [("sales_staff", False), ("catalogue_editor", True)]:
        client = Client()
        client.force_login(make_user(role))  # type: ignore[arg-type]
        assert ("Omvormers" in client.get(index).content.decode()) is sees_catalogue, role


@pytest.mark.parametrize("role", ["staff_without_group", "sales_staff"])
def test_staff_without_catalogue_rights_can_neither_import_prices_nor_download_them(
    role: str,
) -> None:
    """The reported attack: the T10's price set to 1.00 by a full import."""
    editor = Client()
    editor.force_login(make_user("catalogue_editor"))
    content = exported_and_edited(Inverter, "system_code", "SMILE-G3-T10", "price_eur", "1.00")
    # An editor's preview leaves a confirmable file behind: the strongest forgery there is.
    forged_confirm = confirm_data(upload_for_preview(editor, "inverter", content))
    csv_format = format_index(editor, reverse("admin:catalog_inverter_import"))
    price = Inverter.objects.get(system_code="SMILE-G3-T10").price_eur
    assert price != Decimal("1.00")

    attacker = Client()
    attacker.force_login(make_user(role))  # type: ignore[arg-type]
    upload = SimpleUploadedFile("inverter.csv", content, "text/csv")
    attempts = [
        ("catalog_inverter_import", {"import_file": upload, "format": csv_format}),
        ("catalog_inverter_process_import", forged_confirm),
        ("catalog_inverter_export", {"format": csv_format, "resource": "0"}),
    ]
    for name, data in attempts:
        response = attacker.post(reverse(f"admin:{name}"), data)
        assert response.status_code == 403, name
        assert "SMILE-G3-T10" not in response.content.decode(), name
    assert Inverter.objects.get(system_code="SMILE-G3-T10").price_eur == price
