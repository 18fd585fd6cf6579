"""Numbers in the documents: Dutch format in Dutch, English format in English."""

from __future__ import annotations

from decimal import Decimal

from keuzehulp.documents.labels import (
    breaker_label,
    cable_label,
    money,
    num,
    plain_decimal,
    plain_source,
)
from sizing.schema import BreakerSpec, CableSpec


def test_money_has_a_thousands_separator_and_two_decimals():
    assert money(Decimal("1480"), "nl") == "€\u00a01.480,00"
    assert money(Decimal("1480"), "en") == "€\u00a01,480.00"
    assert money(Decimal("49886.785"), "nl") == "€\u00a049.886,79"


def test_numbers_drop_trailing_zeros_and_use_the_decimal_comma_in_dutch():
    assert num(4.56, "nl") == "4,56"
    assert num(4.5, "en") == "4.5"
    assert num(111.6, "nl") == "111,6"
    assert num(None, "nl") == "—"
    assert num(1480.5, "nl") == "1.480,5"  # grouped as on the pages, not 1480,5
    assert plain_decimal(Decimal("2950"), "nl", places=2) == "2950,00"
    assert plain_decimal(Decimal("75.000"), "nl") == "75"


def test_devices_and_cables_read_the_way_installers_write_them():
    assert breaker_label(BreakerSpec(rating_a=16, curve="B", poles=2), "nl") == "B16 1P+N"
    assert breaker_label(BreakerSpec(rating_a=40, curve="B", poles=4), "nl") == "B40 3P+N"
    vd = CableSpec(
        csa_mm2=2.5, iz_a=24, length_m=12, cores=3, cable_type="VD", insulation="PVC", method="B1"
    )
    ymvk = vd.model_copy(update={"cable_type": "YMvK", "cores": 5, "csa_mm2": 6})
    assert cable_label(vd, "nl") == "VD 3 × 2,5 mm²"
    assert cable_label(vd, "en") == "VD 3 × 2.5 mm²"
    assert cable_label(ymvk, "nl") == "YMvK 5G6 mm²"


def test_a_source_without_its_internal_pointer_leaves_no_dangling_semicolon_or_colon() -> None:
    text = "RA × IΔn ≤ 50 V (referentie §3; samenvatting ss 551, graad C)"
    assert plain_source(text, "nl") == "RA × IΔn ≤ 50 V (samenvatting ss 551, graad C)"
    pointed = "kabeltype VD (smile-g3-catalog.md §2.2: vinyldraad in buis)"
    assert plain_source(pointed, "nl") == "kabeltype VD (vinyldraad in buis)"
