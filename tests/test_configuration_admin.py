"""Staff find saved configurations in the admin and open their share page; nobody edits them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from keuzehulp.models import Configuration

pytestmark = pytest.mark.django_db

REQUEST = {
    "connection": {"phases": 1, "main_fuse_a": 35},
    "inverter": "SMILE-G3-S5",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 2}],
}


def test_a_superuser_finds_a_configuration_by_project_reference_and_opens_it() -> None:
    saved = Configuration.objects.create(
        project_reference="Fam. Jansen",
        request=REQUEST,
        engine_version="0.1.0",
        catalog_version="x",
    )
    Configuration.objects.create(
        project_reference="Fam. Pietersen",
        request=REQUEST,
        engine_version="0.1.0",
        catalog_version="x",
    )
    client = Client()
    client.force_login(User.objects.create_superuser("root", password="Root-2026!"))
    html = client.get(
        reverse("admin:keuzehulp_configuration_changelist"), {"q": "Jansen"}
    ).content.decode()
    assert "Fam. Jansen" in html and "Fam. Pietersen" not in html
    assert reverse("wizard:configuration", args=[saved.pk]) in html
    change = client.get(reverse("admin:keuzehulp_configuration_change", args=[saved.pk]))
    assert change.status_code == 200
    assert 'name="project_reference"' not in change.content.decode()  # read-only
