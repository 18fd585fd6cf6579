"""Rules every groepenkast design applies: selectivity towards the main fuse, the RCD
rules of NEN 1010:2015 531.2, and the battery's own protective devices as board RCDs.
"""

from __future__ import annotations

from sizing import tables
from sizing.circuit_common import CircuitPlan
from sizing.planning import Notes, both, en, nl
from sizing.schema import BoardRcd, DesignRequest, Severity

PHASES = ("L1", "L2", "L3")
SELECTIVITY_REFERENCE = (
    "Vuistregel groep ≤ hoofdzekering / 1,6 (toegeschreven aan NEN 1010 535.1 of Netcode "
    "art. 2.13.1, niet geverifieerd); gG-zekeringen zijn selectief bij 1,6:1 (Lawson Fuses)"
)
RCD_REFERENCE = (
    "NEN 1010:2015 531.2 (min. 2 aardlekschakelaars bij 2 of meer eindgroepen; max. 4 "
    "eindgroepen per 30 mA); vervallen in NEN 1010:2020, Fedet en Hager adviseren ze te blijven "
    "toepassen"
)
RCD_REFERENCE_EN = (
    "NEN 1010:2015 531.2 (at least 2 RCDs with 2 or more final circuits; at most 4 final "
    "circuits per 30 mA RCD); removed in NEN 1010:2020, Fedet and Hager advise to keep "
    "applying it"
)


def selectivity_limit(request: DesignRequest, notes: Notes) -> float | None:
    main = request.connection.main_fuse_a
    factor = request.options.selectivity_factor
    rule = tables.rule("selectivity_factor")
    limit = main / factor
    selective = [r for r in tables.breaker_ratings() if r <= limit + 1e-9]
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
        if abs(factor - float(rule.value)) < 1e-9
        else ("factor opgegeven in de ontwerpopties", "factor given in the design options"),
    )
    return largest


def check_selectivity(
    request: DesignRequest,
    rating: float,
    largest: float | None,
    notes: Notes,
    circuit: str | None,
    what_nl: str = "De groep",
    what_en: str = "The group",
) -> None:
    if largest is not None and rating <= largest + 1e-9:
        return
    main = request.connection.main_fuse_a
    factor = request.options.selectivity_factor
    limit_nl = f"{nl(largest)} A" if largest is not None else "geen standaardwaarde"
    limit_en = f"{en(largest)} A" if largest is not None else "no standard rating"
    notes.finding(
        "board.selectivity",
        Severity.WARNING,
        f"{what_nl} van {nl(rating)} A is groter dan {limit_nl}, de grootste standaardwaarde ≤ "
        f"hoofdzekering {nl(main)} A / {nl(factor)}. Bij een fout kan de hoofdzekering eerder "
        "aanspreken dan de groepsautomaat, en dan is het hele huis zonder stroom. Overweeg een "
        "zwaardere aansluiting.",
        f"{what_en} of {en(rating)} A is above {limit_en}, the largest standard rating ≤ main "
        f"fuse {en(main)} A / {en(factor)}. On a fault the main fuse may blow before the group "
        "breaker trips, leaving the whole house without power. Consider a larger connection.",
        SELECTIVITY_REFERENCE,
        circuit=circuit,
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
