"""Findings about the bill of materials: articles the catalogue does not have."""

from __future__ import annotations

from sizing.findings.registry import Entry
from sizing.schema import Severity

ENTRIES = (
    Entry(
        "bom.article_unknown",
        Severity.WARNING,
        nl="Artikel {article} ({category}) staat niet in de catalogus en ontbreekt op de "
        "materiaallijst.",
        en="Article {article} ({category}) is not in the catalogue and is missing from the "
        "bill of materials.",
        reference="Catalogus (artikelnummers Vekto)",
    ),
    Entry(
        "bom.no_article",
        Severity.WARNING,
        nl="Geen artikel in de catalogus voor: {what}. Het staat niet op de materiaallijst; "
        "voeg het toe aan de catalogus of bestel het apart.",
        en="No catalogue article for: {what}. It is not on the bill of materials; add it to "
        "the catalogue or order it separately.",
        reference="catalogus (installatiematerialen)",
    ),
)
