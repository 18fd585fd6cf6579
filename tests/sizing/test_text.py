"""One-line user text: control characters are refused on the way in, cleaned on the way out."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sizing.schema import DesignRequest
from sizing.text import LENIENT, one_line

REQUEST = {
    "connection": {"phases": 3, "main_fuse_a": 25},
    "inverter": "SMILE-G3-T10",
    "batteries": [{"module": "SMILE-G3-BAT-9.3S", "count": 4}],
}


@pytest.mark.parametrize(
    ("reference", "named"),
    [
        ("Fam.\x01de Vries", "U+0001"),
        ("Fam. de Vries\x0c", "U+000C"),
        ("\x1fKerkstraat 3", "U+001F"),
        ("regel 1\nregel 2", "U+000A"),
        ("a\tb", "U+0009"),
        ("a\x7fb", "U+007F"),
        ("a\x85b", "U+0085"),  # NEL, a C1 control
        ("a\u2028b", "U+2028"),  # line separator
        ("a\uffffb", "U+FFFF"),  # not a character in XML
    ],
)
def test_it_refuses_a_project_reference_with_control_characters(reference: str, named: str) -> None:
    with pytest.raises(ValidationError) as refused:
        DesignRequest.model_validate({**REQUEST, "project_reference": reference})
    (error,) = refused.value.errors()
    assert error["loc"] == ("project_reference",)
    assert "one line of printable text" in error["msg"]
    assert named in error["msg"]


def test_it_names_every_control_character_it_found_once() -> None:
    with pytest.raises(ValidationError) as refused:
        DesignRequest.model_validate({**REQUEST, "project_reference": "\x01a\x0cb\x1f\x01"})
    assert "(U+0001, U+000C, U+001F)" in refused.value.errors()[0]["msg"]


@pytest.mark.parametrize("field", ["inverter", "module"])
def test_it_refuses_control_characters_in_the_model_codes(field: str) -> None:
    data = {**REQUEST}
    if field == "module":
        data["batteries"] = [{"module": "SMILE-G3-BAT-9.3S\x0c", "count": 4}]
    else:
        data["inverter"] = "SMILE-G3-T10\x01"
    with pytest.raises(ValidationError):
        DesignRequest.model_validate(data)


def test_ordinary_dutch_references_pass_unchanged() -> None:
    reference = 'Fam. van \'t Hof – Één­straat 3 "B" € ½'
    assert (
        DesignRequest.model_validate({**REQUEST, "project_reference": reference}).project_reference
        == reference
    )


def test_a_stored_request_is_read_back_with_its_reference_cleaned() -> None:
    stored = {**REQUEST, "project_reference": "\x01Fam.\x0c\x0cde\x1fVries\n"}
    request = DesignRequest.model_validate(stored, context=LENIENT)
    assert request.project_reference == "Fam. de Vries"


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("Fam. de Vries", "Fam. de Vries"),
        ('x\x0c";}body{display:none}', 'x ";}body{display:none}'),
        ("\x01\x0c\x1f", ""),
        ("a\u00a0b", "a\u00a0b"),  # a no-break space is text, not a control
    ],
)
def test_one_line_turns_control_characters_into_single_spaces(text: str, cleaned: str) -> None:
    assert one_line(text) == cleaned
