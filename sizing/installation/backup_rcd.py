"""Residual-current protection on the backup side, by the same rules as the grid port.

The backup port is the same transformerless inverter as the grid port: a type A device
there needs the same manufacturer's declaration (no DC residual current above 6 mA) as on
the grid port. Socket outlets the backup side feeds need 30 mA additional protection
(NEN 1010 411.3.3); the backup protection next to the inverter is 100 mA.
"""

from __future__ import annotations

from sizing import tables
from sizing.domain import Inverter
from sizing.installation.materials import Materials
from sizing.notes import Notes, Text, both

# A stricter type detects everything a weaker one does (IEC 62423: B ⊃ F ⊃ A).
_RANK = {"A": 0, "F": 1, "B": 2}


def inverter_rcd_type(inverter: Inverter) -> tuple[str, Text, bool]:
    """The RCD type either port of this inverter needs, its basis, and whether it rests on a
    default (no declaration of the manufacturer in the catalogue)."""
    if inverter.rcd_type_a_permitted:
        return (
            "A",
            (
                f"catalogus: de fabrikant verklaart dat type A volstaat ({inverter.source})",
                f"catalogue: the manufacturer declares type A sufficient ({inverter.source})",
            ),
            False,
        )
    rule = tables.rule("inverter_rcd_type")
    unknown = inverter.rcd_type_a_permitted is None
    if unknown:
        why = (
            "de catalogus kent geen verklaring van de fabrikant",
            "the catalogue holds no declaration of the manufacturer",
        )
    else:
        why = ("de fabrikant eist type B", "the manufacturer requires type B")
    return str(rule.value), (f"{rule.basis_nl}; {why[0]}", f"{rule.basis}; {why[1]}"), unknown


def check_backup_rcd_type(
    inverter: Inverter,
    device_type: str,
    rating_a: float | None,
    curve: str,
    sensitivity_ma: float | None,
    materials: Materials,
    notes: Notes,
    circuit: str,
) -> None:
    """Trace the type the backup port needs; a warning when the planned device is weaker."""
    needed, basis, is_default = inverter_rcd_type(inverter)
    notes.step(
        "backup.rcd_type",
        ("Type aardlekbeveiliging noodstroompoort", "Backup-port RCD type"),
        (needed, needed),
        basis,
        circuit=circuit,
        is_default=is_default,
    )
    if _RANK.get(device_type, -1) >= _RANK[needed]:
        return
    stronger = None
    if rating_a is not None and sensitivity_ma is not None:
        stronger = materials.rcbo(needed, sensitivity_ma, rating_a, curve, inverter.phases)
    notes.finding(
        "backup.rcd_type",
        circuit=circuit,
        device_type=device_type,
        needed=needed,
        inverter=inverter.system_code,
        alternative="article" if stronger is not None else "none",
        article=stronger.article if stronger is not None else "",
        name=stronger.name("nl") if stronger is not None else "",
    )


def protect_backup_sockets(
    inverter: Inverter, ib: float, materials: Materials, notes: Notes, circuit: str
) -> None:
    """30 mA ahead of the distribution unit's socket outlets, which the 100 mA backup
    protection does not give."""
    rule = tables.rule("rcd_sensitivity_ma")
    sensitivity = float(rule.value)
    needed, _, _ = inverter_rcd_type(inverter)
    device = materials.rcd(needed, sensitivity, ib, inverter.phases)
    title = ("Aanvullende bescherming wandcontactdozen", "Additional protection of sockets")
    if device is None:
        notes.finding(
            "backup.sockets_unprotected",
            circuit=circuit,
            sensitivity_ma=sensitivity,
            rcd_type=needed,
            poles=2 if inverter.phases == 1 else 4,
            ib=ib,
        )
        return
    notes.line(device.article, 1, "backup")
    notes.step(
        "backup.socket_rcd",
        title,
        both(
            lambda n: (
                f"{device.article}: {n(device.rating_a)} A, {n(device.sensitivity_ma)} mA, "
                f"type {device.rcd_type.value}, "
                + n.t("vóór de noodstroom verdeelunit", "ahead of the backup distribution unit")
            )
        ),
        rule.bases,
        circuit=circuit,
    )
