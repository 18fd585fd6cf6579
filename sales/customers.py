"""Customers in the sales area: a searchable list and one page per customer to keep the
record (kind, default discount, language) and see their quotes."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from sales.access import sales_required
from sales.forms import CustomerForm
from sales.models import Customer
from sizing.text import one_line

PAGE_SIZE = 100


@sales_required
@require_safe
def customer_list(request: HttpRequest) -> HttpResponse:
    # A NUL byte is refused by PostgreSQL inside the search; control characters match nothing.
    text = one_line(request.GET.get("q", "")).strip()[:100]
    customers = Customer.objects.exclude(email="")
    if text:
        customers = customers.filter(
            Q(name__icontains=text) | Q(email__icontains=text) | Q(contact_name__icontains=text)
        )
    context = {"customers": customers[:PAGE_SIZE], "q": text}
    return TemplateResponse(request, "sales/customer_list.html", context)


@sales_required
@require_http_methods(["GET", "POST"])
def customer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    customer = get_object_or_404(Customer, pk=pk)
    form = CustomerForm(request.POST or None, instance=customer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Opgeslagen."))
        return redirect("sales:customer_detail", pk=pk)
    quotes = customer.quote_set.order_by("-created_at")
    context = {"customer": customer, "form": form, "quotes": quotes}
    return TemplateResponse(request, "sales/customer_detail.html", context)
