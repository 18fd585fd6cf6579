"""The BackupBox behind a main fuse larger than the box: protection of at most 63 A ahead of
it, on the bill of materials, or an error when the catalogue has none."""

from __future__ import annotations

import dataclasses

from sizing.domain import AccessoryKind
from tests.sizing.engine_helpers import B5, BAT45, BAT93, T10, codes, errors, finding, run

# The reproducer of the review: 3 × 80 A, B5, BackupBox 63 A.
REPRODUCER = {"phases": 3, "main_fuse_a": 80, "backup": "backup_box"}


def test_a_box_behind_80_a_gets_a_63_a_breaker_ahead_of_it_on_the_bom(catalog):
    result = run(catalog, B5, BAT45, 2, **REPRODUCER)
    info = finding(result, "backup.box_upstream_protection")
    assert "63 A" in info.message and "80 A" in info.message
    article = next(
        b.article
        for b in catalog.breakers
        if b.rating_a == 63 and b.poles == "1P+N" and b.curve == "B"
    )
    assert article in {line.article for line in result.bom}
    step = next(s for s in result.trace if s.key == "backup.box_protection")
    assert "80 A > BackupBox 63 A" in step.value


def test_behind_a_main_fuse_up_to_the_box_rating_nothing_is_added(catalog):
    result = run(catalog, T10, BAT93, 4, main_fuse_a=63, backup="backup_box")
    assert "backup.box_upstream_protection" not in codes(result)
    step = next(s for s in result.trace if s.key == "backup.box_protection")
    assert "63 A ≤ BackupBox 63 A" in step.value


def test_without_a_suitable_breaker_in_the_catalogue_it_is_an_error(catalog):
    bare = dataclasses.replace(
        catalog, breakers=tuple(b for b in catalog.breakers if b.rating_a < 50)
    )
    result = run(bare, B5, BAT45, 2, **REPRODUCER)
    assert "backup.box_overcurrent" in errors(result)
    assert not result.valid


def test_a_box_without_a_rating_in_the_catalogue_is_named_not_passed(catalog):
    accessories = tuple(
        dataclasses.replace(a, rating_a=None) if a.kind is AccessoryKind.BACKUP_BOX else a
        for a in catalog.accessories
    )
    result = run(dataclasses.replace(catalog, accessories=accessories), B5, BAT45, 2, **REPRODUCER)
    assert "242263" in finding(result, "backup.box_rating_unknown").message
