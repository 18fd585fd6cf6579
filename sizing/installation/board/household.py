"""The household groups of a new board: their breakers, the RCDs they share (or, for an EV
charge point, its own), each RCD rated for the current that can really pass it, and the groups
numbered in board order.
"""

from __future__ import annotations

from typing import Any

from sizing import tables
from sizing.findings import Phrase
from sizing.findings.sources import RCD_REFERENCE, RCD_REFERENCE_EN
from sizing.installation.board.groups import Group, Section, kind_rules, report, sections
from sizing.installation.board.rules import check_selectivity
from sizing.installation.circuit import CircuitPlan, no_article
from sizing.installation.materials import MCB_POLES, RCD_POLES, Materials
from sizing.notes import Notes, both, en, nl, trace_step
from sizing.schema import BoardRcd, BreakerSpec, Circuit, DesignRequest, RcdSpec
from sizing.system.rules import GridSite, pv_on_phase

# Poles a group's breaker switches, the neutral counted (BreakerSpec.poles): 1P+N, two coupled
# 1P+N for a two-phase group, 3P+N.
_BREAKER_POLES = {1: 2, 2: 3, 3: 4}


def household_circuits(
    request: DesignRequest,
    groups: list[Group],
    materials: Materials,
    notes: Notes,
    max_selective: float | None,
    plans: list[CircuitPlan],
) -> tuple[list[Circuit], list[BoardRcd]]:
    if not groups:
        return [], []
    options = request.options
    board_sections = sections(groups, options.max_groups_per_rcd, options.min_rcds)
    report(groups, notes)
    for rating in sorted({g.rating for g in groups}):
        count = sum(1 for g in groups if g.rating == rating)
        check_selectivity(request, rating, max_selective, notes, None, final_circuits=count)

    circuits: list[Circuit] = []
    rcds: list[BoardRcd] = []
    shared = 0
    for section in board_sections:
        for chunk in section.chunks():
            shared += section.key[1] != "own"
            device, names = _rcd(request, section, chunk, shared, materials, notes, plans)
            rcds.append(device)
            for group in chunk:
                circuits.append(_circuit(request, group, device, names, materials, notes))
    circuits.sort(key=lambda c: c.number or 0)
    _summary(request, groups, rcds, notes)
    return circuits, rcds


def _rcd(
    request: DesignRequest,
    section: Section,
    chunk: list[Group],
    number: int,
    materials: Materials,
    notes: Notes,
    plans: list[CircuitPlan],
) -> tuple[BoardRcd, tuple[str, str]]:
    """The RCD of one chunk of a section and how a trace names it."""
    sensitivity = float(tables.rule("rcd_sensitivity_ma").value)
    rcd_type = str(tables.rule("household_rcd_type").value)
    phase = chunk[0].phase if section.poles == 2 else _phases_of(chunk)
    backup = section.backed_up
    where = (" noodstroom", " backup") if backup else ("", "")
    names = [f"household_{g.number}" for g in chunk]
    if section.key[1] == "own":
        group = chunk[0]
        label = f"Aardlekautomaat groep {group.number} ({group.kind.nl.lower()})"
        called = (
            f"aardlekautomaat groep {group.number}",
            f"RCBO of circuit {group.number}",
        )
        rcbo = materials.rcbo(
            rcd_type, sensitivity, group.rating, request.options.breaker_curve, _mcb(group)
        )
        if rcbo is not None:
            notes.line(rcbo.article, 1, "board")
            _dc_fault_detection(group, rcbo.rcd_type.value, sensitivity, notes)
            return (
                BoardRcd(
                    label=label,
                    type=rcbo.rcd_type.value,
                    sensitivity_ma=sensitivity,
                    poles=_BREAKER_POLES[group.phases],
                    is_rcbo=True,
                    groups=names,
                    phase=phase,
                    article=rcbo.article,
                    rating_a=rcbo.rating_a,
                    module_width=rcbo.module_width,
                ),
                called,
            )
        label = f"Aardlekschakelaar groep {group.number} ({group.kind.nl.lower()})"
        called = (f"aardlekschakelaar groep {group.number}", f"RCD of circuit {group.number}")
    else:
        label = f"Aardlekschakelaar {number}{where[0]} ({phase})"
        called = (
            f"aardlekschakelaar {number}{where[0]} ({phase})",
            f"RCD {number}{where[1]} ({phase})",
        )
    needed = _through_rcd(request, plans, chunk, notes, number, phase)
    poles = 1 if section.poles == 2 else 3
    device = materials.rcd(rcd_type, sensitivity, needed, poles)
    if device is None:
        no_article(
            notes,
            f"aardlekschakelaar type {rcd_type} {nl(sensitivity)} mA {RCD_POLES[poles]} ≥ "
            f"{nl(needed)} A",
            f"RCD type {rcd_type} {en(sensitivity)} mA {RCD_POLES[poles]} ≥ {en(needed)} A",
            None,
        )
    else:
        notes.line(device.article, 1, "board")
    if section.key[1] == "own":
        _dc_fault_detection(
            chunk[0], device.rcd_type.value if device else rcd_type, sensitivity, notes
        )
    return (
        BoardRcd(
            label=label,
            type=device.rcd_type.value if device else rcd_type,
            sensitivity_ma=sensitivity,
            poles=section.poles,
            groups=names,
            phase=phase,
            article=device.article if device else None,
            rating_a=device.rating_a if device else None,
            module_width=device.module_width if device else None,
        ),
        called,
    )


def _dc_fault_detection(group: Group, rcd_type: str, sensitivity: float, notes: Notes) -> None:
    """A charge point behind a type A or F RCD: only safe when it detects smooth DC itself."""
    if group.kind.dc_fault_detection and rcd_type != "B":
        notes.finding(
            "board.ev_dc_fault_detection",
            group=group.label,
            kind=Phrase(group.kind.nl.lower(), group.kind.en.lower()),
            rcd_type=rcd_type,
            sensitivity_ma=sensitivity,
        )


def _phases_of(chunk: list[Group]) -> str:
    used = sorted({p for g in chunk for p in g.phase.split("-")})
    return "-".join(used)


def _mcb(group: Group) -> int:
    """The breaker article's phases: a two-phase group takes two coupled 1P+N breakers."""
    return 3 if group.phases == 3 else 1


def _through_rcd(
    request: DesignRequest,
    plans: list[CircuitPlan],
    chunk: list[Group],
    notes: Notes,
    number: int,
    phase: str,
) -> float:
    """The current that can pass a household RCD: with the battery and PV feeding the same
    busbar, its loads can draw the main fuse plus the local generation on a phase (IEC
    60364-5-55 551.7, the brochure: grid, PV and battery meet in the board), but never more
    than its own groups' breakers let through — ordinary groups with the rated diversity
    factor, groups that run at full load (EV, heat pump) at their full rating."""
    main = request.connection.main_fuse_a
    site = GridSite(request.connection, request.existing_pv)
    volts = float(tables.rule("nominal_voltage_v").value)
    worst = (0.0, "", 0.0, 0.0, 0.0)
    ordinary_count = sum(1 for g in chunk if not g.kind.full_load)
    diversity = tables.diversity_factor(ordinary_count)
    for p in phase.split("-"):
        on_phase = [g for g in chunk if p in g.phase.split("-")]
        battery = sum(
            plan.circuit.design_current_a
            for plan in plans
            if plan.in_board
            and plan.circuit.name != "pv"  # counted below, as generation on the phase
            and (plan.circuit.phases == 3 or plan.circuit.phase == p)
        )
        pv = pv_on_phase(site, p) * 1000 / volts
        sources = main + battery + pv
        breakers = sum(g.rating if g.kind.full_load else g.rating * diversity for g in on_phase)
        needed = round(min(sources, breakers), 2)
        if needed >= worst[0]:
            worst = (needed, p, battery, pv, breakers)
    needed, p, battery, pv, breakers = worst
    on_worst = [g for g in chunk if p in g.phase.split("-")]

    def groups_text(n: Any) -> str:
        ordinary: dict[float, int] = {}
        full: list[float] = []
        for g in on_worst:
            if g.kind.full_load:
                full.append(g.rating)
            else:
                ordinary[g.rating] = ordinary.get(g.rating, 0) + 1
        parts = [f"{count} × {n(rating)} A" for rating, count in sorted(ordinary.items())]
        terms = []
        if parts:
            joined = parts[0] if len(parts) == 1 else f"({' + '.join(parts)})"
            terms.append(f"{joined} × {n(diversity)}")
        terms += [f"{n(rating)} A" for rating in full]
        return " + ".join(terms)

    notes.step(
        "board.rcd_rating",
        (
            f"Nominale stroom aardlekschakelaar {number} ({p})",
            f"Rated current RCD {number} ({p})",
        ),
        both(
            lambda n: (
                f"min({n(main)} A + {n(battery)} A {n.t('batterij', 'battery')} + {n(pv)} A PV; "
                f"{groups_text(n)}) = {n(needed)} A"
            )
        ),
        (
            "een aardlekschakelaar heeft geen eigen overstroombeveiliging; achter de "
            "hoofdzekering kunnen de verbruikers de hoofdzekering plus wat batterij en PV op "
            "dezelfde rail leveren afnemen, maar niet meer dan de groepsautomaten tegelijk "
            "voeren (belastingsfactor IEC 61439-3 tabel 101; laadpaal en warmtepomp factor 1) "
            "(IEC 60364-5-55 551.7; IEC 60364-4-43 433.1)",
            "an RCD has no overcurrent protection of its own; behind the main fuse the loads can "
            "draw the main fuse plus what the battery and PV on the same busbar supply, but no "
            "more than the group breakers carry at the same time (diversity factor IEC 61439-3 "
            "Table 101; EV charger and heat pump factor 1) (IEC 60364-5-55 551.7; "
            "IEC 60364-4-43 433.1)",
        ),
    )
    return needed


def _circuit(
    request: DesignRequest,
    group: Group,
    device: BoardRcd,
    called: tuple[str, str],
    materials: Materials,
    notes: Notes,
) -> Circuit:
    """A household group's circuit."""
    curve = request.options.breaker_curve
    rating = group.rating
    name = f"household_{group.number}"
    if device.is_rcbo:
        article = device.article
    else:
        mcb = materials.breaker(rating, curve, _mcb(group))
        count = 2 if group.phases == 2 else 1
        if mcb is None:
            no_article(
                notes,
                f"installatieautomaat {curve}{nl(rating)} {MCB_POLES[_mcb(group)]}",
                f"circuit-breaker {curve}{en(rating)} {MCB_POLES[_mcb(group)]}",
                None,
            )
            article = None
        else:
            article = mcb.article
            notes.line(mcb.article, count, "board")
    poles_text = {1: "1P+N", 2: "2 × 1P+N", 3: "3P+N"}[group.phases]
    notes.trace.append(
        trace_step(
            "board.final_circuit",
            ("Eindgroep", "Final circuit"),
            (
                f"{curve}{nl(rating)} {poles_text} op {group.phase}, "
                f"{group.kind.nl.lower()}, achter {called[0]}",
                f"{curve}{en(rating)} {poles_text} on {group.phase}, "
                f"{group.kind.en.lower()}, behind {called[1]}",
            ),
            tables.rule("group_kinds").bases
            if group.spec.rating_a is None
            else ("opgave installateur", "given by the installer"),
            circuit=name,
            is_default=group.spec.rating_a is None,
        )
    )
    purpose = _purpose(group)
    circuit = Circuit(
        name=name,
        purpose_nl=purpose[0],
        purpose_en=purpose[1],
        number=group.number,
        label=group.name,
        kind=group.kind.code,
        backed_up=group.backed_up,
        phases=group.phases,
        phase=group.phase,
        design_current_a=rating,
        breaker=BreakerSpec(
            rating_a=rating, curve=curve, poles=_BREAKER_POLES[group.phases], article=article
        ),
        rcd=RcdSpec(
            type=device.type,
            sensitivity_ma=device.sensitivity_ma,
            poles=device.poles,
            rating_a=device.rating_a,
            article=device.article,
            is_rcbo=device.is_rcbo,
        ),
    )
    return circuit


def _purpose(group: Group) -> tuple[str, str]:
    """'Eindgroep 3', 'Eindgroep 3: Keuken', 'Eindgroep 5 (laadpaal)'."""
    head = (f"Eindgroep {group.number}", f"Final circuit {group.number}")
    if group.name:
        return f"{head[0]}: {group.name}", f"{head[1]}: {group.name}"
    if group.kind.code == "lighting_sockets":
        return head
    return f"{head[0]} ({group.kind.nl.lower()})", f"{head[1]} ({group.kind.en.lower()})"


def _summary(
    request: DesignRequest, groups: list[Group], rcds: list[BoardRcd], notes: Notes
) -> None:
    sensitivity_rule = tables.rule("rcd_sensitivity_ma")
    two_pole = tables.rule("single_phase_groups_on_2p_rcds")
    max_groups = request.options.max_groups_per_rcd
    phases = sorted({p for g in groups for p in g.phase.split("-")})
    spread = ", ".join(f"{p}: {sum(1 for g in groups if p in g.phase.split('-'))}" for p in phases)
    rules = kind_rules()
    kinds_nl = ", ".join(
        f"{sum(1 for g in groups if g.kind.code == code)} × {rule.nl.lower()}"
        for code, rule in rules.items()
        if any(g.kind.code == code for g in groups)
    )
    kinds_en = ", ".join(
        f"{sum(1 for g in groups if g.kind.code == code)} × {rule.en.lower()}"
        for code, rule in rules.items()
        if any(g.kind.code == code for g in groups)
    )
    backed = sum(1 for g in groups if g.backed_up)
    notes.step(
        "board.final_circuits",
        ("Verdeling eindgroepen", "Final circuits over the RCDs"),
        (
            f"{len(groups)} groepen ({kinds_nl}; {spread}"
            + (f"; {backed} op noodstroom" if backed else "")
            + f") achter {len(rcds)} aardlekbeveiligingen van "
            f"{nl(float(sensitivity_rule.value))} mA, hoogstens {max_groups} per gedeelde",
            f"{len(groups)} circuits ({kinds_en}; {spread}"
            + (f"; {backed} on backup" if backed else "")
            + f") behind {len(rcds)} RCDs of {en(float(sensitivity_rule.value))} mA, at most "
            f"{max_groups} per shared one",
        ),
        (
            f"{RCD_REFERENCE}; {two_pole.basis_nl}; {sensitivity_rule.basis_nl}; "
            f"{tables.rule('group_kinds').basis_nl}",
            f"{RCD_REFERENCE_EN}; {two_pole.basis}; {sensitivity_rule.basis}; "
            f"{tables.rule('group_kinds').basis}",
        ),
    )
