"""What the installation planners share: the notes they collect and how they write numbers.

:class:`Notes` gathers findings, trace steps and bill-of-materials lines while
``plan`` walks through the circuits and the board, so each helper only adds
what it found. Every trace step is written twice, Dutch and English, as a
:data:`Text` pair; :func:`both` writes a text whose languages differ only in how
they write numbers (14,49 A against 14.49 A) from one template.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sizing.findings import finding
from sizing.formatting import number
from sizing.schema import Finding, TraceStep

Text = tuple[str, str]  # (Dutch, English)


def nl(value: float, decimals: int = 2) -> str:
    """A number as a Dutch reader writes it: 14,49; whole numbers without decimals."""
    return number(value, "nl", decimals)


def en(value: float, decimals: int = 2) -> str:
    return number(value, "en", decimals)


def kf(value: float) -> str:
    """A correction factor the way the tables print it: two decimals, Dutch comma."""
    return number(value, "nl", 2, strip=False)


def kf_en(value: float) -> str:
    return number(value, "en", 2, strip=False)


@dataclass(frozen=True, slots=True)
class Writer:
    """Writes numbers (and, where a template needs one, a word) in one language."""

    language: str

    def __call__(self, value: float, decimals: int = 2) -> str:
        return nl(value, decimals) if self.language == "nl" else en(value, decimals)

    def k(self, value: float) -> str:
        """A correction factor with two decimals: 0,87 / 0.87."""
        return kf(value) if self.language == "nl" else kf_en(value)

    def t(self, dutch: str, english: str) -> str:
        return dutch if self.language == "nl" else english


NL = Writer("nl")
EN = Writer("en")


def both(write: Callable[[Writer], str]) -> Text:
    """One template written in both languages: ``both(lambda n: f"{n(ib)} A")``."""
    return write(NL), write(EN)


@dataclass
class PlannedLine:
    """A BoM line before pricing: the article and how many of it."""

    article: str
    quantity: float
    category: str


@dataclass
class Notes:
    circuit: str | None = None  # the default circuit of every step and finding
    findings: list[Finding] = field(default_factory=list)
    trace: list[TraceStep] = field(default_factory=list)
    lines: list[PlannedLine] = field(default_factory=list)

    def step(
        self,
        key: str,
        step: Text,
        value: Text,
        basis: Text,
        *,
        circuit: str | None = None,
        is_default: bool = False,
    ) -> TraceStep:
        item = trace_step(
            key, step, value, basis, circuit=circuit or self.circuit, is_default=is_default
        )
        self.trace.append(item)
        return item

    def finding(self, code: str, /, *, circuit: str | None = None, **params: object) -> None:
        """Raise the registry's finding ``code`` (see :mod:`sizing.findings`) about ``circuit``."""
        self.findings.append(finding(code, circuit=circuit or self.circuit, **params))

    def line(self, article: str, quantity: float, category: str) -> None:
        """Add to the BoM; the same article twice becomes one line with the quantities summed."""
        for existing in self.lines:
            if existing.article == article and existing.category == category:
                existing.quantity += quantity
                return
        self.lines.append(PlannedLine(article, quantity, category))


def trace_step(
    key: str,
    step: Text,
    value: Text,
    basis: Text,
    *,
    circuit: str | None = None,
    is_default: bool = False,
) -> TraceStep:
    """A trace step in both languages: Dutch in step/value/basis, English in the *_en fields.

    ``key`` names the kind of step ("cable.k_temp") for whoever looks it up; the title may change.
    """
    return TraceStep(
        key=key,
        step=step[0],
        value=value[0],
        basis=basis[0],
        step_en=step[1],
        value_en=value[1],
        basis_en=basis[1],
        circuit=circuit,
        is_default=is_default,
    )
