"""How a registry entry turns named parameters into a Dutch and an English message.

An :class:`Entry` holds a finding's code, severity, reference and its text in
both languages as ``str.format`` templates over named parameters. The format
spec says how a value is written in each language, so numbers keep the
installer's notation (4,56 in Dutch, 4.56 in English) without the caller
formatting anything:

``{x}``         the value as text; a :class:`Phrase` in the message's language
``{x:n}``       a number with at most 2 decimals (``n0`` … ``n9`` for others)
``{x:n1 list}`` numbers, each with 1 decimal, joined by ", "
``{x:list}``    items joined by ", "
``{x:or}``      "a, b of c" / "a, b or c";  ``{x:and}``: "a en b" / "a and b"
``{x:counts}``  module counts as the brochure prints them: "1–6, 8 of 10"

A sentence that differs by case (a fix that depends on the connection, a part
that only applies with existing PV) is a *choice*: the parameter names one of
the entry's variants, each a (Dutch, English) pair of templates over the same
parameters.

Everything is checked when the entry is declared (unknown specs, a parameter
one language forgets) and when a finding is raised (missing or unexpected
parameters, an unknown variant), so a mistake fails at once, not in a PDF.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sizing.formatting import counts, number, pick, words
from sizing.schema import Severity

Variants = Mapping[str, tuple[str, str]]  # variant name -> (Dutch, English) template
Reference = str | Callable[[], str]

_NUMBER = re.compile(r"n(\d)?( list)?")
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_CODE = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")
# Finding.circuit is set by the caller, not written into the text.
RESERVED = frozenset({"circuit"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A parameter that is itself words, in both languages (an article description)."""

    nl: str
    en: str

    def __str__(self) -> str:
        return self.nl


@cache
def _writer(spec: str) -> Callable[[Any, str], str]:
    """The function that writes a value for ``spec`` in a language; ValueError if unknown."""
    if spec == "":
        return lambda value, lang: (
            pick(lang, value.nl, value.en) if isinstance(value, Phrase) else str(value)
        )
    if spec == "list":
        return lambda value, lang: ", ".join(str(v) for v in value)
    if spec == "or":
        return lambda value, lang: words(value, lang)
    if spec == "and":
        return lambda value, lang: words(value, lang, both=True)
    if spec == "counts":
        return lambda value, lang: counts(value, lang)
    match = _NUMBER.fullmatch(spec)
    if match is None:
        raise ValueError(f"unknown format spec {spec!r}")
    decimals = int(match.group(1) or 2)
    if match.group(2):
        return lambda value, lang: ", ".join(number(v, lang, decimals) for v in value)
    return lambda value, lang: number(value, lang, decimals)


Writer = Callable[[Any, str], str]
# A template, compiled: literal text, then the field that follows it (None at the end) and
# the writer of that field's spec.
Part = tuple[str, str | None, Writer | None]


@cache
def _compile(template: str) -> tuple[Part, ...]:
    """A template split into its parts, after checking each field's name and spec."""
    parts: list[Part] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            parts.append((literal, None, None))
            continue
        if not _NAME.fullmatch(name) or conversion:
            raise ValueError(f"field {{{name}}} in {template!r}: plain lowercase names only")
        parts.append((literal, name, _writer(spec or "")))
    return tuple(parts)


@cache
def _fields(template: str) -> frozenset[str]:
    """The parameter names a template uses."""
    return frozenset(name for _, name, _ in _compile(template) if name is not None)


def _fill(
    parts: tuple[Part, ...], params: Mapping[str, object], lang: str, chosen: Mapping[str, str]
) -> str:
    """A compiled template written out; a choice's field takes its variant's written text."""
    out = []
    for literal, name, write in parts:
        out.append(literal)
        if name is None or write is None:
            continue
        out.append(chosen[name] if name in chosen else write(params[name], lang))
    return "".join(out)


@dataclass(frozen=True)
class Entry:
    """One finding code: its severity, its text in both languages and where it comes from.

    ``reference`` is a text (it may use the parameters, as a table name), or a function
    that reads it from the data file holding the threshold or rule, so the number and its
    source cannot drift apart.
    """

    code: str
    severity: Severity
    nl: str
    en: str
    reference: Reference  # Dutch, like the first message
    choices: Mapping[str, Variants] = field(default_factory=dict)
    reference_en: Reference | None = None  # None: English readers get the Dutch reference
    # Worked out once in __post_init__: what raising the finding must and may pass.
    required: frozenset[str] = field(init=False)
    allowed: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        where = self.code
        if not _CODE.fullmatch(self.code):
            raise ValueError(f"{where}: a code is 'area.name' in lowercase")
        if not (self.nl.strip() and self.en.strip()):
            raise ValueError(f"{where}: Dutch and English text are both required")
        top = _same_fields(where, self.nl, self.en)
        if set(self.choices) - top:
            raise ValueError(f"{where}: choices {sorted(set(self.choices) - top)} are not used")
        reference = _fields(self.reference) if isinstance(self.reference, str) else frozenset()
        if isinstance(self.reference, str) and not self.reference.strip():
            raise ValueError(f"{where}: a reference is required")
        if isinstance(self.reference_en, str):
            reference |= _fields(self.reference_en)
        required = top | reference  # a choice's name is a parameter too: it names the variant
        allowed = set(required)
        for name, variants in self.choices.items():
            if not variants:
                raise ValueError(f"{where}: choice {name} has no variants")
            for variant, (nl, en) in variants.items():
                used = _same_fields(f"{where} {name}={variant}", nl, en)
                if used & set(self.choices):
                    raise ValueError(f"{where}: variant {name}={variant} uses another choice")
                allowed |= used
        if allowed & RESERVED:
            raise ValueError(f"{where}: {sorted(allowed & RESERVED)} is reserved")
        object.__setattr__(self, "required", frozenset(required))
        object.__setattr__(self, "allowed", frozenset(allowed))

    def params(self, choices: Mapping[str, str]) -> frozenset[str]:
        """The parameters this entry needs when its choices take the given variants."""
        needed = set(self.required)
        for name, variant in choices.items():
            nl, en = self.choices[name][variant]
            needed |= _fields(nl) | _fields(en)
        return frozenset(needed)

    def render(self, params: Mapping[str, object]) -> tuple[str, str, str, str]:
        """(Dutch message, English message, reference, English reference or "");
        TypeError/ValueError on bad params."""
        chosen = self._check(params)
        return (
            self._text(params, chosen, 0),
            self._text(params, chosen, 1),
            self._reference(self.reference, params),
            self._reference(self.reference_en, params) if self.reference_en else "",
        )

    def _check(self, params: Mapping[str, object]) -> dict[str, str]:
        """The variant each choice takes, after checking every parameter is there and used."""
        unexpected = params.keys() - self.allowed
        if unexpected:
            raise TypeError(f"{self.code}: unexpected parameter(s) {sorted(unexpected)}")
        missing = self.required - params.keys()
        chosen: dict[str, str] = {}
        if not missing:
            for name, variants in self.choices.items():
                variant = params[name]
                if variant not in variants:
                    raise ValueError(
                        f"{self.code}: {name}={variant!r} is not one of {sorted(variants)}"
                    )
                chosen[name] = str(variant)
            if chosen:
                missing = self.params(chosen) - params.keys()
        if missing:
            raise TypeError(f"{self.code}: missing parameter(s) {sorted(missing)}")
        return chosen

    def _text(self, params: Mapping[str, object], chosen: Mapping[str, str], index: int) -> str:
        lang = "nl" if index == 0 else "en"
        written = {
            name: _fill(_compile(self.choices[name][variant][index]), params, lang, {})
            for name, variant in chosen.items()
        }
        return _fill(_compile(self.nl if index == 0 else self.en), params, lang, written)

    @staticmethod
    def _reference(reference: Reference, params: Mapping[str, object]) -> str:
        if callable(reference):
            return reference()
        return _fill(_compile(reference), params, "nl", {})


def _same_fields(where: str, nl: str, en: str) -> frozenset[str]:
    dutch, english = _fields(nl), _fields(en)
    if dutch != english:
        raise ValueError(f"{where}: Dutch and English use different parameters ({dutch ^ english})")
    return dutch


def build(*areas: tuple[Entry, ...]) -> dict[str, Entry]:
    """One mapping from code to entry; a code declared twice is a mistake."""
    registry: dict[str, Entry] = {}
    for entries in areas:
        for entry in entries:
            if entry.code in registry:
                raise ValueError(f"{entry.code} is declared twice")
            registry[entry.code] = entry
    return registry
