"""The English catalogue is complete and compiled: no Dutch leaks into the English UI."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def entries(text: str) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) for every entry of a .po file, header and obsolete ones skipped."""
    result = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        current = None
        parts: dict[str, str] = {"msgid": "", "msgstr": ""}
        for line in lines:
            match = re.match(r'^(msgid|msgstr|msgid_plural|msgstr\[\d\])\s+"(.*)"$', line)
            if match:
                current = match.group(1).split("[")[0].replace("msgid_plural", "msgid")
                parts[current] = parts.get(current, "") + match.group(2)
            elif line.startswith('"') and current:
                parts[current] += line[1:-1]
        if parts["msgid"]:
            result.append((parts["msgid"], parts["msgstr"], fuzzy))
    return result


def test_every_dutch_text_has_an_english_translation() -> None:
    untranslated = [
        msgid for msgid, msgstr, fuzzy in entries(PO.read_text()) if not msgstr or fuzzy
    ]
    assert untranslated == []


def test_the_compiled_catalogue_matches_its_source() -> None:
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        msgid
        for msgid, msgstr, _fuzzy in entries(PO.read_text())
        if "%" not in msgid and compiled.gettext(unescape(msgid)) != unescape(msgstr)
    ]
    assert stale == []


def unescape(text: str) -> str:
    """A .po string literal's escapes (\\n, \\") turned into the characters they stand for."""
    return str(ast.literal_eval(f'"{text}"'))
