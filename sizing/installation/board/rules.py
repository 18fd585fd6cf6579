"""Rules every groepenkast design applies: selectivity towards the main fuse, the RCD
rules of NEN 1010:2015 531.2, and the battery's own protective devices as board RCDs.
"""

from __future__ import annotations

from sizing import tables
from sizing.constants import EPSILON
from sizing.installation.circuit import CircuitPlan
from sizing.notes import Notes, both
from sizing.schema import BoardRcd, DesignRequest


def selectivity_limit(request: DesignRequest, notes: Notes) -> float | None:
    main = request.connection.main_fuse_a
    factor = request.options.selectivity_factor
    rule = tables.rule("selectivity_factor")
    limit = main / factor
    selective = [r for r in tables.breaker_ratings() if r <= limit + EPSILON]
    largest = selective[-1] if selective else None
    notes.step(
        "board.selectivity",
        ("Selectiviteit hoofdzekering", "Selectivity to the main fuse"),
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
    """Warn when a group's breaker is above the largest selective rating; ``final_circuits``
    says the rating is that of each of that many household groups, not one battery group."""
    if largest is not None and rating <= largest + EPSILON:
        return
    notes.finding(
        "board.selectivity",
        circuit=circuit,
        what="group" if final_circuits is None else "final_circuits",
        final_circuits=final_circuits,
        rating=rating,
        limit="none" if largest is None else "largest",
        largest=largest,
        main_fuse_a=request.connection.main_fuse_a,
        factor=request.options.selectivity_factor,
    )


def battery_rcds(plans: list[CircuitPlan]) -> list[BoardRcd]:
    rcds = []
    for plan in plans:
        rcd = plan.circuit.rcd
        if rcd is None:
            continue
        outside = not plan.in_board
        rcds.append(
            BoardRcd(
                label=(
                    "Backup-beveiliging (naast de omvormer)"
                    if outside
                    else "Aardlekbeveiliging thuisbatterij"
                ),
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
