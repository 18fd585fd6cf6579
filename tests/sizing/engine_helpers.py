"""Shared builders for the engine tests: requests in the contract's JSON shape, catalogue
variants for boundaries the brochure range does not reach."""

from __future__ import annotations

import dataclasses
from typing import Any

from sizing.domain import Catalog
from sizing.engine import design
from sizing.schema import Design, DesignRequest, Finding

T10 = "SMILE-G3-T10"
T15 = "SMILE-G3-T15"
T20 = "SMILE-G3-T20"
S36 = "SMILE-G3-S3.6"
S5 = "SMILE-G3-S5"
B5 = "SMILE-G3-B5"
BAT38 = "SMILE-G3-BAT-3.8S"
BAT45 = "SMILE-G3-BAT-4.5S"
BAT93 = "SMILE-G3-BAT-9.3S"


def request(
    inverter: str = T10,
    module: str = BAT93,
    count: int = 2,
    *,
    phases: int = 3,
    main_fuse_a: float = 35,
    **fields: Any,
) -> DesignRequest:
    """A request as the wizard sends it; a 3×35 A connection keeps the main fuse out of the way."""
    data: dict[str, Any] = {
        "connection": {"phases": phases, "main_fuse_a": main_fuse_a},
        "inverter": inverter,
        "batteries": [{"module": module, "count": count}],
    }
    data.update(fields)
    return DesignRequest.model_validate(data)


def run(catalog: Catalog, *args: Any, **kwargs: Any) -> Design:
    return design(request(*args, **kwargs), catalog)


def codes(result: Design) -> set[str]:
    return {f.code for f in result.findings}


def finding(result: Design, code: str) -> Finding:
    matches = [f for f in result.findings if f.code == code]
    assert matches, f"{code} not among {sorted(codes(result))}"
    return matches[0]


def errors(result: Design) -> set[str]:
    return {f.code for f in result.findings if f.severity == "error"}


def with_inverter(catalog: Catalog, code: str, **changes: Any) -> Catalog:
    inverters = dict(catalog.inverters)
    inverters[code] = dataclasses.replace(inverters[code], **changes)
    return _replace(catalog, inverters=inverters)


def with_module(catalog: Catalog, code: str, **changes: Any) -> Catalog:
    modules = dict(catalog.modules)
    modules[code] = dataclasses.replace(modules[code], **changes)
    return _replace(catalog, modules=modules)


def _replace(catalog: Catalog, **changes: Any) -> Catalog:
    return dataclasses.replace(catalog, **changes)


def without_compatibility(catalog: Catalog, inverter: str, module: str) -> Catalog:
    rows = tuple(
        c for c in catalog.compatibility if not (c.inverter == inverter and c.module_code == module)
    )
    return _replace(catalog, compatibility=rows)


def replaced(catalog: Catalog, **changes: Any) -> Catalog:
    return _replace(catalog, **changes)


def with_makers_heat_figures(catalog: Catalog) -> Catalog:
    """Every device with a loss figure and every enclosure with its size, as a maker gives."""

    def lossy(items: Any) -> tuple[Any, ...]:
        return tuple(dataclasses.replace(i, loss_w_per_pole=2.5, loss_source="test") for i in items)

    enclosures = tuple(
        dataclasses.replace(e, width_mm=334, height_mm=400, depth_mm=100)
        for e in catalog.enclosures
    )
    return dataclasses.replace(
        catalog,
        breakers=lossy(catalog.breakers),
        rcds=lossy(catalog.rcds),
        main_switches=lossy(catalog.main_switches),
        enclosures=enclosures,
    )
