"""An admin who types phases a product cannot serve gets a field error, for every product
that names its phases."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from catalog.models import Accessory, InstallationMaterial

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Accessory, InstallationMaterial])
@pytest.mark.parametrize("typed", ["2", "1,2", "een", ""])
def test_phases_other_than_1_and_3_are_refused_with_a_message(model, typed):
    product = model.objects.first()
    assert product is not None
    product.phases = typed
    with pytest.raises(ValidationError) as refused:
        product.clean()
    assert "Geef 1, 3 of 1,3 op." in refused.value.message_dict["phases"]


@pytest.mark.parametrize("model", [Accessory, InstallationMaterial])
def test_one_three_or_both_pass(model):
    product = model.objects.first()
    for typed, expected in (("1", (1,)), ("3", (3,)), ("1, 3", (1, 3))):
        product.phases = typed
        product.clean()
        assert product.phase_tuple() == expected
