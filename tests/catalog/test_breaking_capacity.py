"""An RCBO's breaking capacity is catalogue data an admin can enter: the design reads it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from catalog.models import Accessory, ResidualCurrentDevice
from catalog.services import load_catalog

pytestmark = pytest.mark.django_db


def test_generic_rcbos_are_ordered_as_6_ka_parts_and_makers_parts_stay_empty_until_read() -> None:
    # A generic article is an order specification: 6 kA, as the generic breakers. A maker's
    # part (the BackupBox protection) has no figure until someone reads it on the device.
    rcbos = ResidualCurrentDevice.objects.filter(is_rcbo=True, is_generic=True)
    assert rcbos.exists()
    assert set(rcbos.values_list("breaking_capacity_ka", flat=True)) == {Decimal("6")}
    assert not Accessory.objects.exclude(breaking_capacity_ka=None).exists()


def test_an_entered_rcbo_breaking_capacity_reaches_the_design() -> None:
    rcbo = ResidualCurrentDevice.objects.filter(is_rcbo=True).first()
    assert rcbo is not None
    rcbo.breaking_capacity_ka = Decimal("10")
    rcbo.save()
    protection = Accessory.objects.get(article="105126")
    protection.breaking_capacity_ka = Decimal("6")
    protection.save()
    catalog = load_catalog()
    assert catalog.product(rcbo.article).breaking_capacity_ka == 10.0  # type: ignore[union-attr]
    assert catalog.product("105126").breaking_capacity_ka == 6.0  # type: ignore[union-attr]
