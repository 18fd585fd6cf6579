"""Orders: made from an accepted quote version, downloaded as an order list (CSV, XLSX).

The list is written from the order's own rows (the bill of materials frozen when the quote
was sent), never from today's catalogue. Dutch Excel reads the CSV as columns: semicolons,
a decimal comma, and a byte-order mark so that UTF-8 (mm², ë) survives. A cell that starts
like a formula gets a leading quote in the CSV and is stored as text in the XLSX.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from openpyxl import Workbook, load_workbook

from sales import services
from sales.access import sales_required
from sales.models import Order, Quote

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _header() -> list[str]:
    return [
        _("Orderreferentie"),
        _("Regel"),
        _("Artikelnummer"),
        _("Omschrijving"),
        _("Aantal"),
        _("Eenheid"),
        _("Bestelbaar"),
    ]


def _rows(order: Order) -> Iterator[list[object]]:
    reference = order.version.label
    for line in order.lines.all():
        yield [
            reference,
            line.position,
            line.article,
            line.description,
            line.quantity,
            line.unit,
            _("nee, generiek artikel") if line.is_generic else _("ja"),
        ]


def _csv_cell(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def order_csv_text(order: Order) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(_header())
    for row in _rows(order):
        writer.writerow([_csv_cell(value) for value in row])
    return BOM + out.getvalue()


def order_xlsx_bytes(order: Order) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Bestellijst")[:31]
    sheet.append(_header())
    for row in _rows(order):
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"  # text, never a formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def parse_csv(text: str) -> list[dict[str, object]]:
    """The order list read back (tests, re-imports): article, quantity, unit, generic."""
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM)), delimiter=";"))
    return [
        {
            "reference": row[0],
            "article": row[2].removeprefix("'"),
            "description": row[3].removeprefix("'"),
            "quantity": Decimal(row[4].replace(",", ".")),
            "unit": row[5],
        }
        for row in rows[1:]
    ]


def parse_xlsx(data: bytes) -> list[dict[str, object]]:
    sheet = load_workbook(io.BytesIO(data), read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    return [
        {
            "reference": row[0],
            "article": row[2],
            "description": row[3],
            "quantity": Decimal(str(row[4])),
            "unit": row[5],
        }
        for row in rows[1:]
    ]


@sales_required
@require_POST
def order_create(request: HttpRequest, pk: int) -> HttpResponse:
    quote = get_object_or_404(Quote, pk=pk)
    try:
        order = services.create_order(quote.latest)
    except services.NotAllowed as refused:
        messages.error(request, str(refused))
        return redirect("sales:quote_detail", pk=pk)
    return redirect("sales:order_detail", pk=order.pk)


@sales_required
@require_safe
def order_list(request: HttpRequest) -> HttpResponse:
    orders = Order.objects.select_related("version__quote__customer")[:100]
    return TemplateResponse(request, "sales/order_list.html", {"orders": orders})


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Order.Status.choices)


@sales_required
@require_http_methods(["GET", "POST"])
def order_detail(request: HttpRequest, pk: int) -> HttpResponse:
    order = get_object_or_404(Order.objects.select_related("version__quote"), pk=pk)
    form = StatusForm(request.POST or None, initial={"status": order.status})
    if request.method == "POST" and form.is_valid():
        order.status = form.cleaned_data["status"]
        order.save(update_fields=["status"])
        messages.success(request, _("Status bijgewerkt."))
        return redirect("sales:order_detail", pk=pk)
    generic = [line for line in order.lines.all() if line.is_generic]
    context = {
        "order": order,
        "form": form,
        "generic": generic,
        "differences": services.design_differences(order.version),
    }
    return TemplateResponse(request, "sales/order_detail.html", context)


def _download(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@sales_required
@require_safe
def order_csv(request: HttpRequest, pk: int) -> HttpResponse:
    order = get_object_or_404(Order, pk=pk)
    body = order_csv_text(order).encode("utf-8")
    return _download(body, "text/csv; charset=utf-8", f"{order.number}.csv")


@sales_required
@require_safe
def order_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    order = get_object_or_404(Order, pk=pk)
    return _download(order_xlsx_bytes(order), XLSX, f"{order.number}.xlsx")
