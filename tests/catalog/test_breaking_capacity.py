"""An RCBO's breaking capacity is catalogue data an admin can enter: the design reads it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from catalog.models import Accessory, ResidualCurrentDevice
from catalog.services import load_catalog

pytestmark = pytest.mark.django_db


def test_the_rcbo_breaking_capacity_stays_empty_until_someone_reads_it_on_the_device() -> None:
    # Generic articles have no maker, so no figure: the design says so instead of assuming.
    assert not ResidualCurrentDevice.objects.exclude(breaking_capacity_ka=None).exists()
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
