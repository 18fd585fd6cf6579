"""The report's form: one field per row of the sheet, plus who measured, when and with what.

Numbers are typed as text so a Dutch phone's comma is read as well as a point; what is not
a number comes back as a field error on the re-rendered page, never as an exception.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from keuzehulp.testreport.sheet import Row
from keuzehulp.testreport.verdict import Unreadable, parse_number
from sizing.text import unprintable


class MeasurementField(forms.CharField):
    def __init__(self, *, over_ok: bool = False, **kwargs: Any) -> None:
        self.over_ok = over_ok
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"})
        return attrs

    def clean(self, value: Any) -> float | None:  # type: ignore[override]
        text = super().clean(value)
        try:
            return parse_number(text or "", over_ok=self.over_ok)
        except Unreadable:
            raise forms.ValidationError(
                _("Vul een getal in, bijvoorbeeld 0,35 (komma of punt)."), code="number"
            ) from None


def _line(value: str) -> str:
    if unprintable(value):
        raise forms.ValidationError(
            _("Bevat onzichtbare stuurtekens; typ het opnieuw op één regel.")
        )
    return " ".join(value.split())


class ReportForm(forms.Form):
    measured_by = forms.CharField(label=_("Gemeten door"), max_length=120, required=False)
    measured_on = forms.DateField(
        label=_("Datum van de metingen"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    )
    instrument_model = forms.CharField(
        label=_("Meetinstrument (merk en type)"), max_length=120, required=False
    )
    instrument_serial = forms.CharField(label=_("Serienummer"), max_length=60, required=False)

    def __init__(self, rows: list[Row], *args: Any, with_priorities: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            if row.kind == "bool":
                self.fields[row.key] = forms.BooleanField(required=False, label=row.what["nl"])
            else:
                self.fields[row.key] = MeasurementField(over_ok=row.over_ok, label=row.what["nl"])
        if with_priorities:
            self.fields["backup_priorities"] = forms.CharField(
                label=_("Noodstroomverbruikers in volgorde van prioriteit"),
                max_length=1000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def clean_measured_by(self) -> str:
        return _line(self.cleaned_data["measured_by"])

    def clean_instrument_model(self) -> str:
        return _line(self.cleaned_data["instrument_model"])

    def clean_instrument_serial(self) -> str:
        return _line(self.cleaned_data["instrument_serial"])

    def clean_measured_on(self) -> date | None:
        day: date | None = self.cleaned_data["measured_on"]
        if day is not None and day > timezone.localdate() + timedelta(days=1):
            raise forms.ValidationError(_("De datum van de metingen ligt in de toekomst."))
        if day is not None and day.year < 2000:
            raise forms.ValidationError(_("Vul de datum van de metingen in."))
        return day

    def clean_backup_priorities(self) -> str:
        text: str = self.cleaned_data["backup_priorities"]
        lines = [" ".join(line.split()) for line in text.splitlines()]
        if any(unprintable(line) for line in lines):
            raise forms.ValidationError(_("Bevat onzichtbare stuurtekens; typ het opnieuw."))
        return "\n".join(line for line in lines if line)

    def values(self) -> dict[str, Any]:
        """The measured values by row key (call after ``is_valid``; invalid fields are left out)."""
        data = getattr(self, "cleaned_data", {})
        return {row.key: data[row.key] for row in self.rows if row.key in data}

    def require_signature(self) -> bool:
        """Afronden needs who, when and which instrument: a report nobody signed proves nothing."""
        missing = {
            "measured_by": _("Vul in wie heeft gemeten."),
            "measured_on": _("Vul de datum van de metingen in."),
            "instrument_model": _("Vul het meetinstrument in."),
            "instrument_serial": _("Vul het serienummer van het meetinstrument in."),
        }
        ok = True
        for name, message in missing.items():
            if name in self.cleaned_data and not self.cleaned_data[name]:
                self.add_error(name, message)
                ok = False
        return ok
