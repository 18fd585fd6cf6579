"""The brochure's compatibility table, family × module × count 1–13, against design().

The table is written out here from the brochure (smile-g3-catalog.md §1, "Aantal
modules in serie" and footnote ****), independently of the catalogue the engine
reads, so a wrong fixture or a wrong rule both show up.
"""

from __future__ import annotations

import pytest

from tests.sizing.engine_helpers import BAT38, BAT45, BAT93, codes, run

ONE_TO_FOUR = {1, 2, 3, 4}
ONE_TO_SIX = {1, 2, 3, 4, 5, 6}
TWO_CLUSTERS = {8, 10, 12}

BROCHURE_FAMILIES = {
    "S3.6 / S5 / B5": (
        ("SMILE-G3-S3.6", "SMILE-G3-S5", "SMILE-G3-B5"),
        {BAT45: ONE_TO_FOUR, BAT93: ONE_TO_FOUR, BAT38: ONE_TO_FOUR},
    ),
    "T4 / T5 / T6 / T8 / T10": (
        ("SMILE-G3-T4", "SMILE-G3-T5", "SMILE-G3-T6", "SMILE-G3-T8", "SMILE-G3-T10"),
        {BAT45: ONE_TO_SIX, BAT93: ONE_TO_SIX | TWO_CLUSTERS, BAT38: ONE_TO_SIX | TWO_CLUSTERS},
    ),
    "T15 / T20": (
        ("SMILE-G3-T15", "SMILE-G3-T20"),
        {
            BAT45: ONE_TO_SIX - {1},
            BAT93: (ONE_TO_SIX - {1}) | TWO_CLUSTERS,
            BAT38: (ONE_TO_SIX - {1}) | TWO_CLUSTERS,
        },
    ),
}

CASES = [
    pytest.param(inverter, module, count, count in allowed, id=f"{inverter}-{module}-{count}")
    for inverters, modules in BROCHURE_FAMILIES.values()
    for inverter in inverters
    for module, allowed in modules.items()
    for count in range(1, 14)
]


@pytest.mark.parametrize(("inverter", "module", "count", "allowed"), CASES)
def test_the_engine_follows_the_brochure_table(catalog, inverter, module, count, allowed):
    # A 3×80 A indoor connection: nothing but the count can make the design invalid.
    result = run(catalog, inverter, module, count, main_fuse_a=80)
    assert result.valid is allowed
    assert ("battery.count_not_allowed" in codes(result)) is not allowed


@pytest.mark.parametrize(
    ("count", "clusters"),
    [(1, [1]), (4, [4]), (6, [6]), (8, [4, 4]), (10, [5, 5]), (12, [6, 6])],
)
def test_never_more_than_six_modules_in_one_cluster(catalog, count, clusters):
    assert run(catalog, "SMILE-G3-T8", BAT38, count, main_fuse_a=80).battery.clusters == clusters


def test_every_inverter_of_the_brochure_is_in_the_table(catalog):
    table = {i for inverters, _ in BROCHURE_FAMILIES.values() for i in inverters}
    assert table == set(catalog.inverters)
