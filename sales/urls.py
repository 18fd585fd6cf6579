"""URLs of the quote flow: the installer's request, the customer's acceptance, the sales area."""

from django.urls import URLPattern, path

from sales import customers, orders, public, views

app_name = "sales"

urlpatterns: list[URLPattern] = [
    # Installer (no account)
    path("wizard/offerte-aanvragen/", public.request_from_draft, name="request_draft"),
    path(
        "configuratie/<uuid:pk>/offerte-aanvragen/",
        public.request_from_configuration,
        name="request_configuration",
    ),
    path("offerte-aanvragen/ontvangen/", public.request_done, name="request_done"),
    # Customer (no account; the token is the key)
    path("offerte/<str:token>/", public.acceptance, name="acceptance"),
    path("offerte/<str:token>/offerte.pdf", public.acceptance_pdf, name="acceptance_pdf"),
    # Sales (group Verkoop)
    path("verkoop/", views.inbox, name="inbox"),
    path("verkoop/aanvragen/<int:pk>/", views.request_detail, name="request_detail"),
    path("verkoop/offertes/", views.quote_list, name="quote_list"),
    path("verkoop/offertes/nieuw/", views.quote_new, name="quote_new"),
    path("verkoop/offertes/<int:pk>/", views.quote_detail, name="quote_detail"),
    path("verkoop/offertes/<int:pk>/instellingen/", views.version_update, name="version_update"),
    path("verkoop/offertes/<int:pk>/regels/", views.line_add, name="line_add"),
    path("verkoop/offertes/<int:pk>/regels/<int:line>/", views.line_update, name="line_update"),
    path(
        "verkoop/offertes/<int:pk>/regels/<int:line>/verwijderen/",
        views.line_delete,
        name="line_delete",
    ),
    path("verkoop/offertes/<int:pk>/versturen/", views.send, name="send"),
    path("verkoop/offertes/<int:pk>/nieuwe-versie/", views.new_version, name="new_version"),
    path("verkoop/offertes/<int:pk>/v<int:n>/", views.version_detail, name="version_detail"),
    path("verkoop/offertes/<int:pk>/v<int:n>/offerte.pdf", views.version_pdf, name="version_pdf"),
    path(
        "verkoop/offertes/<int:pk>/v<int:n>/dossier.pdf",
        views.version_dossier,
        name="version_dossier",
    ),
    path("verkoop/offertes/<int:pk>/order/", orders.order_create, name="order_create"),
    path("verkoop/klanten/", customers.customer_list, name="customer_list"),
    path("verkoop/klanten/<int:pk>/", customers.customer_detail, name="customer_detail"),
    path("verkoop/orders/", orders.order_list, name="order_list"),
    path("verkoop/orders/<int:pk>/", orders.order_detail, name="order_detail"),
    path("verkoop/orders/<int:pk>/bestellijst.csv", orders.order_csv, name="order_csv"),
    path("verkoop/orders/<int:pk>/bestellijst.xlsx", orders.order_xlsx, name="order_xlsx"),
]
