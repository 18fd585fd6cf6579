"""Every cell of the shipped tables against the reference file they were read from.

The reference (shared/reference/electrical-sizing.md) is the reviewed reading of
the standard; the data files are what the engine uses. A typo in either shows
up here as a named cell.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sizing import tables

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared/reference/electrical-sizing.md"

pytestmark = pytest.mark.skipif(not REFERENCE.exists(), reason="shared/ reference not beside repo")


def _section(heading: str) -> str:
    text = REFERENCE.read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n#", start + 1)
    return text[start : end if end > 0 else None]


def _markdown_rows(heading: str) -> list[list[str]]:
    rows = []
    for line in _section(heading).splitlines():
        if line.startswith("|") and not set(line) <= set("|-: "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def _number(cell: str) -> float | None:
    """'1.00' → 1.0; '–' or '– (not tabulated)' → None."""
    return None if cell.startswith("–") or cell == "" else float(cell)


def _csv_number(cell: str) -> float | None:
    return None if cell == "" else float(cell)


@pytest.mark.parametrize(
    ("heading", "file"),
    [
        ("#### 1.3.1 Table B.52.2", "b52_2.csv"),
        ("#### 1.3.2 Table B.52.3", "b52_3.csv"),
        ("#### 1.3.3 Table B.52.4", "b52_4.csv"),
        ("#### 1.3.4 Table B.52.5", "b52_5.csv"),
    ],
)
def test_every_ampacity_cell_matches_the_reference(heading, file):
    reference = _markdown_rows(heading)
    shipped = tables.read_table(file)
    assert list(shipped.columns) == ["mm2", *reference[0][1:]]
    assert len(shipped.rows) == len(reference) - 1
    for ref_row, row in zip(reference[1:], shipped.rows, strict=True):
        for column, ref_cell, cell in zip(shipped.columns, ref_row, row, strict=True):
            assert float(cell) == float(ref_cell), f"{file} {ref_row[0]} mm² {column}"


@pytest.mark.parametrize(
    ("file", "e_columns", "fg_columns"),
    [("b52_10.csv", (1, 2), (1, 2)), ("b52_12.csv", (3, 4), (3, 4))],
)
def test_every_free_air_cell_matches_the_reference(file, e_columns, fg_columns):
    method_e = {row[0]: row for row in _markdown_rows("### 1.4 Method E")[1:]}
    method_fg = {row[0]: row for row in _markdown_rows("### 1.6 Method F and G")[1:]}
    shipped = tables.read_table(file)
    assert [row[0] for row in shipped.rows] == list(method_e)
    for row in shipped.rows:
        e_row = method_e[row[0]]
        assert float(row[1]) == float(e_row[e_columns[0]]), f"{file} {row[0]} E 2 loaded"
        assert float(row[2]) == float(e_row[e_columns[1]]), f"{file} {row[0]} E 3 loaded"
        fg_row = method_fg.get(row[0])
        if fg_row is None:
            # IEC does not tabulate single-core F/G below 25 mm².
            assert row[3] == row[4] == "", f"{file} {row[0]} must stay untabulated"
        else:
            assert float(row[3]) == float(fg_row[fg_columns[0]]), f"{file} {row[0]} F"
            assert float(row[4]) == float(fg_row[fg_columns[1]]), f"{file} {row[0]} G"
    assert set(method_fg) <= set(method_e)


@pytest.mark.parametrize(
    ("heading", "file"),
    [("### 2.1 Table B.52.14", "b52_14.csv"), ("### 2.2 Table B.52.15", "b52_15.csv")],
)
def test_every_temperature_factor_matches_the_reference(heading, file):
    reference = _markdown_rows(heading)[1:]
    shipped = tables.read_table(file)
    assert len(shipped.rows) == len(reference)
    for ref_row, row in zip(reference, shipped.rows, strict=True):
        assert float(row[0]) == float(ref_row[0])
        assert _csv_number(row[1]) == _number(ref_row[1]), f"{file} {row[0]} °C PVC"
        assert _csv_number(row[2]) == _number(ref_row[2]), f"{file} {row[0]} °C XLPE"


def test_every_soil_factor_matches_the_reference():
    header, d1, d2 = _markdown_rows("### 2.3 Table B.52.16")
    shipped = tables.read_table("b52_16.csv")
    assert [float(row[0]) for row in shipped.rows] == [float(c) for c in header[1:]]
    assert [float(row[1]) for row in shipped.rows] == [float(c) for c in d1[1:]]
    assert [float(row[2]) for row in shipped.rows] == [float(c) for c in d2[1:]]


def test_every_grouping_factor_matches_the_reference():
    reference = _markdown_rows("### 2.4 Table B.52.17")
    shipped = tables.read_table("b52_17.csv")
    counts = reference[0][2:-1]
    assert [c for c in shipped.columns if c.isdigit()] == counts
    assert len(shipped.rows) == len(reference) - 1 == 5
    for ref_row, row in zip(reference[1:], shipped.rows, strict=True):
        cells = dict(zip(shipped.columns, row, strict=True))
        assert cells["item"] == ref_row[0]
        assert cells["arrangement"] == ref_row[1]
        assert cells["use_with"] == ref_row[-1]
        for count, ref_cell in zip(counts, ref_row[2:-1], strict=True):
            assert _csv_number(cells[count]) == _number(ref_cell), f"item {ref_row[0]} n={count}"


def test_every_buried_grouping_factor_matches_the_reference():
    counts, direct, ducts = _markdown_rows("### 2.5 Buried groups")
    extra = dict(re.findall(r"(\d+): (0\.\d+)", _section("### 2.5 Buried groups")))
    for file, ref_row, extras in (
        ("b52_18.csv", direct, {}),
        ("b52_19.csv", ducts, extra),
    ):
        expected = {int(n): float(v) for n, v in zip(counts[1:], ref_row[1:], strict=True)}
        expected.update({int(n): float(v) for n, v in extras.items()})
        shipped = {int(row[0]): float(row[1]) for row in tables.read_table(file).rows}
        assert shipped == expected, file


def test_the_extra_duct_factors_are_the_ones_the_reference_lists():
    # Guards the regex above: the text after the table names exactly eight extra counts.
    extra = dict(re.findall(r"(\d+): (0\.\d+)", _section("### 2.5 Buried groups")))
    assert sorted(int(n) for n in extra) == [10, 11, 13, 14, 15, 17, 18, 19]


def test_the_breaker_ratings_are_the_iec_60898_preferred_series():
    row = next(
        line for line in _section("### 3.2").splitlines() if "Preferred rated currents" in line
    )
    listed = re.search(r"\| ([\d, ]+) A", row)
    assert listed is not None
    expected = tuple(float(v) for v in listed.group(1).split(","))
    assert tables.breaker_ratings() == expected
    assert tables.breaker_standard()["conventional_tripping_factor"] == 1.45


def test_the_annex_g_constants_are_the_ones_in_the_reference():
    text = _section("### 4.1 Formula")
    constants = tables.annex_g()
    assert "ρ1 = **0.0225 Ω·mm²/m for copper**" in text
    assert constants["rho1_ohm_mm2_per_m"]["copper"] == 0.0225
    assert "λ = **0.08 mΩ/m**" in text
    assert constants["lambda_mohm_per_m"] == 0.08
    assert constants["b"] == {"1": 2, "3": 1}


def test_the_cross_sections_are_the_rows_of_the_ampacity_tables():
    rows = [float(row[0]) for row in _markdown_rows("#### 1.3.1 Table B.52.2")[1:]]
    assert list(tables.cross_sections()) == rows


@pytest.mark.parametrize(
    "file",
    [f for f in tables.all_data_files() if f.startswith("b52_")],
)
def test_every_table_file_names_its_table_edition_source_and_grade(file):
    header = tables.read_table(file).header
    number = "B.52." + file.removeprefix("b52_").removesuffix(".csv")
    assert header["table"] == f"IEC 60364-5-52:2009 Table {number}"
    assert "IEC 60364-5-52:2009" in header["edition"]
    assert "HD 60364-5-52:2011" in header["edition"]
    assert header["read_from"]
    assert header["grade"][0] in "ABC"
    assert "IS 732:2019" in header["source"]


@pytest.mark.parametrize("heading", ["#### 1.3.1", "#### 1.3.2", "#### 1.3.3", "#### 1.3.4"])
def test_the_ampacity_sources_are_quoted_word_for_word(heading):
    number = re.search(r"Table (B\.52\.\d+)", _section(heading)).group(1)
    source_line = next(
        line for line in _section(heading).splitlines() if line.startswith("Source:")
    )
    file = "b52_" + number.removeprefix("B.52.") + ".csv"
    assert tables.read_table(file).header["source"] == source_line


def test_every_json_data_file_names_its_source_and_grade():
    for name in ("annex_g.json", "iec60898_1.json", "design_rules.json"):
        data = tables.read_json(name)
        assert data["table"] and data["edition"] and data["grade"], name
    for rule_name, entry in tables.read_json("design_rules.json")["rules"].items():
        assert entry["basis"] and entry["basis_nl"], rule_name
        assert entry["basis"] != entry["basis_nl"], rule_name


class TestLookups:
    def test_it_reads_b1_pvc_two_loaded_6_mm2_as_41_a(self):
        column = tables.ampacity_column("PVC", 2, "B1")
        assert column.iz0(6) == 41
        assert column.reference == "IEC 60364-5-52:2009 Table B.52.2, column B1"

    def test_it_reads_method_e_xlpe_three_loaded_from_column_3_of_b52_12(self):
        column = tables.ampacity_column("XLPE", 3, "E")
        assert column.iz0(10) == 75
        assert "B.52.12" in column.reference and "col. 3" in column.reference

    def test_it_has_no_method_f_below_25_mm2(self):
        column = tables.ampacity_column("PVC", 3, "F")
        assert column.iz0(16) is None
        assert column.values[0] == (25.0, 110.0)

    def test_it_has_no_two_loaded_method_f_column(self):
        assert tables.ampacity_column("PVC", 2, "F") is None

    def test_pvc_has_no_air_factor_above_60_c(self):
        factors = tables.air_temperature_factors("PVC")
        assert factors.exact(60) == 0.50
        assert factors.at_or_above(61) is None

    def test_an_ambient_between_rows_takes_the_warmer_row(self):
        assert tables.air_temperature_factors("PVC").at_or_above(32) == (35.0, 0.94)

    def test_grouping_item_2_stops_reducing_after_nine_circuits(self):
        item = tables.grouping_item(2)
        assert item.factors.last == (9.0, 0.70)
        assert item.use_with == ("C",)

    def test_grouping_item_1_applies_to_every_method_from_a1_to_f(self):
        assert tables.grouping_item(1).use_with == (
            "A1",
            "A2",
            "B1",
            "B2",
            "C",
            "D1",
            "D2",
            "E",
            "F",
        )

    def test_buried_groups_start_at_one_circuit_with_no_reduction(self):
        assert tables.buried_grouping_factors("D2").exact(1) == 1.0
        assert tables.buried_grouping_factors("D2").exact(3) == 0.65
        assert tables.buried_grouping_factors("D1").exact(10) == 0.49

    def test_rules_carry_their_basis(self):
        assert tables.rule("selectivity_factor").value == 1.6
        assert "1.6" in tables.rule("selectivity_factor").basis
        assert "1,6" in tables.rule("selectivity_factor").basis_nl
        assert tables.rule("selectivity_factor").bases[0].startswith("Nederlandse vuistregel")
