"""Reference texts more than one finding (or a trace step) cites, written once."""

from __future__ import annotations

BROCHURE = "Vekto-brochure AlphaESS SMILE G3 (2025)"
SERIES_TABLE = (
    f"{BROCHURE}, specificaties per omvormerfamilie: 'Aantal modules in serie' en voetnoot ****"
    " (max. 6 modules per cluster in serie, tot 2 clusters parallel)"
)
COORDINATION = "IEC 60364-4-43:2008 433.1"
PREFERRED_RATINGS = "IEC 60898-1 (voorkeurswaarden nominale stroom)"
SELECTIVITY_REFERENCE = (
    "Gepubliceerde tabel hoofdzekering → grootste groep (energiekennisbank.nl, hanvossolar.nl); "
    "daarbuiten de vuistregel groep ≤ hoofdzekering / 1,6 (toegeschreven aan NEN 1010 535.1 of "
    "Netcode art. 2.13.1, niet geverifieerd); gG-zekeringen zijn selectief bij 1,6:1 "
    "(Lawson Fuses)"
)
RCD_REFERENCE = (
    "NEN 1010:2015 531.2 (min. 2 aardlekschakelaars bij 2 of meer eindgroepen; max. 4 "
    "eindgroepen per 30 mA); vervallen in NEN 1010:2020, Fedet en Hager adviseren ze te blijven "
    "toepassen"
)
RCD_REFERENCE_EN = (
    "NEN 1010:2015 531.2 (at least 2 RCDs with 2 or more final circuits; at most 4 final "
    "circuits per 30 mA RCD); removed in NEN 1010:2020, Fedet and Hager advise to keep "
    "applying it"
)
