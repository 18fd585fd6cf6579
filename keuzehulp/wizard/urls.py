"""The installer wizard: steps, overview, saved configurations (share links)."""

from django.urls import URLPattern, path

from keuzehulp.wizard import views

app_name = "wizard"

urlpatterns: list[URLPattern] = [
    path("wizard/", views.start, name="start"),
    path("wizard/opnieuw/", views.restart, name="restart"),
    path("wizard/overzicht/", views.overview, name="overview"),
    path("wizard/opslaan/", views.save, name="save"),
    path("wizard/<slug:slug>/", views.step, name="step"),
    path("configuratie/<uuid:pk>/", views.configuration, name="configuration"),
    path("configuratie/<uuid:pk>/kopie/", views.copy, name="copy"),
]
