"""Pass or fail per row, and for the installation as a whole, with the reason in words.

A value outside its limit is recorded as it was measured: the report then says the
installation fails and why. A blank value of a required row fails as "not measured";
a blank optional row is open, and a row without a limit only records what was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from django.utils.translation import gettext as _

from keuzehulp.documents.labels import num
from keuzehulp.testreport.sheet import Row

Status = Literal["pass", "fail", "missing", "open", "recorded"]
FAILING = ("fail", "missing")
Value = float | bool | None

# Digits with at most one decimal separator, comma or point (the Dutch phone keyboard gives
# a comma); a tester's "above range" reading may start with ">" where a row allows it.
NUMBER = re.compile(r"^(?P<over>>)?\s*(?P<int>\d{1,7})(?:[.,](?P<frac>\d{1,6}))?$")


class Unreadable(ValueError):
    pass


def parse_number(text: str, *, over_ok: bool = False) -> float | None:
    """'0,35', '0.35', '12' → float; blank → None; anything else → :class:`Unreadable`."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        return None
    match = NUMBER.match(cleaned)
    if match is None or (match["over"] and not over_ok):
        raise Unreadable(cleaned)
    return float(f"{match['int']}.{match['frac'] or '0'}")


def judge(row: Row, value: Value) -> Status:
    if value is None or (row.kind == "bool" and value is False and row.optional):
        return "open" if row.optional else "missing"
    if row.kind == "bool":
        return "pass" if value is True else "fail"
    if not row.has_limit:
        return "recorded"
    return "pass" if row.limit().holds(float(value)) else "fail"


def limit_text(row: Row, lang: str) -> str:
    """'15–30 mA', '≤ 300 ms', '≥ 1 MΩ', or a note where the design sets no limit."""
    unit = f" {row.unit}" if row.unit else ""
    if row.kind == "bool":
        return _("ja")
    if row.low is not None and row.high is not None:
        text = f"{num(row.low, lang)}–{num(row.high, lang)}{unit}"
    elif row.high is not None:
        text = f"≤ {num(row.high, lang)}{unit}"
    elif row.low is not None:
        text = f"≥ {num(row.low, lang)}{unit}"
    else:
        return row.note.get(lang, "")
    note = row.note.get(lang, "")
    return f"{text} ({note})" if note and row.key.endswith(("riso_mohm", "trip_ma")) else text


def value_text(row: Row, value: Value, lang: str) -> str:
    if value is None:
        return "—"
    if row.kind == "bool":
        return _("ja") if value else _("nee")
    return f"{num(float(value), lang, 3)}{' ' + row.unit if row.unit else ''}"


def reason(row: Row, value: Value, status: Status, lang: str) -> str:
    """Why a row fails, in a sentence part: 'gemeten 412 ms, eis ≤ 300 ms'."""
    if status == "missing":
        return _("niet gemeten")
    if status != "fail":
        return ""
    if row.kind == "bool":
        return _("niet ingesteld")
    return _("gemeten %(value)s, eis %(limit)s") % {
        "value": value_text(row, value, lang),
        "limit": limit_text(row, lang),
    }


@dataclass
class Line:
    row: Row
    value: Value
    status: Status
    limit: str
    shown: str
    why: str
    subject: str
    what: str
    basis: str

    @property
    def failing(self) -> bool:
        return self.status in FAILING


def lines(rows: list[Row], values: dict[str, Any], lang: str) -> list[Line]:
    out = []
    for row in rows:
        value = values.get(row.key)
        status = judge(row, value)
        out.append(
            Line(
                row=row,
                value=value,
                status=status,
                limit=limit_text(row, lang),
                shown=value_text(row, value, lang),
                why=reason(row, value, status, lang),
                subject=row.subject.get(lang, ""),
                what=row.what.get(lang, ""),
                basis=row.basis.get(lang, ""),
            )
        )
    return out


def passed(found: list[Line]) -> bool:
    return not any(line.failing for line in found)


def statuses(rows: list[Row], values: dict[str, Any]) -> dict[str, Status]:
    return {row.key: judge(row, values.get(row.key)) for row in rows}
