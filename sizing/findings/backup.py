"""Findings about the backup solution: its accessories, the backup port and its protection."""

from __future__ import annotations

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
