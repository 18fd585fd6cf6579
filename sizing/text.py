"""Free text that users type and the documents print on one line: the project reference.

Such text ends up in an XML document (the SVG diagram), an HTML page and a
PDF. XML 1.0 has no way at all to write most control characters, so one of
them turns the diagram into a file no reader opens; line breaks and tabs have
no place in a one-line reference either. New input is refused
(:data:`OneLine`); text that was stored before this rule existed is cleaned
(:func:`one_line`), either while it is read back (validation context
:data:`LENIENT`) or where it is rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, GetJsonSchemaHandler, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

# The controls (C0 with tab and line breaks, DEL, C1), the line and paragraph separators, lone
# surrogates, and U+FFFE and U+FFFF, "noncharacters" that XML 1.0 forbids as well.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(" {2,}")

#: Validation context for data saved by an older version: clean the text instead of refusing.
LENIENT: dict[str, Any] = {"clean_text": True}


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` that may not be in one-line text, each once, in order."""
    return list(dict.fromkeys(_UNPRINTABLE.findall(text)))


def one_line(text: str) -> str:
    """``text`` with every unprintable character as a space, runs of spaces as one, trimmed."""
    if not _UNPRINTABLE.search(text):
        return text
    return _SPACES.sub(" ", _UNPRINTABLE.sub(" ", text)).strip()


def code_points(chars: list[str]) -> str:
    """``["\\x0c", "\\x01"]`` as ``"U+000C, U+0001"``: how a message names what it refused."""
    return ", ".join(f"U+{ord(c):04X}" for c in chars)


def _refuse_unprintable(text: str, info: ValidationInfo) -> str:
    found = unprintable(text)
    if not found:
        return text
    if info.context and info.context.get("clean_text"):
        return one_line(text)
    raise PydanticCustomError(
        "unprintable_text",
        "must be one line of printable text; remove the control characters ({found})",
        {"found": code_points(found)},
    )


# The same rule for the published JSON Schemas (ECMA-262 escapes), so clients and API testers
# know what the validator refuses. Written as "contains none of", not "^[^…]*$": Python's `$`
# also matches before a final newline. Lone surrogates are left out: a regex engine that works
# on code points (Rust's, in schemathesis) cannot even write them.
UNPRINTABLE_PATTERN = r"[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]"


@dataclass(frozen=True)
class _PublishedAsSchema:
    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(schema), "not": {"pattern": UNPRINTABLE_PATTERN}}


#: A ``str`` field that refuses control characters (an API 400, a CLI exit 2).
OneLine = Annotated[str, AfterValidator(_refuse_unprintable), _PublishedAsSchema()]
