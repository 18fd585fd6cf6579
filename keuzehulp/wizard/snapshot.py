"""What a saved configuration remembers of its result, and what changed since.

The stored request is the truth; the result is recomputed against the
current catalogue whenever the configuration is opened. The snapshot keeps
just enough of the result at saving time (totals, prices, findings, circuits
and a hash of all of it) to tell the reader in plain words what differs now.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from keuzehulp.wording import language, money, number
from sizing.schema import Design


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def snapshot(design: Design) -> dict[str, Any]:
    data: dict[str, Any] = {
        "valid": design.valid,
        "engine_version": design.engine_version,
        "catalog_version": design.catalog_version,
        "totals": (
            {
                "excl_vat_eur": _money(design.totals.excl_vat_eur),
                "vat_eur": _money(design.totals.vat_eur),
                "incl_vat_eur": _money(design.totals.incl_vat_eur),
            }
            if design.totals
            else None
        ),
        "bom": [
            {
                "article": line.article,
                "description": line.description,
                "description_en": line.description_en,
                "quantity": str(line.quantity),
                "unit_price_eur": str(line.unit_price_eur),
            }
            for line in design.bom
        ],
        "findings": [
            {
                "code": f.code,
                "severity": str(f.severity),
                "message": f.message,
                "message_en": f.message_en,
            }
            for f in design.findings
        ],
        "battery": (
            {
                "module": design.battery.module,
                "count": design.battery.count,
                "usable_kwh": design.battery.usable_kwh,
                "nominal_kwh": design.battery.nominal_kwh,
            }
            if design.battery
            else None
        ),
        "circuits": [
            {
                "name": c.name,
                "breaker_a": c.breaker.rating_a if c.breaker else None,
                "csa_mm2": c.cable.csa_mm2 if c.cable else None,
                "voltage_drop_pct": c.voltage_drop_pct,
            }
            for c in design.circuits
        ],
    }
    data["hash"] = result_hash(data)
    return data


def result_hash(data: dict[str, Any]) -> str:
    """A hash of what the installer sees; version labels left out, so only real changes count."""
    body = {k: v for k, v in data.items() if k not in {"hash", "engine_version", "catalog_version"}}
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()


def differences(config: Any, design: Design) -> list[str]:
    """What differs between the saved result and the result now, one sentence per change."""
    old = config.snapshot or {}
    new = snapshot(design)
    if old.get("hash") == new["hash"]:
        return []
    lang = language()
    texts: list[str] = []
    if config.engine_version != design.engine_version:
        texts.append(
            _("De rekenregels zijn bijgewerkt (versie %(old)s → %(new)s).")
            % {"old": config.engine_version, "new": design.engine_version}
        )
    if old.get("valid") != new["valid"]:
        texts.append(
            _("Het ontwerp was goedgekeurd en heeft nu een fout.")
            if old.get("valid")
            else _("Het ontwerp had een fout en is nu goedgekeurd.")
        )
    old_lines = {line["article"]: line for line in old.get("bom", [])}
    new_lines = {line["article"]: line for line in new["bom"]}

    def name(line: dict[str, Any]) -> str:
        return str(
            line.get("description_en")
            if lang == "en" and line.get("description_en")
            else line["description"]
        )

    for article, line in new_lines.items():
        before = old_lines.get(article)
        if before is None:
            texts.append(_("Nieuw op de materiaallijst: %(item)s.") % {"item": name(line)})
            continue
        if Decimal(before["unit_price_eur"]) != Decimal(line["unit_price_eur"]):
            texts.append(
                _("Prijs van %(item)s was %(old)s, nu %(new)s.")
                % {
                    "item": name(line),
                    "old": money(before["unit_price_eur"]),
                    "new": money(line["unit_price_eur"]),
                }
            )
        if Decimal(before["quantity"]) != Decimal(line["quantity"]):
            texts.append(
                _("Aantal van %(item)s was %(old)s, nu %(new)s.")
                % {
                    "item": name(line),
                    "old": number(before["quantity"]),
                    "new": number(line["quantity"]),
                }
            )
    for article, line in old_lines.items():
        if article not in new_lines:
            texts.append(_("Niet meer op de materiaallijst: %(item)s.") % {"item": name(line)})
    old_totals, new_totals = old.get("totals") or {}, new["totals"] or {}
    if old_totals.get("incl_vat_eur") != new_totals.get("incl_vat_eur"):
        texts.append(
            _("Totaal incl. btw was %(old)s, nu %(new)s.")
            % {
                "old": money(old_totals.get("incl_vat_eur")),
                "new": money(new_totals.get("incl_vat_eur")),
            }
        )
    old_codes = {f["code"]: f for f in old.get("findings", [])}
    new_codes = {f["code"]: f for f in new["findings"]}
    key = "message_en" if lang == "en" else "message"
    for code, finding in new_codes.items():
        if code not in old_codes:
            texts.append(_("Nieuwe melding: %(text)s") % {"text": finding[key]})
    for code, finding in old_codes.items():
        if code not in new_codes:
            texts.append(_("Vervallen melding: %(text)s") % {"text": finding[key]})
    old_circuits = {c["name"]: c for c in old.get("circuits", [])}
    for circuit in new["circuits"]:
        before = old_circuits.get(circuit["name"])
        if before is not None and before != circuit:
            texts.append(
                _("Stroomkring %(name)s is anders berekend dan bij het opslaan.")
                % {"name": circuit["name"]}
            )
    if not texts:
        texts.append(_("Het resultaat wijkt af van het opgeslagen resultaat."))
    return texts
