"""Findings about the backup solution: its accessories, the backup port and its protection."""

from __future__ import annotations

from sizing import tables
from sizing.findings.registry import Entry
from sizing.findings.sources import BROCHURE, COORDINATION
from sizing.schema import Severity

ENTRIES = (
    Entry(
        "backup.accessory_missing",
        Severity.WARNING,
        nl="De catalogus heeft geen {what} voor de {inverter} ({phases}-fase); die ontbreekt op "
        "de materiaallijst. Vraag de beheerder van de catalogus om het artikel.",
        en="The catalogue has no {what} for the {inverter} ({phases}-phase); it is missing from "
        "the bill of materials. Ask the catalogue admin to add the article.",
        reference=f"{BROCHURE}, Vekto-accessoires voor noodstroom",
        # By accessory kind (sizing.domain.AccessoryKind), the ones a backup choice orders.
        choices={
            "what": {
                "distribution_unit": ("noodstroom verdeelunit", "backup distribution unit"),
                "backup_box": ("BackupBox", "BackupBox"),
                "backup_protection": (
                    "backup box beveiliging C25 100 mA",
                    "backup box protection C25 100 mA",
                ),
                "shutdown_kit": (
                    "Backup box KIT (afschakelset)",
                    "Backup box KIT (shutdown kit)",
                ),
            }
        },
    ),
    Entry(
        "backup.box_indoor_only",
        Severity.INFO,
        nl="De {name} is {ip}: hang hem binnen, ook als de batterijen buiten staan.",
        en="The {name} is {ip}: mount it indoors, even when the batteries stand outside.",
        reference=f"{BROCHURE}, AlphaESS BackupBox 63A BB Plus (242263): IP21",
    ),
    Entry(
        "backup.box_upstream_protection",
        Severity.INFO,
        nl="De {name} is {rating:n} A, de hoofdzekering {main_fuse_a:n} A: vóór de box komt "
        "een automaat {breaker} ({article}, op de materiaallijst), zodat de box niet zwaarder "
        "belast kan worden dan hij mag.",
        en="The {name} is rated {rating:n} A, the main fuse {main_fuse_a:n} A: a {breaker} "
        "breaker ({article}, on the bill of materials) goes ahead of the box, so the box cannot "
        "be loaded beyond its rating.",
        reference="IEC 60364-4-43:2008 433.1; catalogus: nominale stroom BackupBox",
    ),
    Entry(
        "backup.box_overcurrent",
        Severity.ERROR,
        nl="De {name} is {rating:n} A en de hoofdzekering {main_fuse_a:n} A: zonder beveiliging "
        "van hoogstens {rating:n} A vóór de box kan die overbelast raken, en de catalogus heeft "
        "geen passende {poles}-polige automaat. Voeg er een toe aan de catalogus of kies een "
        "kleinere aansluiting.",
        en="The {name} is rated {rating:n} A and the main fuse {main_fuse_a:n} A: without "
        "protection of at most {rating:n} A ahead of the box it can be overloaded, and the "
        "catalogue has no suitable {poles}-pole breaker. Add one to the catalogue or choose a "
        "smaller connection.",
        reference="IEC 60364-4-43:2008 433.1; catalogus: nominale stroom BackupBox",
    ),
    Entry(
        "backup.box_rating_unknown",
        Severity.WARNING,
        nl="De catalogus kent de nominale stroom van de {name} ({article}) niet; of de "
        "hoofdzekering de box beveiligt is niet gecontroleerd. Vul de stroom in de catalogus in.",
        en="The catalogue does not know the rated current of the {name} ({article}); whether "
        "the main fuse protects the box was not checked. Fill in the current in the catalogue.",
        reference="IEC 60364-4-43:2008 433.1",
    ),
    Entry(
        "backup.rcd_type",
        Severity.WARNING,
        nl="De backup-beveiliging is type {device_type}; de {inverter} vraagt op zijn poorten "
        "type {needed}, want de catalogus heeft geen verklaring van de fabrikant dat type "
        "{device_type} volstaat. Vraag AlphaESS om die verklaring, of {alternative}.",
        en="The backup protection is type {device_type}; the {inverter} needs type {needed} on "
        "its ports, because the catalogue holds no manufacturer's declaration that type "
        "{device_type} suffices. Ask AlphaESS for that declaration, or {alternative}.",
        reference=lambda: tables.rule("inverter_rcd_type").basis_nl,
        choices={
            "alternative": {
                "article": (
                    "gebruik {article} ({name}) als backup-beveiliging",
                    "use {article} ({name}) as the backup protection",
                ),
                "none": (
                    "gebruik een aardlekautomaat type {needed}",
                    "use a type {needed} RCBO",
                ),
            }
        },
    ),
    Entry(
        "backup.sockets_unprotected",
        Severity.ERROR,
        nl="De wandcontactdozen van de noodstroom verdeelunit hangen achter de backup-"
        "beveiliging van 100 mA; wandcontactdozen vragen {sensitivity_ma:n} mA aanvullende "
        "bescherming, en de catalogus heeft geen {poles}-polige aardlekschakelaar type "
        "{rcd_type} van {sensitivity_ma:n} mA voor {ib:n} A. Voeg die toe aan de catalogus.",
        en="The backup distribution unit's socket outlets sit behind the 100 mA backup "
        "protection; socket outlets need {sensitivity_ma:n} mA additional protection, and the "
        "catalogue has no {poles}-pole type {rcd_type} RCD of {sensitivity_ma:n} mA for "
        "{ib:n} A. Add one to the catalogue.",
        reference=lambda: tables.rule("rcd_sensitivity_ma").basis_nl,
    ),
    Entry(
        "backup.integral_cable",
        Severity.INFO,
        nl="De noodstroom verdeelunit heeft een vaste kabel van {length_m:n} m; de doorsnede "
        "daarvan publiceert de fabrikant niet, dus die is niet berekend. Geef een backupkabel "
        "op als u een eigen kabel legt.",
        en="The backup distribution unit has a fixed {length_m:n} m cable; its cross-section is "
        "not published, so it is not calculated. Enter a backup cable if you lay your own.",
        reference="Vekto 105130/105131: noodstroom verdeelunit IP54, 2 meter (brochure)",
    ),
    Entry(
        "backup.port_above_protection",
        Severity.WARNING,
        nl="De noodstroompoort kan {ib:n} A per fase leveren, de backup-beveiliging is "
        "{curve}{rating:n}: bij meer dan {rating:n} A aan noodstroomverbruikers schakelt hij "
        "af. Beperk de noodstroomgroepen of vraag de fabrikant naar een passende beveiliging.",
        en="The backup port can deliver {ib:n} A per phase, the backup protection is "
        "{curve}{rating:n}: it trips above {rating:n} A of backup load. Limit the backup "
        "circuits or ask the maker for suitable protection.",
        reference=f"{COORDINATION} (Ib ≤ In); Vekto backup box beveiliging C25",
    ),
)
