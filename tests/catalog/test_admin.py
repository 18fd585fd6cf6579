"""The catalogue admin: history, validation, price import with preview."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from catalog.models import BatteryModule, Compatibility, Inverter
from tests.catalog.admin_helpers import (
    confirm_data,
    exported_and_edited,
    upload_for_preview,
    user_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client() -> Client:
    client = Client()
    client.force_login(user_in("Catalogusbeheer", "beheer"))
    return client


def test_sales_staff_may_read_the_catalogue_but_not_change_it() -> None:
    sales = user_in("Verkoop", "verkoop2")
    assert sales.has_perm("catalog.view_inverter")
    assert not sales.has_perm("catalog.change_inverter")


def change_form_data(client: Client, obj: Any) -> dict[str, Any]:
    """The data the admin change form would post back unchanged, inlines included."""
    base = f"admin:{obj._meta.app_label}_{obj._meta.model_name}"
    response = client.get(reverse(f"{base}_change", args=[obj.pk]))
    data: dict[str, Any] = {}
    adminform = response.context["adminform"]
    for name, field in adminform.form.fields.items():
        value = adminform.form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif hasattr(value, "pk"):
            data[name] = value.pk
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = value
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
        for index, form in enumerate(formset.formset.forms):
            for name in form.fields:
                value = form.instance.pk if name == "id" else form.initial.get(name)
                if value is not None:
                    data[f"{formset.formset.prefix}-{index}-{name}"] = getattr(value, "pk", value)
    return data


def test_the_admin_refuses_usable_capacity_above_nominal(editor_client: Client) -> None:
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S")
    data = change_form_data(editor_client, module) | {"usable_kwh": "9.9"}
    url = reverse("admin:catalog_batterymodule_change", args=[module.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "De bruikbare capaciteit kan niet groter zijn dan de nominale capaciteit." in (
        response.content.decode()
    )
    module.refresh_from_db()
    assert module.usable_kwh == Decimal("9.3")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("dod_pct", "120", "hoogstens 100"),
        ("max_current_a", "-5", "minstens 0"),
    ],
)
def test_the_admin_refuses_impossible_module_values(
    editor_client: Client, field: str, value: str, message: str
) -> None:
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-4.5S")
    data = change_form_data(editor_client, module) | {field: value}
    response = editor_client.post(
        reverse("admin:catalog_batterymodule_change", args=[module.pk]), data
    )
    assert response.status_code == 200
    assert message in response.content.decode()


def test_the_admin_refuses_negative_inverter_power(editor_client: Client) -> None:
    inverter = Inverter.objects.get(system_code="SMILE-G3-T6")
    data = change_form_data(editor_client, inverter) | {"nominal_power_kw": "-6"}
    response = editor_client.post(
        reverse("admin:catalog_inverter_change", args=[inverter.pk]), data
    )
    assert response.status_code == 200
    assert "minstens 0" in response.content.decode()
    inverter.refresh_from_db()
    assert inverter.nominal_power_kw == Decimal("6")


def compat_prefix(data: dict[str, Any]) -> str:
    return next(k for k in data if k.endswith("-TOTAL_FORMS")).removesuffix("-TOTAL_FORMS")


def test_the_inverter_admin_refuses_empty_allowed_counts_inline(editor_client: Client) -> None:
    inverter = Inverter.objects.get(system_code="SMILE-G3-T10")
    data = change_form_data(editor_client, inverter)
    prefix = compat_prefix(data)
    data[f"{prefix}-0-allowed_counts"] = ""
    response = editor_client.post(
        reverse("admin:catalog_inverter_change", args=[inverter.pk]), data
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht" in response.content.decode()


def test_the_admin_refuses_clusters_too_small_for_the_largest_count(editor_client: Client) -> None:
    inverter = Inverter.objects.get(system_code="SMILE-G3-T10")
    data = change_form_data(editor_client, inverter)
    prefix = compat_prefix(data)
    row = next(
        i
        for i in range(3)
        if Compatibility.objects.get(pk=data[f"{prefix}-{i}-id"]).module.code.endswith("9.3S")
    )
    data[f"{prefix}-{row}-max_clusters"] = "1"
    response = editor_client.post(
        reverse("admin:catalog_inverter_change", args=[inverter.pk]), data
    )
    assert response.status_code == 200
    assert "minder dan het grootste toegestane aantal (12)" in response.content.decode()


def test_an_edit_through_the_admin_is_in_the_history_with_its_author(
    editor_client: Client,
) -> None:
    module = BatteryModule.objects.get(code="SMILE-G3-BAT-4.5S")
    data = change_form_data(editor_client, module) | {"price_eur": "1749.00"}
    response = editor_client.post(
        reverse("admin:catalog_batterymodule_change", args=[module.pk]), data
    )
    assert response.status_code == 302
    latest = module.history.latest()
    assert latest.history_user.username == "beheer"
    delta = latest.diff_against(latest.prev_record)
    change = next(c for c in delta.changes if c.field == "price_eur")
    assert (change.old, change.new) == (Decimal("1690.00"), Decimal("1749.00"))
    history_page = editor_client.get(
        reverse("admin:catalog_batterymodule_history", args=[module.pk])
    ).content.decode()
    # Who, and old → new, on the page an admin reads.
    assert "beheer" in history_page
    assert re.search(r"1690\.00\s*(&nbsp;)*&rarr;(&nbsp;)*\s*1749\.00", history_page)


def test_a_price_import_round_trips_with_a_dry_run_preview_and_history(
    editor_client: Client,
) -> None:
    content = exported_and_edited(Inverter, "system_code", "SMILE-G3-T10", "price_eur", "2222.00")
    preview = upload_for_preview(editor_client, "inverter", content)
    assert preview.status_code == 200
    html = preview.content.decode()
    # The preview marks exactly one row for update and shows the price change as a diff.
    assert html.count("Bijwerken") == 1
    assert re.search(r"<del[^>]*>150</del><ins[^>]*>222</ins>", html)
    # Dry run: nothing written yet.
    assert Inverter.objects.get(system_code="SMILE-G3-T10").price_eur != Decimal("2222.00")

    response = editor_client.post(
        reverse("admin:catalog_inverter_process_import"), confirm_data(preview)
    )
    assert response.status_code == 302
    t10 = Inverter.objects.get(system_code="SMILE-G3-T10")
    assert t10.price_eur == Decimal("2222.00")
    assert Inverter.objects.count() == 10
    latest = t10.history.latest()
    assert latest.history_user.username == "beheer"
    assert latest.prev_record.price_eur != Decimal("2222.00")


def test_an_import_with_an_impossible_value_is_refused_with_the_reason(
    editor_client: Client,
) -> None:
    content = exported_and_edited(BatteryModule, "code", "SMILE-G3-BAT-9.3S", "usable_kwh", "12")
    response = upload_for_preview(editor_client, "batterymodule", content)
    html = response.content.decode()
    assert re.search(r"bruikbare capaciteit kan niet groter", html)
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    assert BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S").usable_kwh == Decimal("9.3")
