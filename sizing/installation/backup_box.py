"""The BackupBox's own overcurrent protection on its grid side.

The BackupBox is an automatic transfer switch between the grid and the backed-up loads: on
its grid side it carries whatever the backed-up loads draw from the grid, up to what the main
fuse lets through. A box rated below the main fuse needs an overcurrent device of at most its
rating upstream, or an overload can pass through it unprotected (IEC 60364-4-43 433.1: every
part of the installation protected against overload; the box's rating from the catalogue).
"""

from __future__ import annotations

from sizing import tables
from sizing.constants import EPSILON
from sizing.domain import AccessoryKind, Catalog, Inverter
from sizing.installation.materials import POLE_COUNT, Materials
from sizing.notes import Notes, both
from sizing.schema import DesignRequest

BOX_REFERENCE = (
    "Catalogus: nominale stroom BackupBox; IEC 60364-4-43 433.1 (overbelastingsbeveiliging)",
    "Catalogue: BackupBox rated current; IEC 60364-4-43 433.1 (overload protection)",
)


def protect_backup_box(
    request: DesignRequest,
    catalog: Catalog,
    inverter: Inverter,
    materials: Materials,
    notes: Notes,
) -> None:
    """Plan the box's upstream protection when the main fuse is larger than the box."""
    if request.backup != "backup_box":
        return
    box = catalog.accessory(inverter.system_code, AccessoryKind.BACKUP_BOX)
    if box is None:
        return  # the BoM already reports the missing accessory
    main = request.connection.main_fuse_a
    title = ("Beveiliging netzijde BackupBox", "BackupBox grid-side protection")
    if box.rating_a is None:
        notes.finding("backup.box_rating_unknown", name=box.name("nl"), article=box.article)
        return
    rating = box.rating_a
    if main <= rating + EPSILON:
        notes.step(
            "backup.box_protection",
            title,
            both(
                lambda n: (
                    f"{n.t('hoofdzekering', 'main fuse')} {n(main)} A ≤ BackupBox {n(rating)} A"
                    " → "
                    + n.t("de hoofdzekering beveiligt de box", "the main fuse protects the box")
                )
            ),
            BOX_REFERENCE,
        )
        return
    protection = max((r for r in tables.breaker_ratings() if r <= rating + EPSILON), default=None)
    device = (
        materials.breaker(protection, request.options.breaker_curve, inverter.phases)
        if protection is not None
        else None
    )
    if device is None:
        notes.finding(
            "backup.box_overcurrent",
            name=box.name("nl"),
            rating=rating,
            main_fuse_a=main,
            poles=POLE_COUNT[inverter.phases],
        )
        return
    notes.line(device.article, 1, "backup")
    notes.step(
        "backup.box_protection",
        title,
        both(
            lambda n: (
                f"{n.t('hoofdzekering', 'main fuse')} {n(main)} A > BackupBox {n(rating)} A → "
                f"{device.curve}{n(device.rating_a)} {device.poles} "
                f"{n.t('vóór de box', 'ahead of the box')} ({device.article})"
            )
        ),
        BOX_REFERENCE,
    )
    notes.finding(
        "backup.box_upstream_protection",
        name=box.name("nl"),
        rating=rating,
        main_fuse_a=main,
        breaker=f"{device.curve}{device.rating_a:g} {device.poles}",
        article=device.article,
    )
