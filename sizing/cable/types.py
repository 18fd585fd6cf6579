"""The cable type decides its own rating: its insulation picks the ampacity table, its
construction the methods (columns) it may be laid in (IEC 60364-5-52 Table 52.1, A.52.3).

A run names a type, or the engine takes the Dutch default for its method and insulation
(``cable_type_by_method``). The request's schema already refuses what the request alone
contradicts (sizing.schema.CableRun, from the same rules); here the catalogue's own cable types
decide, so an admin's type that says otherwise refuses the run too: the command line and the API
answer with a field error before designing, and ``design`` itself returns an error finding for
each, so no circuit is sized from another type's column.
"""

from __future__ import annotations

from dataclasses import dataclass

from sizing import tables
from sizing.domain import CableType, Catalog, Construction
from sizing.findings import Phrase, finding
from sizing.schema import CableRun, DesignRequest, Finding

# The request's fields that carry a run, and the circuit each feeds.
RUNS = (("ac_cable", "ac_grid"), ("backup_cable", "backup"))


@dataclass(frozen=True, slots=True)
class Refusal:
    """A cable run the request may not have: the field to name and the finding that says why."""

    field: str  # dotted path in the request: "ac_cable.insulation"
    finding: Finding


def default_type_code(run: CableRun) -> str:
    """The Dutch default type for a run that names none (design_rules.json)."""
    if run.insulation == "XLPE":
        return str(tables.rule("cable_type_xlpe").value)
    return str(tables.rule("cable_type_by_method").value[run.method])


def allowed_methods(construction: Construction) -> tuple[str, ...]:
    """The methods the standard allows for a construction (IEC 60364-5-52 Table 52.1, A.52.3)."""
    return tuple(tables.rule("cable_methods_by_construction").value[construction.value])


def run_type(run: CableRun, catalog: Catalog) -> CableType | None:
    return catalog.cable_types.get(run.cable_type or default_type_code(run))


def effective_method(run: CableRun, kind: CableType) -> str:
    """The run's method; one the request left at its default is read in the type's column.

    The same conduit is A1/B1 with single-core wires and A2/B2 with a multi-core cable, so a
    YMvK run without a method lies in B2, not in the default B1 of VD.
    """
    if "method" in run.model_fields_set or run.method in kind.methods:
        return run.method
    counterpart = tables.rule("cable_methods_by_construction").value["in_conduit_counterpart"]
    return str(counterpart.get(run.method, run.method))


def resolve(run: CableRun, catalog: Catalog) -> CableRun:
    """The run with its type named, the insulation taken from the type and its method read in
    the type's columns.

    A run that gave no insulation gets its type's; one that contradicts its type was refused
    by :func:`refusals` before, so taking the type's never overrides a stated insulation.
    """
    kind = run_type(run, catalog)
    if kind is None:
        return run
    return run.model_copy(
        update={
            "cable_type": kind.code,
            "insulation": kind.insulation.value,
            "method": effective_method(run, kind),
        }
    )


def resolve_request(request: DesignRequest, catalog: Catalog) -> DesignRequest:
    update = {
        field: resolve(run, catalog)
        for field, _ in RUNS
        if (run := getattr(request, field)) is not None
    }
    return request.model_copy(update=update) if update else request


def refusals(request: DesignRequest, catalog: Catalog) -> list[Refusal]:
    """Every cable run whose type is unknown, contradicts its insulation or forbids its method."""
    found: list[Refusal] = []
    for field, circuit in RUNS:
        run = getattr(request, field)
        if run is not None:
            found.extend(_run_refusals(run, field, circuit, catalog))
    return found


def field_errors(request: DesignRequest, catalog: Catalog) -> list[tuple[str, str]]:
    """The refusals as (dotted field, English message), the way the API and the commands name
    a field the schema refused."""
    return [(r.field, r.finding.message_en) for r in refusals(request, catalog)]


def _run_refusals(run: CableRun, field: str, circuit: str, catalog: Catalog) -> list[Refusal]:
    code = run.cable_type or default_type_code(run)
    kind = catalog.cable_types.get(code)
    if kind is None:
        known = sorted(catalog.cable_types)
        return [
            Refusal(
                f"{field}.cable_type" if run.cable_type else f"{field}.method",
                finding("cable.type_unknown", circuit=circuit, code=code, known=known),
            )
        ]
    found = []
    stated = "insulation" in run.model_fields_set
    if stated and run.insulation != kind.insulation.value:
        found.append(
            Refusal(
                f"{field}.insulation",
                finding(
                    "cable.type_insulation",
                    circuit=circuit,
                    code=kind.code,
                    insulation=run.insulation,
                    own=kind.insulation.value,
                ),
            )
        )
    method = effective_method(run, kind)
    if method not in kind.methods:
        found.append(
            Refusal(
                f"{field}.method",
                finding(
                    "cable.type_method",
                    circuit=circuit,
                    code=kind.code,
                    method=method,
                    methods=list(kind.methods),
                    construction=construction_phrase(kind.construction),
                ),
            )
        )
    return found


def construction_phrase(construction: Construction) -> Phrase:
    if construction is Construction.SINGLE_CORE_WIRE:
        return Phrase("enkeladerige draad in buis", "single-core wires in conduit")
    return Phrase("meeraderige kabel", "multi-core cable")
