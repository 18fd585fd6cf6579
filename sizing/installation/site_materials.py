"""What the installation needs besides the devices: the inverter's energy meter and its current
transformers, warning labels for a board fed by more than one source, cable glands, conduit for
single-core wires, fixings, and surge protection where the design calls for it.

Every quantity follows from the design (the connection's phases, the board, each circuit's
run) by a rule of ``sizing/tables/installation_materials.json`` that names its source; every
line gets a trace step saying why. A kind the catalogue lacks becomes a ``bom.no_article``
finding, never an invented article.
"""

from __future__ import annotations

import math

from sizing import tables
from sizing.constants import EPSILON
from sizing.domain import InstallationMaterial, MaterialKind
from sizing.findings import Phrase
from sizing.installation.materials import Materials
from sizing.notes import Notes, Text, both
from sizing.schema import BoardDesign, CableSpec, Circuit, DesignRequest

CATEGORY = "materials"
SINGLE_CORE = "single_core_wire"


def order_site_materials(
    request: DesignRequest,
    materials: Materials,
    circuits: list[Circuit],
    board: BoardDesign | None,
    notes: Notes,
) -> None:
    phases = request.connection.phases
    _meter(phases, materials, notes)
    _labels(request, materials, notes)
    for circuit in circuits:
        if circuit.cable is not None:
            _run(circuit.name, circuit.cable, materials, notes)
    _surge_protection(phases, board, materials, notes)


def _order(
    item: InstallationMaterial | None,
    quantity: int,
    what: Text,
    notes: Notes,
    circuit: str | None = None,
) -> None:
    if item is None:
        notes.finding("bom.no_article", circuit=circuit, what=Phrase(*what))
        return
    notes.line(item.article, quantity, CATEGORY)


def _meter(phases: int, materials: Materials, notes: Notes) -> None:
    rule = tables.rule("energy_meter")
    cts = phases * int(rule.value["current_transformers_per_phase"])
    notes.step(
        "materials.energy_meter",
        ("Energiemeter + CT", "Energy meter + CT"),
        (
            f"{phases}-fase aansluiting: 1 energiemeter {phases}-fase, {cts} × stroomtransformator",
            f"{phases}-phase connection: 1 energy meter {phases}-phase, {cts} × current "
            "transformer",
        ),
        rule.bases,
        circuit=None,
    )
    meter = materials.material(MaterialKind.ENERGY_METER, phases=phases)
    _order(meter, 1, (f"energiemeter {phases}-fase", f"energy meter {phases}-phase"), notes)
    ct = materials.material(MaterialKind.CURRENT_TRANSFORMER, phases=phases)
    _order(ct, cts, ("stroomtransformator", "current transformer"), notes)


def _labels(request: DesignRequest, materials: Materials, notes: Notes) -> None:
    rule = tables.rule("warning_labels")
    sources = [("net", "grid"), ("batterij", "battery")]
    if request.existing_pv is not None and request.existing_pv.power_kw > 0:
        sources.append(("bestaande PV", "existing PV"))
    places = [
        ("groepenkast", "board", rule.value["board"]),
        ("omvormer", "inverter", rule.value["inverter"]),
    ]
    if request.backup == "backup_box":
        places.append(("BackupBox", "BackupBox", rule.value["backup_box"]))
    count = sum(int(n) for _, _, n in places)
    notes.step(
        "materials.warning_labels",
        ("Stickers: meer bronnen", "Labels: more sources"),
        (
            f"{len(sources)} bronnen ({', '.join(s[0] for s in sources)}): {count} stickers "
            f"({', '.join(p[0] for p in places)})",
            f"{len(sources)} sources ({', '.join(s[1] for s in sources)}): {count} labels "
            f"({', '.join(p[1] for p in places)})",
        ),
        rule.bases,
        circuit=None,
    )
    label = materials.material(MaterialKind.WARNING_LABEL)
    _order(label, count, ("waarschuwingssticker", "warning label"), notes)


def _run(name: str, cable: CableSpec, materials: Materials, notes: Notes) -> None:
    """Conduit and its clips for single-core wires; a gland and clips for a sheathed cable."""
    spacing = tables.rule("fixing_spacing_m")
    metres = math.ceil(cable.length_m - EPSILON)
    single_core = cable.construction == SINGLE_CORE or (
        not cable.construction and cable.cable_type == "VD"
    )
    if single_core:
        size = _conduit_size(cable)
        conduit = materials.material(MaterialKind.CONDUIT, size_mm=size)
        clips = _clips(cable.length_m, float(spacing.value["conduit"]))
        size_nl = f"{size} mm" if size is not None else "maat volgens buisvulling"
        size_en = f"{size} mm" if size is not None else "size by conduit fill"
        notes.step(
            "materials.conduit",
            ("Buis en buisklemmen", "Conduit and clips"),
            both(
                lambda n: (
                    f"{cable.cable_type} {n.t('in buis', 'in conduit')} "
                    f"{size_nl if n.language == 'nl' else size_en}: {metres} m; "
                    f"{n(cable.length_m)} m / {n(float(spacing.value['conduit']))} m + 1 = "
                    f"{clips} {n.t('buisklemmen', 'clips')}"
                )
            ),
            (
                f"{tables.rule('conduit').basis_nl}; {spacing.basis_nl}",
                f"{tables.rule('conduit').basis}; {spacing.basis}",
            ),
            circuit=name,
        )
        _order(conduit, metres, ("installatiebuis", "conduit"), notes, name)
        clip = materials.material(MaterialKind.CONDUIT_CLIP, size_mm=size)
        _order(clip, clips, ("buisklem", "conduit clip"), notes, name)
        return
    glands = int(tables.rule("cable_glands").value["per_multi_core_run"])
    clipped = cable.method == "C"
    clips = _clips(cable.length_m, float(spacing.value["cable"])) if clipped else 0
    notes.step(
        "materials.gland_and_fixing",
        ("Wartel en bevestiging", "Gland and fixing"),
        both(
            lambda n: (
                f"{cable.cable_type}: {glands} {n.t('wartel', 'gland')}; "
                + (
                    f"{n.t('methode C op de wand', 'method C on the wall')}: "
                    f"{n(cable.length_m)} m / {n(float(spacing.value['cable']))} m + 1 = "
                    f"{clips} {n.t('kabelclips', 'clips')}"
                    if clipped
                    else n.t(
                        f"methode {cable.method}: geen kabelclips",
                        f"method {cable.method}: no cable clips",
                    )
                )
            )
        ),
        (
            f"{tables.rule('cable_glands').basis_nl}; {spacing.basis_nl}",
            f"{tables.rule('cable_glands').basis}; {spacing.basis}",
        ),
        circuit=name,
    )
    gland = materials.material(MaterialKind.CABLE_GLAND)
    _order(gland, glands, ("kabelwartel", "cable gland"), notes, name)
    if clipped:
        clip = materials.material(MaterialKind.CABLE_CLIP)
        _order(clip, clips, ("kabelclip", "cable clip"), notes, name)


def _conduit_size(cable: CableSpec) -> int | None:
    """The conduit-fill rule's size for these wires; None where the rule leaves it open."""
    fill = tables.rule("conduit_fill").value
    most = {float(size): count for size, count in fill["fits"].items()}.get(cable.csa_mm2)
    if most is None:
        return None
    if cable.cores <= most:
        return int(fill["conduit_mm"])
    return int(tables.rule("conduit").value["next_size_mm"])


def _clips(length_m: float, spacing_m: float) -> int:
    return math.ceil(length_m / spacing_m - EPSILON) + 1


def _surge_protection(
    phases: int, board: BoardDesign | None, materials: Materials, notes: Notes
) -> None:
    rule = tables.rule("surge_protection")
    if board is None:
        return
    if board.mode not in rule.value["board_modes"]:
        notes.step(
            "materials.surge_protection",
            ("Overspanning", "Surge protection"),
            (
                "bestaande kast: de aanwezige overspanningsbeveiliging controleren; geen nieuwe",
                "existing board: check the surge protection present; none added",
            ),
            rule.bases,
            circuit=None,
        )
        return
    poles = "1P+N (1+1)" if phases == 1 else "3P+N (3+1)"
    notes.step(
        "materials.surge_protection",
        ("Overspanning", "Surge protection"),
        (
            f"nieuwe kast: 1 × type {rule.value['spd_type']}, {poles}",
            f"new board: 1 × type {rule.value['spd_type']}, {poles}",
        ),
        rule.bases,
        circuit=None,
    )
    spd = materials.material(MaterialKind.SURGE_PROTECTION, phases=phases)
    _order(
        spd,
        1,
        (f"overspanningsbeveiliging type 2 {poles}", f"surge protective device type 2 {poles}"),
        notes,
    )
