"""Sales records: customers, requests, quotes with frozen versions, and orders.

A sent quote version copies every figure it prints into its own rows (pretix's invoice
pattern) and is never edited: a change is a new version with the same number and "-v2".
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sales import pricing

# Defined beside (sales/seller.py); imported here so they are this app's models.
from sales.seller import SellerSettings as SellerSettings
from sales.seller import VatCategory as VatCategory


class FrozenError(RuntimeError):
    """A sent quote version (or a line of it) may not change."""


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Customer(models.Model):
    class Kind(models.TextChoices):
        BUSINESS = "business", _("zakelijk (prijzen excl. btw)")
        CONSUMER = "consumer", _("particulier (prijzen incl. btw)")

    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.BUSINESS)
    name = models.CharField(_("naam of bedrijf"), max_length=120)
    contact_name = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    address = models.CharField(_("adres"), max_length=200, blank=True)
    default_discount_pct = models.DecimalField(
        _("standaardkorting (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    language = models.CharField(_("taal"), max_length=8, default="nl")
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("klant")
        verbose_name_plural = _("klanten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_consumer(self) -> bool:
        return self.kind == self.Kind.CONSUMER


class QuoteRequest(models.Model):
    """An installer's "Offerte aanvragen / bestellen": a saved design and who to answer."""

    class Status(models.TextChoices):
        NEW = "new", _("nieuw")
        QUOTED = "quoted", _("offerte gemaakt")
        CLOSED = "closed", _("afgehandeld")

    reference = models.CharField(_("kenmerk"), max_length=24, unique=True)
    configuration = models.ForeignKey(
        "keuzehulp.Configuration", on_delete=models.PROTECT, verbose_name=_("ontwerp")
    )
    company = models.CharField(_("bedrijf"), max_length=120)
    contact_name = models.CharField(_("contactpersoon"), max_length=120)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    project_address = models.CharField(_("projectadres"), max_length=200, blank=True)
    wished_date = models.DateField(_("gewenste leverdatum"), null=True, blank=True)
    remarks = models.TextField(_("opmerkingen"), blank=True, max_length=2000)
    privacy_accepted_at = models.DateTimeField(_("privacyverklaring gelezen op"))
    language = models.CharField(_("taal"), max_length=8, default="nl")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("ontvangen op"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("offerteaanvraag")
        verbose_name_plural = _("offerteaanvragen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference


class Quote(models.Model):
    number = models.CharField(_("offertenummer"), max_length=24, unique=True)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, verbose_name=_("klant"))
    request = models.ForeignKey(
        QuoteRequest, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("aanvraag")
    )
    configuration = models.ForeignKey(
        "keuzehulp.Configuration", on_delete=models.PROTECT, verbose_name=_("ontwerp")
    )
    project_address = models.CharField(_("projectadres"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("offerte")
        verbose_name_plural = _("offertes")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.number

    @property
    def latest(self) -> QuoteVersion:
        return self.versions.latest("version")


class QuoteVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("concept")
        SENT = "sent", _("verstuurd")
        ACCEPTED = "accepted", _("geaccepteerd")
        DECLINED = "declined", _("afgewezen")
        SUPERSEDED = "superseded", _("vervangen door nieuwe versie")

    class Discount(models.TextChoices):
        NONE = "", _("geen")
        PCT = "pct", _("percentage")
        AMOUNT = "amount", _("bedrag")

    # Fields a sent version may still change: what the customer decided, and the voiding.
    DECISION_FIELDS = frozenset(
        {"status", "decided_name", "decided_email", "decided_at", "decided_ip"}
        | {"decided_user_agent", "decided_hash"}
    )

    quote = models.ForeignKey(Quote, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    customer_kind = models.CharField(_("soort klant"), max_length=10, choices=Customer.Kind.choices)
    introduction = models.TextField(_("inleiding"), blank=True, max_length=4000)
    payment_terms = models.TextField(_("betalingsvoorwaarden"), blank=True, max_length=2000)
    deposit_pct = models.DecimalField(
        _("aanbetaling (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    validity_days = models.PositiveSmallIntegerField(
        _("geldig (dagen)"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    discount_kind = models.CharField(
        _("korting op totaal"), max_length=8, choices=Discount.choices, blank=True, default=""
    )
    discount_value = models.DecimalField(
        _("korting op totaal (waarde)"), default=Decimal("0.00"), max_digits=12, decimal_places=2
    )
    # Frozen at "Versturen": what was designed, priced, printed and sent.
    design_request = models.JSONField(_("ontwerpvraag"), null=True, blank=True)
    design = models.JSONField(_("ontwerp"), null=True, blank=True)
    engine_version = models.CharField(_("versie rekenregels"), max_length=32, blank=True)
    catalog_version = models.CharField(_("versie catalogus"), max_length=64, blank=True)
    customer_snapshot = models.JSONField(_("klant bij verzenden"), null=True, blank=True)
    seller_snapshot = models.JSONField(_("verkoper bij verzenden"), null=True, blank=True)
    totals = models.JSONField(_("totalen"), null=True, blank=True)
    pdf = models.BinaryField(_("pdf"), null=True, blank=True, editable=False)
    pdf_sha256 = models.CharField(_("SHA-256 van de pdf"), max_length=64, blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    valid_until = models.DateField(_("geldig tot"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    decided_name = models.CharField(_("naam"), max_length=120, blank=True)
    decided_email = models.EmailField(_("e-mail"), blank=True)
    decided_at = models.DateTimeField(_("beslist op"), null=True, blank=True)
    decided_ip = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    decided_user_agent = models.CharField(_("browser"), max_length=400, blank=True)
    decided_hash = models.CharField(_("kenmerk geaccepteerde versie"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("offerteversie")
        verbose_name_plural = _("offerteversies")
        ordering = ["quote", "version"]
        constraints = [
            models.UniqueConstraint(fields=["quote", "version"], name="one_row_per_version")
        ]

    def __str__(self) -> str:
        return self.label

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = QuoteVersion.objects.filter(pk=self.pk, sent_at__isnull=False).exists()
            fields = kwargs.get("update_fields")
            if stored and (fields is None or not set(fields) <= self.DECISION_FIELDS):
                raise FrozenError(f"{self.label} was sent and cannot change")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self.is_frozen:
            raise FrozenError(f"{self.label} was sent and cannot be deleted")
        return super().delete(*args, **kwargs)

    @property
    def label(self) -> str:
        return self.quote.number if self.version == 1 else f"{self.quote.number}-v{self.version}"

    @property
    def is_frozen(self) -> bool:
        return self.sent_at is not None

    @property
    def is_consumer(self) -> bool:
        return self.customer_kind == Customer.Kind.CONSUMER

    def compute_totals(self) -> pricing.Totals:
        return pricing.totals(
            [line.pricing_input() for line in self.lines.all()],
            self.discount_kind,
            self.discount_value,
        )


class QuoteLine(models.Model):
    class Group(models.TextChoices):
        MATERIAL = "material", _("Materiaal")
        LABOUR = "labour", _("Arbeid")
        OTHER = "other", _("Overig")

    class Kind(models.TextChoices):
        PRODUCT = "product", _("artikel uit het ontwerp")
        LABOUR = "labour", _("arbeid (uren × tarief)")
        PROVISIONAL = "provisional", _("stelpost")
        FREE = "free", _("vrije regel")

    version = models.ForeignKey(QuoteVersion, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    group = models.CharField(_("groep"), max_length=10, choices=Group.choices)
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    article = models.CharField(_("artikelnummer"), max_length=64, blank=True)
    is_generic = models.BooleanField(_("generiek artikel"), default=False)
    description = models.CharField(_("omschrijving"), max_length=300)
    quantity = models.DecimalField(
        _("aantal"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(99999))],
    )
    unit = models.CharField(_("eenheid"), max_length=12, default="st")
    unit_price = models.DecimalField(
        _("stukprijs excl. btw"),
        max_digits=12,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(10_000_000))],
    )
    discount_kind = models.CharField(
        _("korting"), max_length=8, choices=QuoteVersion.Discount.choices, blank=True, default=""
    )
    discount_value = models.DecimalField(
        _("korting (waarde)"),
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal(0))],
        max_digits=12,
        decimal_places=2,
    )
    vat_category = models.ForeignKey(
        VatCategory, on_delete=models.PROTECT, verbose_name=_("btw-categorie")
    )
    # Copied from the category when the line is saved: a sent line keeps the rate it was sent at.
    vat_rate = models.DecimalField(_("btw-tarief"), max_digits=5, decimal_places=4)
    net_total = models.DecimalField(
        _("regeltotaal excl. btw"), default=Decimal("0.00"), max_digits=12, decimal_places=2
    )

    class Meta:
        verbose_name = _("offerteregel")
        verbose_name_plural = _("offerteregels")
        ordering = ["version", "position", "pk"]

    def __str__(self) -> str:
        return self.description

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.version.is_frozen:
            raise FrozenError(f"{self.version.label} was sent; its lines cannot change")
        self.vat_rate = self.vat_category.rate
        self.net_total = self.amounts().net
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self.version.is_frozen:
            raise FrozenError(f"{self.version.label} was sent; its lines cannot change")
        return super().delete(*args, **kwargs)

    def pricing_input(self) -> pricing.LineInput:
        return pricing.LineInput(
            quantity=self.quantity,
            unit_price=self.unit_price,
            vat_rate=self.vat_rate,
            discount_kind=self.discount_kind,
            discount_value=self.discount_value,
        )

    def amounts(self) -> pricing.LineAmounts:
        return pricing.line_amounts(self.pricing_input())


class Order(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("nieuw")
        CONFIRMED = "confirmed", _("bevestigd")
        DELIVERED = "delivered", _("geleverd")
        CANCELLED = "cancelled", _("geannuleerd")

    number = models.CharField(_("ordernummer"), max_length=24, unique=True)
    version = models.OneToOneField(
        QuoteVersion, on_delete=models.PROTECT, related_name="order", verbose_name=_("offerte")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.number


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(_("regel"))
    article = models.CharField(_("artikelnummer"), max_length=64)
    description = models.CharField(_("omschrijving"), max_length=300)
    quantity = models.DecimalField(_("aantal"), max_digits=10, decimal_places=2)
    unit = models.CharField(_("eenheid"), max_length=12)
    is_generic = models.BooleanField(_("generiek artikel"), default=False)

    class Meta:
        verbose_name = _("orderregel")
        verbose_name_plural = _("orderregels")
        ordering = ["order", "position"]

    def __str__(self) -> str:
        return f"{self.article} × {self.quantity}"
