"""What a backup design relies on in island operation (IEC 60364-5-55 551.4, 551.6).

With the grid gone the inverter is the only source: its fault current is
limited to about its rated output, far below what trips a circuit-breaker
instantaneously, so automatic disconnection rests on the backup RCD, and an
RCD only sees an earth fault when the island's neutral is bonded to PE. The
catalogue does not say how the inverter or the BackupBox makes that bond, so the
design states the reliance and the commissioning page asks to verify it.
"""

from __future__ import annotations

from sizing.domain import Inverter
from sizing.installation.fault import ia_of
from sizing.notes import Notes, both
from sizing.schema import Circuit, DesignRequest

_551_4 = (
    "IEC 60364-5-55 551.4: bescherming door automatische afschakeling ook als de "
    "opwekeenheid de enige bron is (tekst van de norm niet ingezien; samenvatting "
    "IEC 60364-5-55:2011 op mealir.com, graad B)",
    "IEC 60364-5-55 551.4: protection by automatic disconnection also where the generating set "
    "is the only source (standard text not read; IEC 60364-5-55:2011 summary at mealir.com, "
    "grade B)",
)
_551_6 = (
    "IEC 60364-5-55 551.6: een opwekeenheid als omschakelbare vervanging van het net mag niet "
    "parallel met het net werken (tekst van de norm niet ingezien); BackupBox: automatische "
    "omschakeling binnen 10 ms (brochure, smile-g3-catalog.md §3)",
    "IEC 60364-5-55 551.6: a generating set as a switched alternative to the public supply must "
    "not run in parallel with it (standard text not read); BackupBox: automatic transfer within "
    "10 ms (brochure, smile-g3-catalog.md §3)",
)


def island_steps(
    request: DesignRequest, inverter: Inverter, circuits: list[Circuit], notes: Notes
) -> None:
    backup = next((c for c in circuits if c.name == "backup"), None)
    if request.backup == "none" or backup is None:
        return
    name = backup.name
    notes.step(
        "island.n_pe",
        ("Eilandbedrijf: N–PE-verbinding", "Island mode: N–PE bond"),
        (
            "het ontwerp rekent erop dat N en PE aan de noodstroomzijde verbonden zijn zolang het "
            "net weg is (in de omvormer of de BackupBox); hoe de fabrikant dat doet staat niet in "
            "de catalogus: controleren bij de inbedrijfstelling",
            "the design relies on N and PE being bonded on the backup side while the grid is "
            "away (in the inverter or the BackupBox); how the maker does it is not in the "
            "catalogue: verify at commissioning",
        ),
        _551_4,
        circuit=name,
        is_default=True,
    )
    current = backup.design_current_a
    breaker, rcd = backup.breaker, backup.rcd
    ia = ia_of(breaker.curve, breaker.rating_a) if breaker is not None else None
    sensitivity = rcd.sensitivity_ma if rcd is not None else None
    notes.step(
        "island.disconnection",
        ("Eilandbedrijf: automatische afschakeling", "Island mode: automatic disconnection"),
        both(
            lambda n: (
                n.t(
                    f"de omvormer levert ongeveer zijn nominale stroom ({n(current)} A)",
                    f"the inverter supplies about its rated current ({n(current)} A)",
                )
                + (
                    n.t(
                        f", ver onder Ia = {n(ia)} A van de automaat",
                        f", far below the breaker's Ia = {n(ia)} A",
                    )
                    if ia is not None
                    else ""
                )
                + n.t(
                    ": afschakelen bij een aardfout gebeurt door de aardlekbeveiliging",
                    ": an earth fault is disconnected by the RCD",
                )
                + (f" ({n(sensitivity)} mA)" if sensitivity is not None else "")
            )
        ),
        _551_4,
        circuit=name,
        is_default=inverter.max_ac_current_a is None,
    )
    notes.step(
        "island.no_parallel",
        ("Eilandbedrijf: geen parallelbedrijf met het net", "Island mode: no parallel operation"),
        (
            "de netzijde wordt gescheiden voordat de omvormer de noodstroomgroepen voedt; "
            "controleren: geen spanning op de netaansluiting van de backupzijde bij netuitval",
            "the grid side is disconnected before the inverter feeds the backup circuits; "
            "verify: no voltage on the backup side's grid terminals during a grid outage",
        ),
        _551_6,
        circuit=name,
    )
