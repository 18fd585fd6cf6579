"""Findings about the groepenkast: selectivity, RCDs, free places and the enclosure."""

from __future__ import annotations

from sizing import tables
from sizing.findings.registry import Entry
from sizing.findings.sources import RCD_REFERENCE, RCD_REFERENCE_EN, SELECTIVITY_REFERENCE
from sizing.schema import Severity

ENTRIES = (
    Entry(
        "board.not_specified",
        Severity.INFO,
        nl="Er is geen groepenkast opgegeven (bestaand of nieuw); de vrije ruimte en de "
        "aardlekschakelaars zijn niet gecontroleerd.",
        en="No distribution board was given (existing or new); free space and RCDs were not "
        "checked.",
        reference=RCD_REFERENCE,
        reference_en=RCD_REFERENCE_EN,
    ),
    Entry(
        "board.breaker_above_main_fuse",
        Severity.ERROR,
        nl="{what} van {rating:n} A is groter dan de hoofdzekering van {main_fuse_a:n} A. De "
        "hoofdzekering spreekt dan altijd eerder aan dan de groepsautomaat: elke overbelasting "
        "of kortsluiting op deze groep zet het hele huis zonder stroom, en de netbeheerder moet "
        "de zekering vervangen. Kies een kleinere groep of een zwaardere aansluiting.",
        en="{what} of {rating:n} A is larger than the main fuse of {main_fuse_a:n} A. The main "
        "fuse then always operates before the group breaker: every overload or short circuit on "
        "this group leaves the whole house without power, and the grid operator has to replace "
        "the fuse. Choose a smaller group or a larger connection.",
        reference=SELECTIVITY_REFERENCE,
        choices={
            "what": {
                "group": ("De groepsautomaat", "The group breaker"),
                "final_circuits": (
                    "De automaat van elk van de {final_circuits} eindgroepen",
                    "The breaker of each of the {final_circuits} final circuits",
                ),
            },
        },
    ),
    Entry(
        "board.selectivity",
        Severity.WARNING,
        nl="{what} van {rating:n} A is groter dan {limit}, {basis}. Bij een fout kan de "
        "hoofdzekering eerder aanspreken dan de groepsautomaat, en dan is het hele huis zonder "
        "stroom. Overweeg een zwaardere aansluiting.",
        en="{what} of {rating:n} A is above {limit}, {basis}. On a fault the main fuse may blow "
        "before the group breaker trips, leaving the whole house without power. Consider a "
        "larger connection.",
        reference=SELECTIVITY_REFERENCE,
        choices={
            "what": {
                "group": ("De groep", "The group"),
                "final_circuits": (
                    "Elk van de {final_circuits} eindgroepen",
                    "Each of the {final_circuits} final circuits",
                ),
            },
            "limit": {
                "largest": ("{largest:n} A", "{largest:n} A"),
                "none": ("geen standaardwaarde", "no standard rating"),
            },
            "basis": {
                "table": (
                    "de grootste groep die de gepubliceerde Nederlandse tabel achter een "
                    "hoofdzekering van {phases} × {main_fuse_a:n} A toestaat",
                    "the largest group the published Dutch table allows behind a main fuse of "
                    "{phases} × {main_fuse_a:n} A",
                ),
                "factor": (
                    "de grootste standaardwaarde ≤ hoofdzekering {main_fuse_a:n} A / {factor:n}",
                    "the largest standard rating ≤ main fuse {main_fuse_a:n} A / {factor:n}",
                ),
            },
        },
    ),
    Entry(
        "board.rcd_too_many_groups",
        Severity.WARNING,
        nl="Achter bestaande aardlekschakelaar {index} zitten {groups} groepen; aanbevolen is "
        "hoogstens {max_groups} per 30 mA-aardlekschakelaar.",
        en="Existing RCD {index} has {groups} groups behind it; at most {max_groups} per 30 mA "
        "RCD is recommended.",
        reference=RCD_REFERENCE,
        reference_en=RCD_REFERENCE_EN,
    ),
    Entry(
        "board.too_few_rcds",
        Severity.WARNING,
        nl="De bestaande kast heeft {groups} groepen en aardlekschakelaars van 30 mA: {rcds}; "
        "aanbevolen zijn er minstens {min_rcds}, zodat één fout niet het hele huis "
        "uitschakelt.",
        en="The existing board has {groups} groups and 30 mA RCDs: {rcds}; at least "
        "{min_rcds} are recommended, so one fault does not switch off the whole house.",
        reference=RCD_REFERENCE,
        reference_en=RCD_REFERENCE_EN,
    ),
    Entry(
        "board.no_space",
        Severity.WARNING,
        nl="De beveiliging van de thuisbatterij neemt {needed} modules in, de kast heeft er "
        "{free} vrij: er ontbreken {missing} plaatsen. Mogelijkheden: {extension}(2) een "
        "nieuwe groepenkast (kies 'nieuwe kast' in het ontwerp). De batterijgroep mag niet "
        "bij een bestaande aardlekschakelaar.",
        en="The battery's protection takes {needed} modules, the board has {free} free: "
        "{missing} places are missing. "
        "Options: {extension}(2) a new distribution board (choose 'new board' in the design). "
        "The battery group may not join an existing RCD.",
        reference=lambda: tables.rule("battery_own_rcd").basis_nl,
        reference_en=lambda: tables.rule("battery_own_rcd").basis,
        choices={
            "extension": {
                "catalogue": (
                    "(1) een uitbreidingskast naast de groepenkast, bijvoorbeeld {article} "
                    "({name}); ",
                    "(1) an extension enclosure beside the board, for example {article} ({name}); ",
                ),
                "none": (
                    "(1) een uitbreidingskast naast de groepenkast (niet in de catalogus); ",
                    "(1) an extension enclosure beside the board (not in the catalogue); ",
                ),
            }
        },
    ),
    Entry(
        "board.enclosure_too_small",
        Severity.ERROR,
        nl="Geen kast uit de catalogus biedt plaats aan {modules} modules (blokken van "
        "{blocks:list}, elk blok op één rail): in de grootste kast ontbreken {missing} "
        "plaatsen. Verdeel de groepen over twee kasten of kies minder groepen.",
        en="No catalogue enclosure holds {modules} modules (blocks of {blocks:list}, each "
        "block on one rail): the largest enclosure lacks {missing} places. Split the groups "
        "over two enclosures or choose fewer groups.",
        reference="catalogus (groepenkasten)",
    ),
    Entry(
        "board.group_phases",
        Severity.ERROR,
        nl="Groep {group} heeft {phases} fasen nodig, maar de aansluiting heeft er {connection}. "
        "Zo'n groep kan hier niet worden aangesloten: kies een eenfasegroep of vraag een "
        "driefase-aansluiting aan bij de netbeheerder.",
        en="Group {group} needs {phases} phases but the connection has {connection}. Such a "
        "group cannot be connected here: choose a single-phase group or ask the grid operator "
        "for a three-phase connection.",
        reference=lambda: tables.rule("group_kinds").basis_nl,
        reference_en=lambda: tables.rule("group_kinds").basis,
    ),
    Entry(
        "board.group_kind_phases",
        Severity.WARNING,
        nl="Groep {group} ({kind}) is opgegeven met {phases} fasen; zo'n groep is gewoonlijk "
        "anders. Controleer het aantal fasen.",
        en="Group {group} ({kind}) was given {phases} phases; such a group usually has another "
        "number. Check the phases.",
        reference=lambda: tables.rule("group_kinds").basis_nl,
        reference_en=lambda: tables.rule("group_kinds").basis,
    ),
    Entry(
        "board.own_rcd_phases",
        Severity.ERROR,
        nl="Groep {group} ({kind}) is opgegeven met {phases} fasen. Een {kind} krijgt een eigen "
        "aardlekautomaat, en die bestaat alleen als 1P+N of 3P+N; het ontwerp rekent nu met "
        "{to} fasen. Geef het aantal fasen van het toestel op (1 of 3).",
        en="Group {group} ({kind}) was given {phases} phases. A {kind} gets an RCBO of its own, "
        "which exists as 1P+N or 3P+N only; the design now assumes {to} phases. Enter the "
        "appliance's number of phases (1 or 3).",
        reference=lambda: tables.rule("group_kinds").basis_nl,
        reference_en=lambda: tables.rule("group_kinds").basis,
    ),
    Entry(
        "board.ev_dc_fault_detection",
        Severity.WARNING,
        nl="Groep {group} ({kind}) krijgt een aardlekbeveiliging type {rcd_type} van "
        "{sensitivity_ma:n} mA. Een laadpaal kan gladde gelijkstroomlekstromen veroorzaken die "
        "een type {rcd_type} verblinden; type {rcd_type} volstaat alleen als de laadpaal zelf "
        "DC-lekstromen vanaf 6 mA detecteert en afschakelt (RDC-DD). Controleer dat in de "
        "handleiding van de laadpaal, of kies een aardlekautomaat type B.",
        en="Group {group} ({kind}) gets a type {rcd_type} RCD of {sensitivity_ma:n} mA. A charge "
        "point can leak smooth DC currents that blind a type {rcd_type} device; type "
        "{rcd_type} is enough only when the charge point itself detects DC fault currents from "
        "6 mA and disconnects (RDC-DD). Check this in the charge point's manual, or choose a "
        "type B RCBO.",
        reference=lambda: tables.rule("group_kinds").basis_nl,
        reference_en=lambda: tables.rule("group_kinds").basis,
    ),
    Entry(
        "board.backed_up_without_backup",
        Severity.WARNING,
        nl="Groep(en) {groups} staan op noodstroom, maar het ontwerp heeft geen "
        "noodstroomvoorziening. Ze zijn als gewone groepen ingedeeld; kies een BackupBox of "
        "een noodstroomverdeler als ze bij een stroomstoring moeten blijven werken.",
        en="Group(s) {groups} are marked as backed up, but the design has no backup solution. "
        "They were placed as ordinary groups; choose a BackupBox or a backup distribution unit "
        "if they must keep working in a power cut.",
        reference=lambda: tables.rule("group_kinds").basis_nl,
        reference_en=lambda: tables.rule("group_kinds").basis,
    ),
    Entry(
        "board.backup_groups_exceed_port",
        Severity.WARNING,
        nl="De laadpaal en warmtepomp op noodstroom vragen samen {load:n} A per fase, urenlang; "
        "de noodstroompoort levert {port:n} A. Bij een stroomstoring schakelt de omvormer dan "
        "af. Haal ze van de noodstroom of begrens hun vermogen.",
        en="The EV charger and heat pump on backup draw {load:n} A per phase together, for "
        "hours; the backup port supplies {port:n} A. In a power cut the inverter then shuts "
        "down. Take them off backup or limit their power.",
        reference=lambda: tables.rule("group_kinds").basis_nl,
        reference_en=lambda: tables.rule("group_kinds").basis,
    ),
    Entry(
        "board.backup_groups_may_exceed_port",
        Severity.INFO,
        nl="De groepen op noodstroom kunnen samen {load:n} A per fase vragen (automaten maal "
        "belastingsfactor); de noodstroompoort levert {port:n} A. Bij een stroomstoring werkt "
        "dat zolang er minder wordt gebruikt; anders schakelt de omvormer af.",
        en="The backed-up groups can draw {load:n} A per phase together (breakers times the "
        "diversity factor); the backup port supplies {port:n} A. In a power cut that works as "
        "long as less is used; otherwise the inverter shuts down.",
        reference=lambda: tables.rule("group_kinds").basis_nl,
        reference_en=lambda: tables.rule("group_kinds").basis,
    ),
    Entry(
        "board.backup_group_phases",
        Severity.WARNING,
        nl="Groep {group} heeft {phases} fasen; de noodstroompoort van deze eenfase-omvormer "
        "voedt er één. De groep is als gewone groep ingedeeld en werkt niet bij een "
        "stroomstoring.",
        en="Group {group} has {phases} phases; the backup port of this single-phase inverter "
        "feeds one. The group was placed as an ordinary group and does not work in a power cut.",
        reference=lambda: tables.rule("group_kinds").basis_nl,
        reference_en=lambda: tables.rule("group_kinds").basis,
    ),
    Entry(
        "board.group_count",
        Severity.ERROR,
        nl="Er zijn {listed} groepen beschreven, maar {what} {count}. Maak de beschrijving "
        "en het aantal gelijk.",
        en="{listed} groups were described, but {what} {count}. Make the description and the "
        "number agree.",
        reference="Ontwerpregel: de beschreven groepen zijn de groepen van de groepenkast",
        choices={
            "what": {
                "new": ("het aantal eindgroepen is", "the number of final circuits is"),
                "existing": (
                    "de bestaande aardlekschakelaars hebben er samen",
                    "the existing RCDs have together",
                ),
            }
        },
    ),
    Entry(
        "board.spare_short",
        Severity.WARNING,
        nl="De groepenkast houdt {free} reserveplaatsen vrij, minder dan de gevraagde {spare}: "
        "er is geen grotere kast in de catalogus dan {article}.",
        en="The board keeps {free} spare places free, fewer than the {spare} asked: the "
        "catalogue has no enclosure larger than {article}.",
        reference=lambda: tables.rule("spare_fraction").basis_nl,
        reference_en=lambda: tables.rule("spare_fraction").basis,
    ),
)
