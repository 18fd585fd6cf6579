"""The standard tables the engine sizes with, read once from the data files beside this module.

Each CSV starts with ``# key: value`` header lines naming the standard table,
its edition, the reproduction it was read from and the grade of that reading
(see shared/reference/electrical-sizing.md). The JSON files carry the same keys.
Everything is parsed at import into plain tuples and dicts so a lookup costs a
dictionary access; nothing here interpolates or extrapolates: a value outside a
table is ``None`` and the caller says so.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

TABLES_DIR = Path(__file__).resolve().parent

# Ampacity tables, by (insulation, loaded conductors) for the methods A1 … D2.
_AMPACITY_FILES = {
    ("PVC", 2): "b52_2.csv",
    ("XLPE", 2): "b52_3.csv",
    ("PVC", 3): "b52_4.csv",
    ("XLPE", 3): "b52_5.csv",
}
# Free-air tables, one per insulation, with the IEC column each method and load uses.
_FREE_AIR_FILES = {"PVC": "b52_10.csv", "XLPE": "b52_12.csv"}
_FREE_AIR_COLUMNS = {
    ("E", 2): ("E_2_loaded", "col. 2"),
    ("E", 3): ("E_3_loaded", "col. 3"),
    ("F", 3): ("F_3_loaded_trefoil", "col. 5"),
    ("G", 3): ("G_3_loaded_spaced_horizontal", "col. 7"),
}


@dataclass(frozen=True, slots=True)
class TableFile:
    name: str
    header: dict[str, str]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def table(self) -> str:
        return self.header.get("table", self.name)


# How a Dutch text cites the parts of an IEC standard (NEN 1010 writes "tabel", "bijlage").
_DUTCH_CITATION = (
    ("Tables ", "tabellen "),
    ("Table ", "tabel "),
    ("Annex ", "bijlage "),
    ("column ", "kolom "),
    ("col. ", "kol. "),
    ("nil clearance", "zonder tussenruimte"),
)


def cite_nl(reference: str) -> str:
    """'IEC 60364-5-52:2009 Table B.52.4, column B1' as a Dutch text cites it."""
    for english, dutch in _DUTCH_CITATION:
        reference = reference.replace(english, dutch)
    return reference


def cite(reference: str) -> tuple[str, str]:
    """A citation as (Dutch, English)."""
    return cite_nl(reference), reference


@dataclass(frozen=True, slots=True)
class AmpacityColumn:
    """One column of a current-carrying-capacity table: (mm², Iz0 in A) in rising order."""

    table: str  # "IEC 60364-5-52:2009 Table B.52.4"
    column: str  # "B1", "E (col. 3)"
    values: tuple[tuple[float, float], ...]

    @property
    def reference(self) -> str:
        return f"{self.table}, column {self.column}"

    def iz0(self, csa: float) -> float | None:
        for tabulated, value in self.values:
            if tabulated == csa:
                return value
        return None


@dataclass(frozen=True, slots=True)
class FactorTable:
    """A correction-factor table as (key, factor) pairs in rising key order."""

    table: str
    column: str
    values: tuple[tuple[float, float], ...]

    @property
    def reference(self) -> str:
        return f"{self.table}, {self.column}"

    def exact(self, key: float) -> float | None:
        for tabulated, value in self.values:
            if tabulated == key:
                return value
        return None

    def at_or_above(self, key: float) -> tuple[float, float] | None:
        """The first row whose key is at least ``key``: the conservative row between two rows."""
        for tabulated, value in self.values:
            if tabulated >= key:
                return tabulated, value
        return None

    @property
    def first(self) -> tuple[float, float]:
        return self.values[0]

    @property
    def last(self) -> tuple[float, float]:
        return self.values[-1]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    value: Any
    basis: str  # English, as the sources were read
    basis_nl: str

    @property
    def bases(self) -> tuple[str, str]:
        """The basis as (Dutch, English), the way the trace carries it."""
        return self.basis_nl, self.basis


def read_table(name: str) -> TableFile:
    """Parse one CSV data file: its ``# key: value`` header and its rows, as text."""
    header: dict[str, str] = {}
    body: list[str] = []
    with (TABLES_DIR / name).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                key, _, value = line[1:].partition(":")
                header[key.strip()] = value.strip()
            elif line.strip():
                body.append(line)
    reader = csv.reader(body)
    columns = tuple(next(reader))
    rows = tuple(tuple(cell.strip() for cell in row) for row in reader)
    return TableFile(name=name, header=header, columns=columns, rows=rows)


def read_json(name: str) -> dict[str, Any]:
    with (TABLES_DIR / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _column(table: TableFile, column: str) -> tuple[tuple[float, float], ...]:
    index = table.columns.index(column)
    return tuple((float(row[0]), float(row[index])) for row in table.rows if row[index] != "")


@cache
def _ampacity() -> dict[tuple[str, int, str], AmpacityColumn]:
    columns: dict[tuple[str, int, str], AmpacityColumn] = {}
    for (insulation, loaded), name in _AMPACITY_FILES.items():
        table = read_table(name)
        for method in table.columns[1:]:
            columns[(insulation, loaded, method)] = AmpacityColumn(
                table.table, method, _column(table, method)
            )
    for insulation, name in _FREE_AIR_FILES.items():
        table = read_table(name)
        for (method, loaded), (column, iec_column) in _FREE_AIR_COLUMNS.items():
            columns[(insulation, loaded, method)] = AmpacityColumn(
                table.table, f"{method} ({iec_column})", _column(table, column)
            )
    return columns


def ampacity_column(insulation: str, loaded: int, method: str) -> AmpacityColumn | None:
    """The tabulated Iz0 column for a method, or ``None`` where IEC gives none (F with 2 loaded)."""
    return _ampacity().get((insulation, loaded, method))


@cache
def _temperature(name: str) -> dict[str, FactorTable]:
    table = read_table(name)
    return {
        insulation: FactorTable(table.table, insulation, _column(table, insulation))
        for insulation in table.columns[1:]
    }


def air_temperature_factors(insulation: str) -> FactorTable:
    """Table B.52.14: ambient air temperature other than 30 °C."""
    return _temperature("b52_14.csv")[insulation]


def ground_temperature_factors(insulation: str) -> FactorTable:
    """Table B.52.15: ground temperature other than 20 °C (methods D1, D2)."""
    return _temperature("b52_15.csv")[insulation]


def soil_factors(method: str) -> FactorTable:
    """Table B.52.16: soil thermal resistivity other than 2.5 K·m/W, by method D1 or D2."""
    return _temperature("b52_16.csv")[method]


@dataclass(frozen=True, slots=True)
class GroupingItem:
    item: int
    arrangement: str  # English, as IEC names it
    arrangement_nl: str
    use_with: tuple[str, ...]
    factors: FactorTable


@cache
def _grouping() -> dict[int, GroupingItem]:
    table = read_table("b52_17.csv")
    counts = [c for c in table.columns if c.isdigit()]
    items: dict[int, GroupingItem] = {}
    for row in table.rows:
        cells = dict(zip(table.columns, row, strict=True))
        values = tuple((float(n), float(cells[n])) for n in counts if cells[n] != "")
        use_with = _expand_methods(cells["use_with"])
        item = int(cells["item"])
        items[item] = GroupingItem(
            item,
            cells["arrangement"],
            cells["arrangement_nl"],
            use_with,
            FactorTable(table.table, f"item {item}", values),
        )
    return items


def _expand_methods(text: str) -> tuple[str, ...]:
    """'A–F' → every method from A1 to F; 'E, F' → E and F."""
    order = ("A1", "A2", "B1", "B2", "C", "D1", "D2", "E", "F")
    if "–" in text:
        start, end = (part.strip() for part in text.split("–"))
        first = next(i for i, m in enumerate(order) if m.startswith(start))
        last = max(i for i, m in enumerate(order) if m.startswith(end))
        return order[first : last + 1]
    return tuple(part.strip() for part in text.split(","))


def grouping_item(item: int) -> GroupingItem:
    """Table B.52.17, items 1 to 5."""
    return _grouping()[item]


@cache
def _buried_grouping() -> dict[str, FactorTable]:
    tables = {}
    for method, name in (("D2", "b52_18.csv"), ("D1", "b52_19.csv")):
        table = read_table(name)
        values = ((1.0, 1.0), *_column(table, "factor"))
        tables[method] = FactorTable(table.table, "nil clearance", values)
    return tables


def buried_grouping_factors(method: str) -> FactorTable:
    """B.52.18 (D2, direct in ground) or B.52.19 (D1, in ducts); one circuit is 1.00."""
    return _buried_grouping()[method]


@cache
def cross_sections() -> tuple[float, ...]:
    return tuple(float(row[0]) for row in read_table("cross_sections.csv").rows)


@cache
def breaker_standard() -> dict[str, Any]:
    return read_json("iec60898_1.json")


@cache
def breaker_ratings() -> tuple[float, ...]:
    return tuple(float(r) for r in breaker_standard()["preferred_ratings_a"])


@cache
def annex_g() -> dict[str, Any]:
    return read_json("annex_g.json")


@cache
def _rules() -> dict[str, Rule]:
    # The materials list's rules live in their own file; a name is unique across both.
    return {
        name: Rule(name, entry["value"], entry["basis"], entry["basis_nl"])
        for file in ("design_rules.json", "installation_materials.json")
        for name, entry in read_json(file)["rules"].items()
    }


@cache
def _selectivity_pairs() -> tuple[TableFile, dict[tuple[int, float], float]]:
    table = read_table("selectivity_pairs.csv")
    pairs = {(int(row[0]), float(row[1])): float(row[2]) for row in table.rows}
    return table, pairs


def selective_group_a(phases: int, main_fuse_a: float) -> float | None:
    """The largest group breaker the published Dutch table allows behind this main fuse, or
    ``None`` when the table has no row for it (the caller then applies main / 1.6)."""
    return _selectivity_pairs()[1].get((phases, float(main_fuse_a)))


def selectivity_table() -> TableFile:
    return _selectivity_pairs()[0]


@cache
def _diversity() -> tuple[tuple[int, float], ...]:
    table = read_table("diversity.csv")
    return tuple((int(row[0]), float(row[1])) for row in table.rows)


def diversity_factor(circuits: int) -> float:
    """IEC 61439-3's assumed loading factor for this many ordinary outgoing circuits."""
    factor = 1.0
    for start, value in _diversity():
        if circuits >= start:
            factor = value
    return factor


def rule(name: str) -> Rule:
    """A design rule or default with its basis (design_rules.json, installation_materials.json)."""
    return _rules()[name]


def all_data_files() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in TABLES_DIR.iterdir() if p.suffix in {".csv", ".json"}))


def warm() -> None:
    """Parse every file now, so the first request pays nothing."""
    _ampacity()
    _grouping()
    _buried_grouping()
    for insulation in ("PVC", "XLPE"):
        air_temperature_factors(insulation)
        ground_temperature_factors(insulation)
    soil_factors("D1")
    cross_sections()
    breaker_ratings()
    annex_g()
    _selectivity_pairs()
    _diversity()
    _rules()


warm()
