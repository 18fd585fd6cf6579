"""Rules every groepenkast design applies: selectivity towards the main fuse, the RCD
rules of NEN 1010:2015 531.2, and the battery's own protective devices as board RCDs.
"""

from __future__ import annotations

from sizing import tables
from sizing.constants import EPSILON
from sizing.installation.circuit import CircuitPlan
from sizing.notes import Notes, both
from sizing.schema import BoardRcd, DesignRequest


def _published(request: DesignRequest) -> float | None:
    """The published table's largest group for this main fuse, when the installer kept the
    default factor (an explicit factor in the design options overrides the table)."""
    if abs(request.options.selectivity_factor - float(tables.rule("selectivity_factor").value)) > (
        EPSILON
    ):
        return None
    return tables.selective_group_a(request.connection.phases, request.connection.main_fuse_a)


def selectivity_limit(request: DesignRequest, notes: Notes) -> float | None:
    main = request.connection.main_fuse_a
    phases = request.connection.phases
    title = ("Selectiviteit hoofdzekering", "Selectivity to the main fuse")
    published = _published(request)
    if published is not None:
        table = tables.selectivity_table()
        # Each row's own ratio: the table is not 1.6 throughout (1 × 35 → 25 A is 1.4,
        # 3 × 40 → 32 A is 1.25; reference §5.5), so the step may not claim it is.
        ratio = main / published
        notes.step(
            "board.selectivity",
            title,
            both(
                lambda n: (
                    f"{phases} × {n(main)} A → "
                    f"{n.t('grootste groep', 'largest group')} {n(published)} A "
                    f"({n.t('verhouding', 'ratio')} {n(main)} / {n(published)} = {n(ratio)})"
                )
            ),
            (
                "gepubliceerde Nederlandse tabel hoofdzekering → grootste groep "
                "(energiekennisbank.nl, hanvossolar.nl; graad "
                f"{table.header['grade']}); de verhouding verschilt per rij en is niet overal "
                "de 1,6 van de vuistregel",
                "published Dutch table main fuse → largest group "
                "(energiekennisbank.nl, hanvossolar.nl; grade "
                f"{table.header['grade']}); the ratio differs from row to row and is not "
                "everywhere the 1.6 of the rule of thumb",
            ),
        )
        return published
    factor = request.options.selectivity_factor
    rule = tables.rule("selectivity_factor")
    limit = main / factor
    selective = [r for r in tables.breaker_ratings() if r <= limit + EPSILON]
    largest = selective[-1] if selective else None
    notes.step(
        "board.selectivity",
        title,
        both(
            lambda n: (
                f"{n(main)} A / {n(factor)} = {n(limit)} A → "
                f"{n.t('grootste standaardwaarde', 'largest standard rating')} "
                + (f"{n(largest)} A" if largest is not None else n.t("geen", "none"))
            )
        ),
        rule.bases
        if abs(factor - float(rule.value)) < EPSILON
        else ("factor opgegeven in de ontwerpopties", "factor given in the design options"),
    )
    return largest


def check_selectivity(
    request: DesignRequest,
    rating: float,
    largest: float | None,
    notes: Notes,
    circuit: str | None,
    final_circuits: int | None = None,
) -> None:
    """An error when a group's breaker is above the main fuse itself, a warning when it is above
    the largest selective rating; ``final_circuits`` says the rating is that of each of that many
    household groups, not one battery group."""
    main = request.connection.main_fuse_a
    what = "group" if final_circuits is None else "final_circuits"
    if rating > main + EPSILON:
        notes.finding(
            "board.breaker_above_main_fuse",
            circuit=circuit,
            what=what,
            final_circuits=final_circuits,
            rating=rating,
            main_fuse_a=main,
        )
        return
    if largest is not None and rating <= largest + EPSILON:
        return
    notes.finding(
        "board.selectivity",
        circuit=circuit,
        what=what,
        final_circuits=final_circuits,
        rating=rating,
        limit="none" if largest is None else "largest",
        largest=largest,
        basis="table" if _published(request) is not None else "factor",
        main_fuse_a=main,
        phases=request.connection.phases,
        factor=request.options.selectivity_factor,
    )


def battery_rcds(plans: list[CircuitPlan]) -> list[BoardRcd]:
    rcds = []
    for plan in plans:
        rcd = plan.circuit.rcd
        if rcd is None:
            continue
        outside = not plan.in_board
        if plan.circuit.name == "pv":
            label = "Aardlekbeveiliging PV-groep"
        elif outside:
            label = "Backup-beveiliging (naast de omvormer)"
        else:
            label = "Aardlekbeveiliging thuisbatterij"
        rcds.append(
            BoardRcd(
                label=label,
                type=rcd.type,
                sensitivity_ma=rcd.sensitivity_ma,
                poles=rcd.poles,
                is_rcbo=rcd.is_rcbo,
                groups=[plan.circuit.name],
                phase=plan.circuit.phase,
                article=rcd.article,
                rating_a=rcd.rating_a,
                module_width=plan.width,
                in_enclosure=not outside,
            )
        )
    return rcds
