"""Findings about the battery modules: which, how many, where they stand, what they hold."""

from __future__ import annotations

from sizing.findings.inverter import NEXT_STEP
from sizing.findings.registry import Entry
from sizing.findings.sources import BROCHURE, SERIES_TABLE
from sizing.schema import Severity
from sizing.system.limits import grid_limits

ENTRIES = (
    Entry(
        "battery.module_unknown",
        Severity.ERROR,
        nl="Batterijmodule '{given}' staat niet in de catalogus. {next_step}",
        en="Battery module '{given}' is not in the catalogue. {next_step}",
        reference=f"{BROCHURE}, batterijmodules",
        choices={"next_step": NEXT_STEP},
    ),
    Entry(
        "battery.count_not_allowed",
        Severity.ERROR,
        nl="{count} × {module} kan niet op een {inverter}: toegestaan zijn {allowed:counts} "
        "modules. {why} Kies bijvoorbeeld {nearest:or} modules.",
        en="{count} × {module} is not allowed on a {inverter}: the allowed counts are "
        "{allowed:counts}. {why} Choose for example {nearest:or} modules.",
        reference=SERIES_TABLE,
        choices={
            "why": {
                "too_few": (
                    "De {inverter} heeft minimaal {minimum} modules nodig.",
                    "The {inverter} needs at least {minimum} modules.",
                ),
                "even_only": (
                    "Er staan maximaal {per_cluster} modules in serie per cluster; daarboven "
                    "komen ze in {max_clusters} gelijke clusters parallel, dus alleen even "
                    "aantallen.",
                    "At most {per_cluster} modules go in series per cluster; above that they "
                    "form {max_clusters} equal clusters in parallel, so only even counts.",
                ),
                "too_many": (
                    "Er passen maximaal {maximum} van deze modules op deze omvormer.",
                    "At most {maximum} of these modules fit this inverter.",
                ),
            }
        },
    ),
    Entry(
        "battery.mixed_modules",
        Severity.ERROR,
        nl="Eén systeem kan maar één type batterijmodule hebben; u combineert {modules:and}. "
        "De fabrikant geeft geen regel voor het mengen van types (andere capaciteit en stroom "
        "per module in één serieketen). Kies één type.",
        en="One system takes one battery module type; you combine {modules:and}. The "
        "manufacturer gives no rule for mixing types (different capacity and current per "
        "module in one series string). Choose one type.",
        reference=f"{BROCHURE}: geen regel voor het mengen van moduletypes; niet toegestaan",
    ),
    Entry(
        "battery.module_not_compatible",
        Severity.ERROR,
        nl="De {module} is niet vrijgegeven voor de {inverter}: de catalogus kent geen "
        "combinatie van deze module met deze omvormer. Geschikte modules: {suitable}.",
        en="The {module} is not approved for the {inverter}: the catalogue has no combination "
        "of this module with this inverter. Suitable modules: {suitable}.",
        reference=SERIES_TABLE,
        choices={
            "suitable": {
                "listed": ("{compatible:or}", "{compatible:or}"),
                "none": ("geen", "none"),
            }
        },
    ),
    Entry(
        "battery.indoor_only",
        Severity.ERROR,
        nl="De {module} is {ip} en mag alleen binnen staan: hij is niet beschermd tegen regen "
        "en vocht. Zet de batterijen binnen of kies {alternative} (geschikt voor buiten).",
        en="The {module} is {ip} and must stand indoors: it is not protected against rain and "
        "moisture. Put the batteries indoors or choose {alternative} (outdoor rated).",
        reference=f"{BROCHURE}, batterijmodules: IP-beschermingsklasse; IEC 60529",
        choices={
            "alternative": {
                "listed": ("{alternatives:or}", "{alternatives:or}"),
                "none": ("een module met IP65", "a module rated IP65"),
            }
        },
    ),
    Entry(
        "battery.temperature",
        Severity.ERROR,
        nl="Waar de batterijen staan kan het {min_ambient_c:n} °C worden; de {module} mag "
        "pas vanaf {module_min_c:n} °C werken. Daaronder staat hij buiten zijn werkgebied: hij "
        "laadt en ontlaadt niet en de fabrikant staat er niet voor in. Zet de modules op een "
        "warmere plek{alternative}.",
        en="It can get as cold as {min_ambient_c:n} °C where the batteries stand; the {module} "
        "may only operate from {module_min_c:n} °C. Below that it is outside its operating "
        "range: it will not charge or discharge and the manufacturer does not stand by it. Put "
        "the modules somewhere warmer{alternative}.",
        reference=f"{BROCHURE}, batterijmodules: temperatuurbereik (voetnoot **)",
        choices={
            "alternative": {
                "listed": (" of kies {alternatives:or}", " or choose {alternatives:or}"),
                "none": ("", ""),
            }
        },
    ),
    Entry(
        "battery.too_hot",
        Severity.ERROR,
        nl="Waar de batterijen staan kan het {max_ambient_c:n} °C worden; de {module} mag "
        "hoogstens {module_max_c:n} °C hebben. Warmer staat hij buiten zijn werkgebied en "
        "veroudert hij snel. Kies een koelere plek, uit de zon en niet op een zolder onder het "
        "dak.",
        en="It can get as hot as {max_ambient_c:n} °C where the batteries stand; the {module} "
        "may reach at most {module_max_c:n} °C. Warmer, it is outside its operating range and "
        "ages quickly. Choose a cooler place, out of the sun and not in a loft under the roof.",
        reference=f"{BROCHURE}, batterijmodules: temperatuurbereik (voetnoot **)",
    ),
    Entry(
        "battery.power_capped",
        Severity.WARNING,
        nl="{count} × {module} in {clusters} leveren {volts:n} V × {amperes:n} A = "
        "{battery_kw:n} kW; de {inverter} kan {inverter_kw:n} kW laden. De modules begrenzen "
        "het laad- en ontlaadvermogen; met meer modules (in serie of parallel) haalt het "
        "systeem het vermogen van de omvormer.",
        en="{count} × {module} in {clusters} give {volts:n} V × {amperes:n} A = "
        "{battery_kw:n} kW; the {inverter} can charge at {inverter_kw:n} kW. The modules cap "
        "the charge and discharge power; with more modules (in series or parallel) the system "
        "reaches the inverter's power.",
        reference=f"{BROCHURE}, batterijmodules: nominale spanning en max. laad-/ontlaadstroom; "
        "omvormer: max. batterijstroom en max. laadvermogen",
    ),
    Entry(
        "safety.pgs37",
        Severity.INFO,
        nl="Het systeem heeft {usable_kwh:n} kWh bruikbare capaciteit, meer dan "
        "{threshold_kwh:n} kWh. PGS 37-1 is voor woningen niet verplicht maar wel aangeraden "
        "(plaats, brandveiligheid, ventilatie); de verzekeraar kan ernaar vragen.",
        en="The system has {usable_kwh:n} kWh of usable capacity, more than {threshold_kwh:n} "
        "kWh. PGS 37-1 is not mandatory for homes but advised (location, fire safety, "
        "ventilation); the insurer may ask for it.",
        reference=lambda: grid_limits().pgs37_capacity.reference,
    ),
    Entry(
        "expansion.headroom",
        Severity.INFO,
        nl="{outlook}{parallel}",
        en="{outlook}{parallel}",
        reference=SERIES_TABLE,
        choices={
            "outlook": {
                "grow": (
                    "Later uitbreiden kan naar {next_counts:counts} modules van hetzelfde type, "
                    "tot {max_count} × {module} = {max_usable_kwh:n} kWh bruikbaar op de "
                    "{inverter}.",
                    "The system can grow later to {next_counts:counts} modules of the same "
                    "type, up to {max_count} × {module} = {max_usable_kwh:n} kWh usable on the "
                    "{inverter}.",
                ),
                "maximum": (
                    "Dit is het maximum op de {inverter}: {max_count} × {module} = "
                    "{max_usable_kwh:n} kWh bruikbaar. Meer capaciteit vraagt een tweede "
                    "systeem.",
                    "This is the maximum on the {inverter}: {max_count} × {module} = "
                    "{max_usable_kwh:n} kWh usable. More capacity needs a second system.",
                ),
            },
            "parallel": {
                "from": (
                    " Vanaf {first_parallel} modules in twee gelijke clusters parallel.",
                    " From {first_parallel} modules on, in two equal parallel clusters.",
                ),
                "none": ("", ""),
            },
        },
    ),
)
