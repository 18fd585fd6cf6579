"""Shared steps of the catalogue admin tests: users in a group, and the export-edit-upload
round an admin makes for a bulk price change."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from catalog.admin import resource_for

CONTENT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def user_in(group: str, username: str) -> User:
    user = User.objects.create_user(username, password="x-Secret-123", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def format_index(client: Client, url: str, label: str = "csv") -> str:
    form = client.get(url).context["form"]
    return next(str(value) for value, name in form.fields["format"].choices if name == label)


def exported_and_edited(model: type, key: str, code: str, field: str, value: str) -> bytes:
    """The model's export as an admin downloads it, with one cell changed, as CSV bytes."""
    dataset = resource_for(model, import_id_fields=(key,))().export()
    rows = list(csv.DictReader(io.StringIO(dataset.csv)))
    assert len(rows) == model.objects.count()
    for row in rows:
        if row[key] == code:
            row[field] = value
    edited = io.StringIO()
    writer = csv.DictWriter(edited, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return edited.getvalue().encode()


def upload_for_preview(client: Client, model_name: str, content: bytes, label: str = "csv") -> Any:
    url = reverse(f"admin:catalog_{model_name}_import")
    upload = SimpleUploadedFile(f"{model_name}.{label}", content, CONTENT_TYPES[label])
    return client.post(url, {"import_file": upload, "format": format_index(client, url, label)})


def confirm_data(preview: Any) -> dict[str, Any]:
    """What the preview's "confirm import" button posts."""
    confirm = preview.context["confirm_form"]
    return {name: confirm.initial[name] for name in confirm.fields}


def download_export(client: Client, model_name: str, label: str) -> bytes:
    """The admin's export page submitted with every column ticked, as an admin does."""
    url = reverse(f"admin:catalog_{model_name}_export")
    form = client.get(url).context["form"]
    data = {"format": format_index(client, url, label), "resource": "0"}
    for name, field in form.fields.items():
        if getattr(field, "is_selectable_field", False):
            data[name] = "on"
    response = client.post(url, data)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return response.content
