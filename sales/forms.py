"""Forms of the quote flow: HTML input to clean values; every refusal is a message in the form."""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sales import pricing
from sales.models import Customer, QuoteLine, QuoteVersion, VatCategory


class OneLineField(forms.CharField):
    """A single line of text: control characters and line breaks are refused, not stored."""

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if any(unicodedata.category(char).startswith("C") for char in value or ""):
            raise forms.ValidationError(_("Gebruik één regel tekst zonder stuurtekens."))
        return value


class RequestForm(forms.Form):
    company = OneLineField(label=_("Bedrijf"), max_length=120)
    contact_name = OneLineField(label=_("Contactpersoon"), max_length=120)
    email = forms.EmailField(label=_("E-mail"))
    phone = OneLineField(label=_("Telefoon"), max_length=40, required=False)
    project_address = OneLineField(label=_("Projectadres"), max_length=200, required=False)
    wished_date = forms.DateField(
        label=_("Gewenste leverdatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    remarks = forms.CharField(
        label=_("Opmerkingen"), required=False, max_length=2000, widget=forms.Textarea
    )
    privacy = forms.BooleanField(
        label=_(
            "Ik heb de privacyverklaring gelezen: mijn gegevens worden alleen voor deze "
            "offerte gebruikt."
        ),
        error_messages={"required": _("Vink de privacyverklaring aan om te versturen.")},
    )

    def clean_wished_date(self) -> Any:
        value = self.cleaned_data.get("wished_date")
        today = timezone.localdate()
        if value is not None and not today <= value <= today + timedelta(days=3 * 365):
            raise forms.ValidationError(_("Kies een datum vanaf vandaag, binnen drie jaar."))
        return value


class CustomerForm(forms.ModelForm):
    name = OneLineField(label=_("Naam of bedrijf"), max_length=120)
    contact_name = OneLineField(label=_("Contactpersoon"), required=False, max_length=120)
    phone = OneLineField(label=_("Telefoon"), max_length=40, required=False)
    address = OneLineField(label=_("Adres"), max_length=200, required=False)

    class Meta:
        model = Customer
        fields = ["kind", "name", "contact_name", "email", "phone", "address"]
        fields += ["default_discount_pct", "language"]
        widgets = {"language": forms.Select(choices=[("nl", "Nederlands"), ("en", "English")])}


class VersionForm(forms.ModelForm):
    class Meta:
        model = QuoteVersion
        fields = ["introduction", "payment_terms", "deposit_pct", "validity_days"]
        fields += ["discount_kind", "discount_value"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 3}),
            "payment_terms": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        deposit = data.get("deposit_pct")
        if self.instance.is_consumer and deposit is not None and deposit > 50:
            self.add_error(
                "deposit_pct",
                _("Een particulier betaalt hoogstens 50 % vooruit (art. 7:26 lid 2 BW)."),
            )
        lines_net = None  # what a discount on the total is taken from
        if self.instance.pk is not None:
            lines = (line.pricing_input() for line in self.instance.lines.all())
            lines_net = pricing.totals(lines).lines_net
        _check_discount(self, data, lines_net)
        return data


def _check_discount(
    form: forms.BaseForm, data: dict[str, Any], amount_limit: Decimal | None
) -> None:
    """A discount between 0 and 100 %, and an amount no larger than what it is taken from:
    pricing would cap it silently, and the quote would not show what the seller typed."""
    from keuzehulp.wording import money

    kind, value = data.get("discount_kind"), data.get("discount_value")
    if value is None:
        return
    if value < 0:
        form.add_error("discount_value", _("Een korting is niet negatief."))
    elif kind == "pct" and value > 100:
        form.add_error("discount_value", _("Een percentage ligt tussen 0 en 100."))
    elif kind == "amount" and amount_limit is not None and value > amount_limit:
        form.add_error(
            "discount_value",
            _("Een korting van %(discount)s is meer dan het bedrag van %(limit)s excl. btw.")
            % {"discount": money(value), "limit": money(amount_limit)},
        )


class LineForm(forms.ModelForm):
    description = OneLineField(label=_("Omschrijving"), max_length=300)
    article = OneLineField(label=_("Artikelnummer"), max_length=64, required=False)
    unit = OneLineField(label=_("Eenheid"), max_length=12, initial="st")
    vat_category = forms.ModelChoiceField(
        label=_("Btw-categorie"), queryset=VatCategory.objects.all(), empty_label=None
    )

    class Meta:
        model = QuoteLine
        fields = ["group", "kind", "article", "description", "quantity", "unit", "unit_price"]
        fields += ["discount_kind", "discount_value", "vat_category"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        quantity, price = data.get("quantity"), data.get("unit_price")
        gross = (
            pricing.cents(quantity * price) if quantity is not None and price is not None else None
        )
        _check_discount(self, data, gross)
        return data


class DecisionForm(forms.Form):
    name = OneLineField(label=_("Uw naam"), max_length=120)
    email = forms.EmailField(label=_("Uw e-mailadres"))
    terms = forms.BooleanField(
        label=_("Ik ga akkoord met de offerte en de algemene voorwaarden."), required=False
    )
    decision = forms.ChoiceField(
        choices=[("accept", _("Accepteren")), ("decline", _("Afwijzen"))],
        widget=forms.HiddenInput,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "accept" and not data.get("terms"):
            self.add_error("terms", _("Vink de voorwaarden aan om te accepteren."))
        return data


class QuoteSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("alle")), *QuoteVersion.Status.choices],
    )
    since = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
