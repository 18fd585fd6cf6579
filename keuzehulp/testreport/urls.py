"""The test report (meetrapport) of a saved configuration, below its share link."""

from django.urls import URLPattern, path

from keuzehulp.testreport import pdf, views

app_name = "testreport"

urlpatterns: list[URLPattern] = [
    path("configuratie/<uuid:pk>/meetrapport/", views.report, name="report"),
    path("configuratie/<uuid:pk>/meetrapport/concept.pdf", pdf.draft_pdf, name="draft_pdf"),
    path("configuratie/<uuid:pk>/meetrapport/<int:number>/", views.revision, name="revision"),
    path(
        "configuratie/<uuid:pk>/meetrapport/<int:number>/meetrapport.pdf",
        pdf.revision_pdf,
        name="pdf",
    ),
]
