"""Document downloads, next to the wizard's pages they belong to.

A saved configuration lives at /configuratie/<uuid>/ (the wizard's shared
page); its documents hang below it, with short /c/<uuid>/ aliases for links in
mail and on paper. The wizard draft's documents hang below /wizard/.
"""

from django.urls import URLPattern, path

from keuzehulp.documents import views

app_name = "documents"

urlpatterns: list[URLPattern] = [
    path("configuratie/<uuid:pk>/dossier.pdf", views.configuration_pdf, name="configuration_pdf"),
    path("configuratie/<uuid:pk>/schema.svg", views.configuration_svg, name="configuration_svg"),
    path(
        "configuratie/<uuid:pk>/bestellijst.csv", views.configuration_csv, name="configuration_csv"
    ),
    path("c/<uuid:pk>/dossier.pdf", views.configuration_pdf, name="short_pdf"),
    path("c/<uuid:pk>/schema.svg", views.configuration_svg, name="short_svg"),
    path("c/<uuid:pk>/bestellijst.csv", views.configuration_csv, name="short_csv"),
    path(
        "configuratie/<uuid:pk>/kastindeling.svg",
        views.configuration_layout,
        name="configuration_layout",
    ),
    path(
        "configuratie/<uuid:pk>/groepenstroken.pdf",
        views.configuration_labels,
        name="configuration_labels",
    ),
    path("c/<uuid:pk>/kastindeling.svg", views.configuration_layout, name="short_layout"),
    path("c/<uuid:pk>/groepenstroken.pdf", views.configuration_labels, name="short_labels"),
    path("wizard/kastindeling.svg", views.draft_layout, name="draft_layout"),
    path("wizard/groepenstroken.pdf", views.draft_labels, name="draft_labels"),
    path("wizard/dossier.pdf", views.draft_pdf, name="draft_pdf"),
    path("wizard/schema.svg", views.draft_svg, name="draft_svg"),
    path("wizard/bestellijst.csv", views.draft_csv, name="draft_csv"),
]
