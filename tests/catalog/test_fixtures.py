"""The fixtures give exactly the brochure range, with the brochure's figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.management import call_command

from catalog.management.commands.seed_catalog import fixture_files
from catalog.models import Accessory, BatteryModule, Compatibility, Inverter

pytestmark = pytest.mark.django_db

# Read from the brochure (shared/seeds), independently of the fixture files.
BROCHURE_POWER_KW = {
    "SMILE-G3-S3.6": "3.68",
    "SMILE-G3-S5": "5",
    "SMILE-G3-B5": "5",
    "SMILE-G3-T4": "4",
    "SMILE-G3-T5": "5",
    "SMILE-G3-T6": "6",
    "SMILE-G3-T8": "8",
    "SMILE-G3-T10": "10",
    "SMILE-G3-T15": "15",
    "SMILE-G3-T20": "20",
}
BROCHURE_MODULES = {
    # code: (nominal kWh, usable kWh, max current A, IP)
    "SMILE-G3-BAT-3.8S": ("3.8", "3.65", "40", "IP21"),
    "SMILE-G3-BAT-4.5S": ("4.56", "4.56", "50", "IP65"),
    "SMILE-G3-BAT-9.3S": ("9.3", "9.3", "52.5", "IP65"),
}
VEKTO_ACCESSORIES = {
    "242263",
    "105127",
    "105137",
    "105126",
    "105136",
    "105129",
    "105128",
    "105131",
    "105130",
}


def test_the_range_is_exactly_the_ten_brochure_inverters() -> None:
    assert set(Inverter.objects.values_list("system_code", flat=True)) == set(BROCHURE_POWER_KW)


@pytest.mark.parametrize(("code", "power"), sorted(BROCHURE_POWER_KW.items()))
def test_every_inverter_has_the_brochure_power(code: str, power: str) -> None:
    inverter = Inverter.objects.get(system_code=code)
    assert inverter.nominal_power_kw == Decimal(power)
    assert inverter.max_charge_power_kw == Decimal(power)


def test_the_single_phase_models_carry_the_brochure_port_currents() -> None:
    currents = {
        i.system_code: (i.grid_port_current_a, i.backup_port_current_a)
        for i in Inverter.objects.filter(phases=1)
    }
    assert currents["SMILE-G3-S3.6"] == (Decimal("16"), Decimal("16"))
    assert currents["SMILE-G3-S5"] == (Decimal("21.7"), Decimal("21.7"))
    assert currents["SMILE-G3-B5"] == (Decimal("21.7"), Decimal("21.7"))


def test_the_b5_is_ac_coupled_without_a_pv_input() -> None:
    b5 = Inverter.objects.get(system_code="SMILE-G3-B5")
    assert b5.coupling == Inverter.Coupling.AC
    assert b5.pv_max_power_kw is None
    assert not b5.to_domain().has_pv_input


def test_unknown_manufacturer_installation_data_stays_empty_not_invented() -> None:
    for inverter in Inverter.objects.all():
        assert inverter.max_ac_current_a is None
        assert inverter.rcd_type == ""
        assert inverter.to_domain().rcd_type_a_permitted is None


def test_three_phase_models_record_the_ambiguous_power_reading() -> None:
    for inverter in Inverter.objects.filter(phases=3):
        assert inverter.grid_port_current_a is None
        assert "onbekend" in inverter.ambiguity_note


@pytest.mark.parametrize(("code", "figures"), sorted(BROCHURE_MODULES.items()))
def test_every_module_has_the_brochure_capacity_current_and_ip(
    code: str, figures: tuple[str, str, str, str]
) -> None:
    module = BatteryModule.objects.get(code=code)
    nominal, usable, current, ip = figures
    assert module.nominal_kwh == Decimal(nominal)
    assert module.usable_kwh == Decimal(usable)
    assert module.max_current_a == Decimal(current)
    assert module.ip_rating == ip


def test_only_the_ip21_module_is_indoor_only() -> None:
    indoor_only = {m.code for m in BatteryModule.objects.all() if m.to_domain().indoor_only}
    assert indoor_only == {"SMILE-G3-BAT-3.8S"}


def test_the_nine_vekto_accessories_are_there() -> None:
    articles = set(Accessory.objects.values_list("article", flat=True))
    assert articles >= VEKTO_ACCESSORIES
    assert Accessory.objects.get(article="242263").ip_rating == "IP21"


def test_other_known_vekto_numbers_are_used_and_no_generic_code_pretends_to_be_one() -> None:
    assert Inverter.objects.get(system_code="SMILE-G3-S5").article == "242242"
    assert BatteryModule.objects.get(code="SMILE-G3-BAT-3.8S").article == "242247"
    assert BatteryModule.objects.get(code="SMILE-G3-BAT-9.3S").article == "242248"
    assert {"242948", "242949"} <= set(Accessory.objects.values_list("article", flat=True))
    for model in (Inverter, BatteryModule, Accessory):
        for product in model.objects.all():
            assert product.is_generic == product.article.startswith("GEN-"), product.article


def test_the_compatibility_table_follows_the_brochure() -> None:
    t10_93 = Compatibility.objects.get(
        inverter__system_code="SMILE-G3-T10", module__code="SMILE-G3-BAT-9.3S"
    )
    assert t10_93.counts() == (1, 2, 3, 4, 5, 6, 8, 10, 12)
    assert (t10_93.max_per_cluster, t10_93.max_clusters) == (6, 2)
    t15_45 = Compatibility.objects.get(
        inverter__system_code="SMILE-G3-T15", module__code="SMILE-G3-BAT-4.5S"
    )
    assert t15_45.counts() == (2, 3, 4, 5, 6)
    s5_38 = Compatibility.objects.get(
        inverter__system_code="SMILE-G3-S5", module__code="SMILE-G3-BAT-3.8S"
    )
    assert s5_38.counts() == (1, 2, 3, 4)
    assert Compatibility.objects.count() == 30


def test_prices_are_marked_as_examples() -> None:
    assert all(i.price_is_example for i in Inverter.objects.all())


def test_installation_materials_cover_the_starter_set(catalog) -> None:  # type: ignore[no-untyped-def]
    csas = {c.csa_mm2 for c in catalog.cables}
    assert {1.5, 2.5, 4, 6, 10, 16, 25, 35} <= csas
    b_ratings = {b.rating_a for b in catalog.breakers if b.curve == "B"}
    assert {6, 10, 16, 20, 25, 32, 40, 50, 63} <= b_ratings
    combos = {(r.rcd_type.value, r.sensitivity_ma, r.is_rcbo) for r in catalog.rcds}
    for rcd_type in ("A", "B"):
        for sensitivity in (30, 100, 300):
            assert (rcd_type, sensitivity, True) in combos
            assert (rcd_type, sensitivity, False) in combos
    assert catalog.main_switches and catalog.enclosures


def test_loading_the_fixtures_twice_changes_nothing() -> None:
    before = {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Inverter, BatteryModule, Compatibility, Accessory)
    }
    call_command("loaddata", *fixture_files(), verbosity=0)
    after = {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Inverter, BatteryModule, Compatibility, Accessory)
    }
    assert before == after


def test_seeding_keeps_an_admins_edits_unless_forced() -> None:
    Inverter.objects.filter(system_code="SMILE-G3-T10").update(price_eur=Decimal("1999.00"))
    call_command("seed_catalog", verbosity=0)
    assert Inverter.objects.get(system_code="SMILE-G3-T10").price_eur == Decimal("1999.00")
    call_command("seed_catalog", "--force", verbosity=0)
    assert Inverter.objects.get(system_code="SMILE-G3-T10").price_eur != Decimal("1999.00")
