"""The trace of the heat calculation: each step with its numbers filled in and its source."""

from __future__ import annotations

from sizing import tables
from sizing.installation.board import thermal
from sizing.notes import Notes, both
from sizing.schema import BoardHeat

METHOD_NAMES = {
    "iec_tr_60890_small": (
        "IEC TR 60890, kleine kast (Ae ≤ 1,25 m²)",
        "IEC TR 60890, small enclosure (Ae ≤ 1.25 m²)",
    ),
    "iec_tr_60890_large": (
        "IEC TR 60890, kast met Ae > 1,25 m², zonder ventilatie",
        "IEC TR 60890, enclosure with Ae > 1.25 m², unventilated",
    ),
    "surface": (
        "oppervlaktemethode (buiten het bereik van de TR-krommen)",
        "surface method (outside the range of the TR's curves)",
    ),
}
DIGITISED = (
    "constanten gedigitaliseerd uit de figuren van de TR door derden (graad C), te controleren "
    "tegen IEC TR 60890:2022",
    "constants digitised from the TR's figures by a third party (grade C), to be checked "
    "against IEC TR 60890:2022",
)


def mounting_name(mounting: str) -> tuple[str, str]:
    entry = thermal.constants()["mountings"][mounting]
    return entry["nl"], entry["en"]


def explain(heat: BoardHeat, notes: Notes) -> None:
    data = thermal.constants()
    table = tables.read_table("diversity.csv").header
    defaults = heat.defaults_used
    notes.step(
        "board.heat_diversity",
        ("Belastingsfactor groepenkast", "Diversity factor of the board"),
        both(
            lambda n: n.t(
                f"{heat.ordinary_circuits} gewone groepen → {n.k(heat.diversity_factor)}; "
                "thuisbatterij, PV, laadpaal en warmtepomp: 1",
                f"{heat.ordinary_circuits} ordinary circuits → {n.k(heat.diversity_factor)}; "
                "home battery, PV, EV charger and heat pump: 1",
            )
        ),
        (
            "IEC 61439-3 tabel 101, belastingsfactor van installatieverdelers voor leken, zoals "
            f"Schneider (Planungskompendium) die weergeeft, graad {table['grade']}; factor 1 "
            "voor groepen die urenlang vol belast zijn",
            "IEC 61439-3 Table 101, rated diversity factor of distribution boards for ordinary "
            f"persons, as restated by Schneider (Planungskompendium), grade {table['grade']}; "
            "factor 1 for circuits loaded fully for hours",
        ),
    )
    notes.step(
        "board.heat_losses",
        ("Vermogensverlies apparaten", "Power loss of the devices"),
        both(
            lambda n: n.t(
                f"Σ polen · P_pool · (Ib/In)² = {n(heat.device_loss_w)} W over "
                f"{len(heat.devices)} apparaten, waarvan {defaults} met standaardwaarde",
                f"Σ poles · P_pole · (Ib/In)² = {n(heat.device_loss_w)} W over "
                f"{len(heat.devices)} devices, {defaults} of them with the default",
            )
        ),
        (
            "verlies per pool bij In uit de catalogus (fabrikant), anders de gedocumenteerde "
            "standaardwaarde per soort apparaat; I²R-schaling naar de bedrijfsstroom",
            "loss per pole at In from the catalogue (maker), else the documented default per "
            "kind of device; I²R scaling to the operating current",
        ),
        is_default=defaults > 0,
    )
    notes.step(
        "board.heat_wiring",
        ("Bedrading en kamrail", "Wiring and busbar"),
        both(
            lambda n: (
                f"{n(heat.device_loss_w)} W × (1 + {n(heat.wiring_allowance_fraction)}) = "
                f"{n(heat.total_loss_w)} W"
            )
        ),
        (
            "toeslag van ongeveer 30 % voor geleiders, kamrails en aansluitingen (Schneider "
            "System P-catalogus p. 333, graad B)",
            data["wiring_allowance"]["source"],
        ),
    )
    mounting = mounting_name(heat.mounting)
    notes.step(
        "board.heat_enclosure",
        ("Koelend oppervlak kast", "Cooling surface of the enclosure"),
        both(
            lambda n: (
                f"{n(heat.width_mm, 0)} × {n(heat.height_mm, 0)} × {n(heat.depth_mm, 0)} mm, "
                f"{mounting[0] if n.language == 'nl' else mounting[1]}: Ae = Σ A0 · b = "
                f"{n(heat.cooling_surface_m2, 3)} m²"
            )
        ),
        (
            "IEC TR 60890 oppervlaktefactor b: boven vrij 1,4, bedekt 0,7; zijkant vrij 0,9, "
            "bedekt 0,5; bodem 0 (gelijk aan Rittal A = 1,4·B·(H+D) + 1,8·D·H voor een "
            "wandkast, graad B)"
            + ("; maten aangenomen, niet van de fabrikant" if heat.dimensions_are_default else ""),
            data["surface_factors_b"]["source"]
            + ("; dimensions assumed, not the maker's" if heat.dimensions_are_default else ""),
        ),
        is_default=heat.dimensions_are_default,
    )
    method = METHOD_NAMES[heat.method]
    if heat.k is not None and heat.c is not None and heat.x is not None:
        k, c, x, mid = heat.k, heat.c, heat.x, heat.rise_mid_k or 0.0
        notes.step(
            "board.heat_rise",
            ("Temperatuurstijging lucht", "Temperature rise of the air"),
            both(
                lambda n: (
                    f"Δt{n.t('0,5', '0.5')} = k · d · P^x = {n(k, 3)} · 1 · "
                    f"{n(heat.total_loss_w)}^{n(x, 3)} = {n(mid)} K; Δt{n.t('1,0', '1.0')} = "
                    f"c · Δt{n.t('0,5', '0.5')} = {n(c, 3)} · {n(mid)} = {n(heat.rise_top_k)} K"
                )
            ),
            (
                f"{method[0]}; {DIGITISED[0]}; geventileerd gerekend als ongeventileerd",
                f"{method[1]}; {DIGITISED[1]}; ventilated computed as unventilated",
            ),
        )
    notes.step(
        "board.heat_surface",
        ("Controle met k · A", "Check with k · A"),
        both(
            lambda n: (
                f"ΔT = P / (k · A) = {n(heat.total_loss_w)} / ({n(heat.surface_k_w_per_m2k)} · "
                f"{n(heat.cooling_surface_m2, 3)}) = {n(heat.surface_rise_k)} K"
            )
        ),
        (
            "Rittal Systemhandbuch: k = 5,5 W/m²K voor gelakt staal (graad B); kunststof 3,5 "
            "W/m²K is een aanname (niet gevonden)",
            data["surface_method"]["source"],
        ),
        is_default=heat.material != "steel",
    )
    notes.step(
        "board.heat_top",
        ("Luchttemperatuur bovenin de kast", "Air temperature at the top of the board"),
        both(
            lambda n: n.t(
                f"{n(heat.ambient_c)} °C + {n(heat.rise_top_k)} K = {n(heat.top_c, 1)} °C; "
                f"referentie automaten {n(heat.reference_c)} °C, grens {n(heat.limit_c)} °C",
                f"{n(heat.ambient_c)} °C + {n(heat.rise_top_k)} K = {n(heat.top_c, 1)} °C; "
                f"breaker reference {n(heat.reference_c)} °C, limit {n(heat.limit_c)} °C",
            )
        ),
        (
            "omgeving: "
            + (
                "aanname 35 °C, het hoogste 24-uursgemiddelde waarvoor IEC 61439-1 een verdeler "
                "ontwerpt (zoals aangehaald, graad C); voor een meterkast is geen waarde "
                "gevonden, dus de uitkomst valt eerder te hoog dan te laag uit"
                if heat.ambient_is_default
                else "opgave installateur"
            )
            + "; automaten geijkt bij 30 °C (IEC 60898-1, Hager, graad B); grens: "
            + (
                "60 °C, hoogste temperatuur met reductie van fabrikanten (Memshield 2; "
                "Schneider-voorbeeld, graad B)"
                if heat.limit_is_default
                else "kastfabrikant"
            ),
            "ambient: "
            + (
                data["temperatures"]["ambient_source"]
                if heat.ambient_is_default
                else "given by the installer"
            )
            + "; "
            + data["temperatures"]["reference_source"]
            + "; limit: "
            + (
                data["temperatures"]["limit_source"]
                if heat.limit_is_default
                else "the enclosure's maker"
            ),
        ),
        is_default=heat.ambient_is_default,
    )
