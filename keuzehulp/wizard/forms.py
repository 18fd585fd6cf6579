"""Forms of the wizard: HTML input in, domain values (the draft's answers) out.

Numbers accept the Dutch decimal comma ("4,5") as well as a point. Choices
that the engine refuses for this site are validated in the step (with the
engine's reason), not here: a form only knows what a value looks like.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from keuzehulp.wizard.draft import (
    BackupAnswers,
    BatteryAnswers,
    CablingAnswers,
    InverterAnswers,
    SiteAnswers,
)
from keuzehulp.wording import money, number, quantity
from sizing.schema import CableRun, Connection, ExistingPV
from sizing.text import code_points, unprintable

MAIN_FUSES = ["1x25", "1x35", "1x40", "3x25", "3x35", "3x40", "3x50", "3x63", "3x80"]


def fuse_label(value: str) -> str:
    phases, amps = value.split("x")
    return f"{phases}×{amps} A"


def fuse_value(connection: Connection) -> str:
    return f"{connection.phases}x{connection.main_fuse_a:g}"


class DecimalInput(forms.TextInput):
    """A text box with the numeric keyboard on phones; type=number refuses the Dutch comma."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})


class NumberField(forms.FloatField):
    """A float typed as "4,5" or "4.5"; shown in the active language's notation.

    The bounds are checked here rather than by Django's validators, whose message writes
    the limit as Python does ("0.5"); an installer reads "minstens 0,5 m".
    """

    widget = DecimalInput

    def __init__(
        self,
        *,
        min_value: float | None = None,
        max_value: float | None = None,
        unit: str = "",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("localize", True)
        super().__init__(**kwargs)
        self.low, self.high, self.unit = min_value, max_value, unit

    def _limit(self, value: float) -> str:
        if self.unit == "€":
            return money(value)
        return quantity(value, self.unit) if self.unit else number(value)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        if self.low is not None and value < self.low:
            raise forms.ValidationError(
                _("Vul minstens %(limit)s in."),
                code="min_value",
                params={"limit": self._limit(self.low)},
            )
        if self.high is not None and value > self.high:
            raise forms.ValidationError(
                _("Vul hoogstens %(limit)s in."),
                code="max_value",
                params={"limit": self._limit(self.high)},
            )

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)
        attrs.pop("min", None)
        attrs.pop("max", None)
        return attrs


class WholeNumberField(forms.IntegerField):
    # In the words of NumberField's limits, not Django's "Zorg ervoor dat deze waarde ...".
    default_error_messages = {
        "min_value": _("Vul minstens %(limit_value)s in."),
        "max_value": _("Vul hoogstens %(limit_value)s in."),
    }

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs["inputmode"] = "numeric"
        return attrs


EVERY_FIELD = "*"


class WizardForm(forms.Form):
    """Django marks invalid fields (aria-invalid, aria-describedby) itself; labels end bare."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def input_names(self) -> set[str]:
        """The names this form reads from a post (a step with rows adds theirs)."""
        return set(self.fields)

    def keep_errors_of(self, touched: set[str]) -> None:
        """Say nothing yet about fields the installer has not left or submitted.

        A live preview validates the whole form on every keystroke; "Kies een omvormer."
        while the installer is still typing a target only gets in the way. Call after
        the form has been validated.
        """
        if EVERY_FIELD in touched:
            return
        for name in list(self.errors):
            if name not in touched:
                del self.errors[name]


# --------------------------------------------------------------------------- 1 aansluiting


class SiteForm(WizardForm):
    project_reference = forms.CharField(
        label=_("Projectreferentie"),
        required=False,
        max_length=120,
        help_text=_("Optioneel: naam of adres van de klant, of uw eigen projectnummer."),
    )
    main_fuse = forms.ChoiceField(
        label=_("Hoofdzekering"),
        choices=[(v, fuse_label(v)) for v in MAIN_FUSES],
        help_text=_(
            "Staat op de hoofdzekering of het typeplaatje van de aansluiting in de meterkast, "
            "en op de energienota als aansluitwaarde (bijvoorbeeld 3×25 A)."
        ),
    )
    earthing = forms.ChoiceField(
        label=_("Aardingsstelsel"),
        choices=[("TN-C-S", "TN-C-S"), ("TT", "TT"), ("unknown", _("onbekend"))],
        initial="unknown",
        widget=forms.RadioSelect,
    )
    pv = forms.ChoiceField(
        label=_("Bestaande zonnepanelen"),
        choices=[("none", _("Geen")), ("yes", _("Ja"))],
        initial="none",
        widget=forms.RadioSelect,
    )
    pv_kw = NumberField(
        label=_("Vermogen PV-omvormer (kW)"),
        required=False,
        unit="kW",
        min_value=0.1,
        max_value=100,
    )
    pv_phase = forms.ChoiceField(
        label=_("Fase van de PV-omvormer"),
        choices=[("L1", "L1"), ("L2", "L2"), ("L3", "L3"), ("3P", _("3-fase"))],
        initial="L1",
        required=False,
    )
    location = forms.ChoiceField(
        label=_("Waar komt de batterij te staan?"),
        choices=[("indoor", _("Binnen")), ("outdoor", _("Buiten"))],
        initial="indoor",
        widget=forms.RadioSelect,
    )
    min_ambient_c = NumberField(
        label=_("Laagste temperatuur daar (°C)"),
        required=False,
        unit="°C",
        min_value=-40,
        max_value=40,
        help_text=_("Bijvoorbeeld 5 in een onverwarmde garage, −15 buiten."),
    )
    max_ambient_c = NumberField(
        label=_("Hoogste temperatuur daar (°C)"),
        required=False,
        unit="°C",
        min_value=-20,
        max_value=70,
        help_text=_(
            "Bijvoorbeeld 30 in een bijkeuken, 45 op een zolder onder het dak in de zomer."
        ),
    )

    def clean_project_reference(self) -> str:
        reference: str = self.cleaned_data["project_reference"]
        found = unprintable(reference)
        if found:
            # Usually pasted from a spreadsheet or a PDF; the characters are invisible.
            raise forms.ValidationError(
                _(
                    "De projectreferentie bevat onzichtbare stuurtekens (%(chars)s), "
                    "bijvoorbeeld uit geplakte tekst. Typ de referentie opnieuw op één regel."
                ),
                code="unprintable",
                params={"chars": code_points(found)},
            )
        return reference

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        # A power that is there but wrong already has its own message.
        missing = data.get("pv_kw") in (None, "") and "pv_kw" not in self.errors
        if data.get("pv") == "yes" and missing:
            self.add_error("pv_kw", _("Vul het vermogen van de bestaande PV in."))
        low, high = data.get("min_ambient_c"), data.get("max_ambient_c")
        if low is not None and high is not None and high < low:
            self.add_error("max_ambient_c", _("De hoogste temperatuur is lager dan de laagste."))
        return data

    def answers(self) -> SiteAnswers:
        data = self.cleaned_data
        phases, amps = data["main_fuse"].split("x")
        pv = None
        if data["pv"] == "yes":
            phase = data.get("pv_phase") or "L1"
            pv = ExistingPV(power_kw=data["pv_kw"], phase=phase if phases == "3" else "L1")
        return SiteAnswers(
            project_reference=data["project_reference"].strip(),
            connection=Connection(
                phases=int(phases), main_fuse_a=float(amps), earthing=data["earthing"]
            ),
            existing_pv=pv,
            location=data["location"],
            min_ambient_c=data.get("min_ambient_c"),
            max_ambient_c=data.get("max_ambient_c"),
        )

    @staticmethod
    def initial_from(answers: SiteAnswers | None) -> dict[str, Any]:
        if answers is None:
            return {}
        pv = answers.existing_pv
        return {
            "project_reference": answers.project_reference,
            "main_fuse": fuse_value(answers.connection),
            "earthing": answers.connection.earthing,
            "pv": "yes" if pv is not None else "none",
            "pv_kw": pv.power_kw if pv is not None else None,
            "pv_phase": pv.phase if pv is not None else "L1",
            "location": answers.location,
            "min_ambient_c": answers.min_ambient_c,
            "max_ambient_c": answers.max_ambient_c,
        }


# --------------------------------------------------------------------------- 2 omvormer


class InverterForm(WizardForm):
    inverter = forms.CharField(
        label=_("Omvormer"),
        max_length=64,
        error_messages={"required": _("Kies een omvormer.")},
    )
    target_usable_kwh = NumberField(
        label=_("Gewenste capaciteit (kWh)"), required=False, unit="kWh", min_value=1, max_value=200
    )
    target_power_kw = NumberField(
        label=_("Gewenst vermogen (kW)"), required=False, unit="kW", min_value=1, max_value=50
    )
    budget_excl_vat_eur = NumberField(
        label=_("Budget voor het systeem (€, excl. btw)"),
        required=False,
        unit="€",
        min_value=1,
        max_value=1_000_000,
        help_text=_("Omvormer, modules en noodstroom; installatiemateriaal komt erbij."),
    )
    must_have_backup = forms.BooleanField(label=_("Moet noodstroom hebben"), required=False)

    def answers(self) -> InverterAnswers:
        data = self.cleaned_data
        return InverterAnswers(
            inverter=data["inverter"],
            target_usable_kwh=data.get("target_usable_kwh"),
            target_power_kw=data.get("target_power_kw"),
            budget_excl_vat_eur=_euros(data.get("budget_excl_vat_eur")),
            must_have_backup=bool(data.get("must_have_backup")),
        )

    def preferences(self) -> dict[str, Any]:
        """Targets, budget and backup as typed, even before an inverter is chosen (for ranking);
        a value that does not validate yet counts as not given."""
        values: dict[str, Any] = {}
        for name in ("target_usable_kwh", "target_power_kw", "budget_excl_vat_eur"):
            field = self.fields[name]
            try:
                values[name] = field.clean(field.widget.value_from_datadict(self.data, {}, name))
            except forms.ValidationError:
                values[name] = None
        values["budget_excl_vat_eur"] = _euros(values["budget_excl_vat_eur"])
        box = self.fields["must_have_backup"]
        values["must_have_backup"] = bool(
            box.clean(box.widget.value_from_datadict(self.data, {}, "must_have_backup"))
        )
        return values

    @staticmethod
    def initial_from(answers: InverterAnswers | None) -> dict[str, Any]:
        if answers is None:
            return {}
        initial = answers.model_dump()
        if answers.budget_excl_vat_eur is not None:
            initial["budget_excl_vat_eur"] = float(answers.budget_excl_vat_eur)
        return initial


def _euros(value: float | None) -> Decimal | None:
    """A typed amount as money: whole cents, never a float."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


# --------------------------------------------------------------------------- 3 batterij


class BatteryForm(WizardForm):
    module = forms.CharField(
        label=_("Batterijmodule"), max_length=64, error_messages={"required": _("Kies een module.")}
    )
    count = WholeNumberField(
        label=_("Aantal modules"),
        min_value=1,
        max_value=64,
        error_messages={"required": _("Kies het aantal modules.")},
    )

    def answers(self) -> BatteryAnswers:
        return BatteryAnswers(module=self.cleaned_data["module"], count=self.cleaned_data["count"])

    @staticmethod
    def initial_from(answers: BatteryAnswers | None) -> dict[str, Any]:
        return {} if answers is None else answers.model_dump()


# --------------------------------------------------------------------------- 4 noodstroom


class BackupForm(WizardForm):
    backup = forms.ChoiceField(
        label=_("Noodstroom"),
        choices=[
            ("none", _("Geen noodstroom")),
            ("distribution_unit", _("Noodstroom verdeelunit")),
            ("backup_box", _("BackupBox 63A BB Plus")),
        ],
        initial="none",
        widget=forms.RadioSelect,
    )
    shutdown_kit = forms.BooleanField(
        label=_("Afschakelset: spanningsloos schakelen vanuit de groepenkast"), required=False
    )

    def answers(self) -> BackupAnswers:
        return BackupAnswers(
            backup=self.cleaned_data["backup"], shutdown_kit=self.cleaned_data["shutdown_kit"]
        )

    @staticmethod
    def initial_from(answers: BackupAnswers | None) -> dict[str, Any]:
        return {} if answers is None else answers.model_dump()


# --------------------------------------------------------------------------- 6 bekabeling

# The method's code first: on a phone the closed select still shows it when the words run out.
METHODS = [
    ("B1", _("B1 · VD in buis in steen of op de wand")),
    ("A1", _("A1 · VD in buis in een geïsoleerde wand")),
    ("B2", _("B2 · Kabel in buis op of in de wand")),
    ("A2", _("A2 · Kabel in buis in een geïsoleerde wand")),
    ("C", _("C · Kabel op de wand")),
    ("E", _("E · Kabel vrij in de lucht of op een kabelgoot")),
    ("D1", _("D1 · In de grond in mantelbuis")),
    ("D2", _("D2 · Kabel direct in de grond")),
]
CABLE_TYPES = [
    ("VD", _("VD-draad, PVC (70 °C)")),
    ("YMvK", _("YMvK-kabel, PVC (70 °C)")),
    ("XMvK", _("XMvK-kabel, XLPE (90 °C)")),
]
INSULATION = {"VD": "PVC", "YMvK": "PVC", "XMvK": "XLPE"}
# The methods each type may lie in, as the catalogue had them before it said otherwise
# (fixtures/00_cable_types.json); the step passes the live catalogue's.
TYPE_METHODS: dict[str, tuple[str, ...]] = {
    "VD": ("A1", "B1"),
    "YMvK": ("A2", "B2", "C", "D1", "D2", "E"),
    "XMvK": ("A2", "B2", "C", "D1", "D2", "E"),
}
CABLE_PARTS = ("length_m", "method", "cable_type", "ambient_c", "grouped_circuits")


class MethodSelect(forms.Select):
    """The method's options name the cable types that may lie that way, so the page's script
    offers only the methods of the chosen type (the form refuses the others without it)."""

    def __init__(self, types_by_method: dict[str, str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.types_by_method = types_by_method

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        option["attrs"]["data-types"] = self.types_by_method.get(str(value), "")
        return option


class CablingForm(WizardForm):
    max_voltage_drop_pct = NumberField(
        label=_("Maximale spanningsval (%)"),
        unit="%",
        min_value=0.1,
        max_value=5,
        initial=1.0,
        help_text=_("Streefwaarde voor de kabel van groepenkast tot omvormer; gebruikelijk 1 %."),
    )

    def __init__(
        self,
        *args: Any,
        backup: str = "none",
        type_methods: dict[str, tuple[str, ...]] | None = None,
        type_insulation: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.type_methods = TYPE_METHODS if type_methods is None else type_methods
        self.type_insulation = INSULATION if type_insulation is None else type_insulation
        types_by_method = {
            method: " ".join(t for t, methods in self.type_methods.items() if method in methods)
            for method, _label in METHODS
        }
        type_choices = [(c, label) for c, label in CABLE_TYPES if c in self.type_methods]
        self.runs = ["ac"] if backup == "none" else ["ac", "backup"]
        # The distribution unit comes with its own fixed cable; a cable of one's own is optional.
        self.backup_optional = backup == "distribution_unit"
        if self.backup_optional:
            self.fields["backup_own_cable"] = forms.BooleanField(
                label=_("Ik leg een eigen kabel naar de noodstroom verdeelunit"),
                required=False,
                help_text=_(
                    "Zonder eigen kabel gebruikt u de vaste kabel van 2 m van de verdeelunit."
                ),
            )
        for run in self.runs:
            self.fields[f"{run}_length_m"] = NumberField(
                label=_("Lengte (m)"),
                unit="m",
                min_value=0.5,
                max_value=500,
                required=not (run == "backup" and self.backup_optional),
            )
            self.fields[f"{run}_method"] = forms.ChoiceField(
                label=_("Hoe ligt de kabel?"),
                choices=METHODS,
                initial="B1",
                widget=MethodSelect(types_by_method, attrs={"data-method-of": f"{run}_cable_type"}),
            )
            self.fields[f"{run}_cable_type"] = forms.ChoiceField(
                label=_("Kabel- of draadsoort"),
                choices=type_choices,
                initial="VD",
                help_text=_(
                    "Het type bepaalt de isolatie en hoe het mag liggen: VD-draad alleen in "
                    "buis, kabel ook op de wand, in de lucht of in de grond."
                ),
            )
            self.fields[f"{run}_ambient_c"] = NumberField(
                label=_("Omgevingstemperatuur (°C)"),
                unit="°C",
                min_value=-30,
                max_value=80,
                initial=30,
                help_text=_("In de grond (D1, D2) de grondtemperatuur, meestal 20 °C."),
            )
            self.fields[f"{run}_grouped_circuits"] = WholeNumberField(
                label=_("Aantal gebundelde stroomkringen"),
                min_value=1,
                max_value=20,
                initial=1,
                help_text=_(
                    "Stroomkringen die samen in dezelfde buis of bundel liggen, deze meegeteld."
                ),
            )

    def run_fields(self, run: str) -> list[forms.BoundField]:
        return [self[f"{run}_{part}"] for part in CABLE_PARTS] if run in self.runs else []

    @property
    def ac_fields(self) -> list[forms.BoundField]:
        return self.run_fields("ac")

    @property
    def backup_fields(self) -> list[forms.BoundField]:
        return self.run_fields("backup")

    def _cable(self, run: str) -> CableRun:
        data = self.cleaned_data
        cable_type = data[f"{run}_cable_type"]
        return CableRun(
            length_m=data[f"{run}_length_m"],
            method=data[f"{run}_method"],
            cable_type=cable_type,
            insulation=self.type_insulation[cable_type],
            ambient_c=data[f"{run}_ambient_c"],
            grouped_circuits=data[f"{run}_grouped_circuits"],
        )

    def has_backup_cable(self) -> bool:
        if "backup" not in self.runs:
            return False
        return not self.backup_optional or bool(self.cleaned_data.get("backup_own_cable"))

    def _check_method(self, run: str) -> None:
        """A type lies only where it may (IEC 60364-5-52 Table 52.1): VD never on the wall."""
        data = self.cleaned_data
        cable_type, method = data.get(f"{run}_cable_type"), data.get(f"{run}_method")
        allowed = self.type_methods.get(cable_type or "", ())
        if cable_type and method and method not in allowed:
            self.add_error(
                f"{run}_method",
                _("%(type)s mag zo niet liggen; kies %(allowed)s.")
                % {"type": cable_type, "allowed": ", ".join(allowed)},
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        for run in self.runs:
            self._check_method(run)
        if self.has_backup_cable() and data.get("backup_length_m") is None:
            if "backup_length_m" not in self.errors:
                self.add_error("backup_length_m", _("Vul de lengte van de noodstroomkabel in."))
        elif "backup" in self.runs and not self.has_backup_cable():
            # Fields of a cable that is not laid cannot make the form invalid.
            for part in CABLE_PARTS:
                self.errors.pop(f"backup_{part}", None)
        return data

    def answers(self) -> CablingAnswers:
        return CablingAnswers(
            ac_cable=self._cable("ac"),
            backup_cable=self._cable("backup") if self.has_backup_cable() else None,
            max_voltage_drop_pct=self.cleaned_data["max_voltage_drop_pct"],
        )

    @staticmethod
    def initial_from(answers: CablingAnswers | None) -> dict[str, Any]:
        if answers is None:
            return {}
        initial: dict[str, Any] = {
            "max_voltage_drop_pct": answers.max_voltage_drop_pct,
            "backup_own_cable": answers.backup_cable is not None,
        }
        for run, cable in (("ac", answers.ac_cable), ("backup", answers.backup_cable)):
            if cable is None:
                continue
            initial.update(
                {
                    f"{run}_length_m": cable.length_m,
                    f"{run}_method": cable.method,
                    f"{run}_cable_type": cable.cable_type
                    or ("XMvK" if cable.insulation == "XLPE" else "VD"),
                    f"{run}_ambient_c": cable.ambient_c,
                    f"{run}_grouped_circuits": cable.grouped_circuits,
                }
            )
        return initial
