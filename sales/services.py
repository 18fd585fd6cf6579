"""What sales do, one function per action: request, quote, new version, send, decide, order.

Views and commands call these; they hold the rules (what may change when, which number,
what is frozen). The design comes from the engine through the saved configuration's request;
nothing here computes an electrical value.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from pydantic import ValidationError

from catalog.services import load_catalog
from keuzehulp.models import Configuration
from keuzehulp.wizard import options
from keuzehulp.wizard.snapshot import snapshot
from sales import numbering
from sales.models import (
    Customer,
    Order,
    OrderLine,
    Quote,
    QuoteLine,
    QuoteRequest,
    QuoteVersion,
    SellerSettings,
    VatCategory,
)
from sizing.schema import Design, DesignRequest
from sizing.text import LENIENT


class NotAllowed(Exception):
    """An action the quote's state forbids; the message says why, in the reader's language."""


def design_of(request_json: dict[str, Any]) -> Design | None:
    """The design of a stored request against today's catalogue; None if it no longer parses."""
    try:
        stored = DesignRequest.model_validate(request_json, context=LENIENT)
    except ValidationError:
        return None
    return options.run_design(stored, load_catalog())


def save_configuration(request: DesignRequest, design: Design, lang: str) -> Configuration:
    result = snapshot(design)
    return Configuration.objects.create(
        project_reference=request.project_reference,
        request=request.model_dump(mode="json"),
        engine_version=design.engine_version,
        catalog_version=design.catalog_version,
        snapshot=result,
        snapshot_hash=result["hash"],
        language=lang,
    )


@transaction.atomic
def create_request(configuration: Configuration, data: dict[str, Any], lang: str) -> QuoteRequest:
    return QuoteRequest.objects.create(
        reference=numbering.next_number(numbering.REQUEST),
        configuration=configuration,
        company=data["company"],
        contact_name=data["contact_name"],
        email=data["email"],
        phone=data.get("phone", ""),
        project_address=data.get("project_address", ""),
        wished_date=data.get("wished_date"),
        remarks=data.get("remarks", ""),
        privacy_accepted_at=timezone.now(),
        language=lang,
    )


def _lines_from_design(
    version: QuoteVersion, design: Design, discount_pct: Decimal, lang: str
) -> None:
    """The design's bill of materials and the labour, written in the customer's language."""
    vat = VatCategory.default()
    # Each article at the VAT rate the catalogue gives it, as the dossier's bill of materials
    # prints it; the default category where its rate matches or no category has the rate.
    by_rate = {vat.rate: vat}
    for category in VatCategory.objects.order_by("code"):
        by_rate.setdefault(category.rate, category)
    seller = SellerSettings.load()
    english = lang[:2] == "en"
    position = 10
    for bom in design.bom:
        QuoteLine.objects.create(
            version=version,
            position=position,
            group=QuoteLine.Group.MATERIAL,
            kind=QuoteLine.Kind.PRODUCT,
            article=bom.article,
            is_generic=bom.is_generic,
            description=bom.description_en if english and bom.description_en else bom.description,
            quantity=bom.quantity,
            unit=bom.unit,
            unit_price=bom.unit_price_eur,
            discount_kind="pct" if discount_pct else "",
            discount_value=discount_pct,
            vat_category=by_rate.get(bom.vat_rate, vat),
        )
        position += 10
    with translation.override("en" if english else "nl"):
        QuoteLine.objects.create(
            version=version,
            position=position,
            group=QuoteLine.Group.LABOUR,
            kind=QuoteLine.Kind.LABOUR,
            description=_("Installatie en inbedrijfstelling"),
            quantity=seller.default_labour_hours,
            unit=_("uur"),
            unit_price=seller.hourly_rate_eur,
            vat_category=vat,
        )


@transaction.atomic
def create_quote(
    configuration: Configuration,
    customer: Customer,
    *,
    request: QuoteRequest | None = None,
    user: Any = None,
) -> Quote:
    design = design_of(configuration.request)
    if design is None:
        raise NotAllowed(_("Dit ontwerp kan niet meer worden geopend; vraag een nieuw ontwerp."))
    seller = SellerSettings.load()
    quote = Quote.objects.create(
        number=numbering.next_number(numbering.QUOTE),
        customer=customer,
        request=request,
        configuration=configuration,
        project_address=request.project_address if request else "",
        created_by=user,
    )
    version = QuoteVersion.objects.create(
        quote=quote,
        customer_kind=customer.kind,
        validity_days=seller.validity_days,
        payment_terms=(
            seller.payment_terms_consumer if customer.is_consumer else seller.payment_terms_business
        ),
        deposit_pct=Decimal(50) if customer.is_consumer else Decimal(0),
    )
    _lines_from_design(version, design, customer.default_discount_pct, customer.language or "nl")
    if request is not None:
        request.status = QuoteRequest.Status.QUOTED
        request.save(update_fields=["status"])
    return quote


@transaction.atomic
def new_version(quote: Quote) -> QuoteVersion:
    """A draft copy of the latest version; the sent one it replaces can no longer be accepted."""
    latest = QuoteVersion.objects.select_for_update().filter(quote=quote).order_by("-version")[0]
    if not latest.is_frozen:
        return latest
    if latest.status == QuoteVersion.Status.ACCEPTED:
        raise NotAllowed(_("Deze offerte is geaccepteerd; maak een nieuwe offerte."))
    if latest.status == QuoteVersion.Status.SENT:
        latest.status = QuoteVersion.Status.SUPERSEDED
        latest.save(update_fields=["status"])
    copy = QuoteVersion.objects.create(
        quote=quote,
        version=latest.version + 1,
        customer_kind=quote.customer.kind,
        introduction=latest.introduction,
        payment_terms=latest.payment_terms,
        deposit_pct=latest.deposit_pct,
        validity_days=latest.validity_days,
        discount_kind=latest.discount_kind,
        discount_value=latest.discount_value,
    )
    for line in latest.lines.all():
        line.pk = None
        line.version = copy
        line.save()
    return copy


def _customer_json(customer: Customer) -> dict[str, str]:
    fields = ["kind", "name", "contact_name", "email", "phone", "address", "language"]
    return {name: str(getattr(customer, name)) for name in fields}


def check_sendable(version: QuoteVersion) -> None:
    if version.is_frozen:
        raise NotAllowed(_("Deze versie is al verstuurd; maak een nieuwe versie."))
    if not version.lines.exists():
        raise NotAllowed(_("Een offerte zonder regels kan niet worden verstuurd."))
    if version.is_consumer and version.deposit_pct > 50:
        raise NotAllowed(_("Een particulier betaalt hoogstens 50 % vooruit (art. 7:26 lid 2 BW)."))


@transaction.atomic
def send(version: QuoteVersion, *, user: Any, accept_url: str) -> QuoteVersion:
    """Freeze ``version``: design, versions, customer, seller, totals and the PDF with its hash."""
    from sales.pdf import render_quote_pdf

    version = QuoteVersion.objects.select_for_update().get(pk=version.pk)
    check_sendable(version)
    quote = version.quote
    request_json = quote.configuration.request
    design = design_of(request_json)
    if design is None:
        raise NotAllowed(_("Dit ontwerp kan niet meer worden geopend; vraag een nieuw ontwerp."))
    for line in version.lines.select_related("vat_category"):
        if line.vat_rate != line.vat_category.rate:
            line.save()  # an admin changed the category's rate since: send at today's rate
    today = timezone.localdate()
    version.design_request = request_json
    version.design = design.model_dump(mode="json")
    version.engine_version = design.engine_version
    version.catalog_version = design.catalog_version
    version.customer_snapshot = _customer_json(quote.customer)
    version.seller_snapshot = SellerSettings.load().as_json()
    version.totals = version.compute_totals().as_json()
    version.valid_until = today + timedelta(days=version.validity_days)
    version.status = QuoteVersion.Status.SENT
    pdf = render_quote_pdf(version, accept_url=accept_url, today=today)
    version.pdf = pdf
    version.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    version.sent_by = user
    version.sent_at = timezone.now()
    version.save()
    return version


def acceptance_refusal(version: QuoteVersion) -> str | None:
    """Why this version cannot be accepted or declined now, or None if it can."""
    if version.status == QuoteVersion.Status.SUPERSEDED:
        return _("Deze offerte is vervangen door een nieuwe versie; gebruik de nieuwste link.")
    if version.status in (QuoteVersion.Status.ACCEPTED, QuoteVersion.Status.DECLINED):
        return _("Over deze offerte is al beslist.")
    if version.status != QuoteVersion.Status.SENT:
        return _("Deze offerte is niet verstuurd.")
    if version.valid_until is None or version.valid_until < timezone.localdate():
        return _("Deze offerte is verlopen; vraag een nieuwe offerte aan.")
    return None


@transaction.atomic
def decide(
    version: QuoteVersion, *, accept: bool, name: str, email: str, ip: str, user_agent: str
) -> QuoteVersion:
    version = QuoteVersion.objects.select_for_update().get(pk=version.pk)
    refusal = acceptance_refusal(version)
    if refusal:
        raise NotAllowed(refusal)
    version.status = QuoteVersion.Status.ACCEPTED if accept else QuoteVersion.Status.DECLINED
    version.decided_name = name
    version.decided_email = email
    version.decided_at = timezone.now()
    version.decided_ip = ip
    version.decided_user_agent = user_agent[:400]
    version.decided_hash = version.pdf_sha256
    version.save(update_fields=sorted(QuoteVersion.DECISION_FIELDS))
    return version


# What the wholesaler supplies: articles, from the design or typed on a free line. Labour and
# stelposten are the installer's own work; a line without an article number is a service.
ORDERABLE_KINDS = (QuoteLine.Kind.PRODUCT, QuoteLine.Kind.FREE)


def _orderable(version: QuoteVersion) -> list[dict[str, Any]]:
    """The accepted version's articles, one row per article and unit, in the order of the lines.

    The order is what the customer accepted: a product line sales removed (the customer has the
    cable) is not ordered, a changed quantity is ordered as changed, and a free line with an
    article number (an extra surge protector) is ordered too. The wholesaler reads Dutch, so a
    design article keeps the design's Dutch description whatever the customer's language.
    """
    dutch = {line["article"]: line["description"] for line in (version.design or {}).get("bom", [])}
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    lines = version.lines.filter(kind__in=ORDERABLE_KINDS, quantity__gt=0).exclude(article="")
    for line in lines.order_by("position", "pk"):
        article = line.article.strip()
        key = (article, line.unit)
        if key in rows:
            rows[key]["quantity"] += line.quantity
            continue
        rows[key] = {
            "article": article,
            "description": dutch.get(article, line.description),
            "quantity": line.quantity,
            "unit": line.unit,
            "is_generic": line.is_generic,
        }
    return list(rows.values())


def design_differences(version: QuoteVersion) -> list[str]:
    """Where the version's articles differ from its design's bill of materials, a sentence each.

    The installation dossier is drawn from the design; when sales changed the articles (fewer
    battery modules, the cable left out) what is ordered and installed is not what the dossier
    shows, and the installer must know before ordering.
    """
    from keuzehulp.wording import number

    if version.design is not None:  # sent: the design frozen with it
        bom = [
            (line["article"], line["description"], Decimal(str(line["quantity"])))
            for line in version.design.get("bom", [])
        ]
    else:  # a draft: the saved configuration's design against today's catalogue
        design = design_of(version.quote.configuration.request)
        if design is None:
            return []
        bom = [(line.article, line.description, Decimal(str(line.quantity))) for line in design.bom]
    designed: dict[str, tuple[str, Decimal]] = {}
    for article, description, quantity in bom:
        designed[article] = (description, designed.get(article, ("", Decimal(0)))[1] + quantity)
    quoted: dict[str, tuple[str, Decimal]] = {}
    for row in _orderable(version):
        before = quoted.get(row["article"], ("", Decimal(0)))[1]
        quoted[row["article"]] = (row["description"], before + row["quantity"])
    texts = []
    for article, (description, quantity) in designed.items():
        offered = quoted.pop(article, (description, Decimal(0)))[1]
        if offered != quantity:
            texts.append(
                _("%(item)s (%(article)s): ontwerp %(designed)s, offerte %(offered)s.")
                % {
                    "item": description,
                    "article": article,
                    "designed": number(quantity),
                    "offered": number(offered),
                }
            )
    for article, (description, quantity) in quoted.items():
        texts.append(
            _("%(item)s (%(article)s): niet in het ontwerp, offerte %(offered)s.")
            % {"item": description, "article": article, "offered": number(quantity)}
        )
    return texts


@transaction.atomic
def create_order(version: QuoteVersion) -> Order:
    """The order of an accepted version: the articles the customer accepted, frozen with it."""
    version = QuoteVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != QuoteVersion.Status.ACCEPTED:
        raise NotAllowed(_("Alleen een geaccepteerde offerte wordt een order."))
    existing = Order.objects.filter(version=version).first()
    if existing is not None:
        return existing
    order = Order.objects.create(number=numbering.next_number(numbering.ORDER), version=version)
    for index, row in enumerate(_orderable(version), start=1):
        OrderLine.objects.create(order=order, position=index * 10, **row)
    return order


def draft_price_changes(version: QuoteVersion) -> list[str]:
    """Where today's catalogue prices an article of this draft otherwise than its line does.

    The lines are priced when the quote is made; sending freezes the design, and with it the
    dossier's bill of materials, at the catalogue's prices of that moment. A catalogue change
    in between would send two prices for one article, so the draft says so before sending.
    """
    from keuzehulp.wording import money, number

    if version.is_frozen:
        return []
    now = design_of(version.quote.configuration.request)
    if now is None:
        return []
    catalogue = {line.article: line for line in now.bom}
    texts = []
    lines = version.lines.filter(kind=QuoteLine.Kind.PRODUCT).exclude(article="")
    for line in lines.order_by("position", "pk"):
        today = catalogue.get(line.article)
        if today is None:
            continue
        if today.unit_price_eur != line.unit_price:
            texts.append(
                _("%(item)s: in de offerte %(quoted)s, in de catalogus %(catalogue)s.")
                % {
                    "item": line.description,
                    "quoted": money(line.unit_price),
                    "catalogue": money(today.unit_price_eur),
                }
            )
        if today.vat_rate != line.vat_rate:
            # No VAT category with the catalogue's rate, or sales chose another one.
            texts.append(
                _("%(item)s: btw in de offerte %(quoted)s %%, in de catalogus %(catalogue)s %%.")
                % {
                    "item": line.description,
                    "quoted": number(line.vat_rate * 100),
                    "catalogue": number(today.vat_rate * 100),
                }
            )
    return texts


def price_changes(version: QuoteVersion) -> list[str]:
    """How today's catalogue would price this sent version differently, one sentence each."""
    from keuzehulp.wording import money

    if not version.is_frozen or not version.design_request:
        return []
    now = design_of(version.design_request)
    if now is None:
        return [_("Het ontwerp kan met de huidige regels niet meer worden berekend.")]
    then = {line["article"]: line for line in (version.design or {}).get("bom", [])}
    # The price the customer was sent is the line's, fixed when the quote was made; the frozen
    # design has the catalogue's price of the moment of sending, which may differ.
    sent_prices = {
        line.article: line.unit_price
        for line in version.lines.filter(kind=QuoteLine.Kind.PRODUCT).exclude(article="")
    }
    texts = []
    for line in now.bom:
        before = then.pop(line.article, None)
        if before is None:
            texts.append(_("Nieuw op de materiaallijst: %(item)s.") % {"item": line.description})
            continue
        sent_price = sent_prices.get(line.article, Decimal(str(before["unit_price_eur"])))
        if sent_price != line.unit_price_eur:
            texts.append(
                _("Prijs van %(item)s was %(old)s, nu %(new)s.")
                % {
                    "item": line.description,
                    "old": money(sent_price),
                    "new": money(line.unit_price_eur),
                }
            )
        elif Decimal(str(before["quantity"])) != line.quantity:
            texts.append(_("Aantal van %(item)s is veranderd.") % {"item": line.description})
    for before in then.values():
        texts.append(
            _("Niet meer op de materiaallijst: %(item)s.") % {"item": before["description"]}
        )
    return texts
