"""Cable types in the catalogue: each says its insulation, construction and the methods it may
be laid in, and an admin cannot declare what the standard forbids (IEC 60364-5-52 Table 52.1)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from catalog.models import Cable, CableType
from catalog.services import load_catalog
from sizing.domain import Construction, Insulation
from tests.catalog.admin_helpers import user_in

pytestmark = pytest.mark.django_db


def test_the_fixtures_give_vd_ymvk_and_xmvk_with_their_methods() -> None:
    types = load_catalog().cable_types
    assert types["VD"].insulation is Insulation.PVC
    assert types["VD"].construction is Construction.SINGLE_CORE_WIRE
    assert types["VD"].methods == ("A1", "B1")
    assert types["YMvK"].methods == ("A2", "B2", "C", "D1", "D2", "E")
    assert types["XMvK"].insulation is Insulation.XLPE


def test_every_cable_in_the_catalogue_names_a_type_with_its_insulation() -> None:
    types = {t.code: t.insulation for t in CableType.objects.all()}
    for cable in Cable.objects.all():
        assert types[cable.cable_type] == cable.insulation, cable.article


def test_an_admin_cannot_let_vd_lie_on_the_wall() -> None:
    vd = CableType.objects.get(code="VD")
    vd.methods = "A1,B1,C"
    with pytest.raises(ValidationError, match="A1, B1"):
        vd.full_clean()


def test_an_admin_cannot_make_a_ymvk_of_xlpe() -> None:
    cable = Cable.objects.filter(cable_type="YMvK").first()
    cable.insulation = "XLPE"
    with pytest.raises(ValidationError, match="PVC"):
        cable.full_clean()


def test_a_cable_of_a_type_the_catalogue_lacks_is_refused() -> None:
    cable = Cable.objects.filter(cable_type="VD").first()
    cable.cable_type = "NYM"
    with pytest.raises(ValidationError, match="niet in de catalogus"):
        cable.full_clean()


def test_catalogue_editors_see_the_cable_types_in_the_admin() -> None:
    client = Client()
    client.force_login(user_in("Catalogusbeheer", "beheer"))
    page = client.get(reverse("admin:catalog_cabletype_changelist")).content.decode()
    assert "YMvK" in page and "A2,B2,C,D1,D2,E" in page
