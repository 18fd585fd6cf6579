"""What the installation planners share: the notes they collect and how they write numbers.

:class:`Notes` gathers findings, trace steps and bill-of-materials lines while
``plan`` walks through the circuits and the board, so each helper only adds
what it found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sizing.schema import Finding, Severity, TraceStep


def nl(value: float, decimals: int = 2) -> str:
    """A number as a Dutch reader writes it: 14,49; whole numbers without decimals."""
    return en(value, decimals).replace(".", ",")


def en(value: float, decimals: int = 2) -> str:
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def kf(value: float) -> str:
    """A correction factor the way the tables print it: two decimals, Dutch comma."""
    return f"{value:.2f}".replace(".", ",")


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
        step: str,
        value: str,
        basis: str,
        *,
        circuit: str | None = None,
        is_default: bool = False,
    ) -> TraceStep:
        item = TraceStep(
            step=step,
            value=value,
            basis=basis,
            circuit=circuit or self.circuit,
            is_default=is_default,
        )
        self.trace.append(item)
        return item

    def finding(
        self,
        code: str,
        severity: Severity,
        message: str,
        message_en: str,
        reference: str,
        *,
        circuit: str | None = None,
    ) -> None:
        self.findings.append(
            Finding(
                code=code,
                severity=severity,
                message=message,
                message_en=message_en,
                reference=reference,
                circuit=circuit or self.circuit,
            )
        )

    def line(self, article: str, quantity: float, category: str) -> None:
        """Add to the BoM; the same article twice becomes one line with the quantities summed."""
        for existing in self.lines:
            if existing.article == article and existing.category == category:
                existing.quantity += quantity
                return
        self.lines.append(PlannedLine(article, quantity, category))
