from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from keuzehulp import api, designs, readiness, views
from keuzehulp.security import api_rate_limited

urlpatterns = [
    path("health/", views.health, name="health"),
    path("ready/", readiness.ready, name="ready"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/design/", api_rate_limited(api.design_view), name="api_design"),
    path("api/cable/", api_rate_limited(api.cable_view), name="api_cable"),
    path("api/suggest/", api_rate_limited(api.suggest_view), name="api_suggest"),
    path("api/schema/", api.schema_view, name="api_schema"),
    path("api/openapi.json", api.openapi_view, name="api_openapi"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("prijslijst/", views.price_list, name="price_list"),
    path("mijn-ontwerpen/<uuid:pk>/naam/", designs.rename, name="rename_design"),
    path("", include("sales.urls")),
    path("", include("keuzehulp.wizard.urls")),
    path("", include("keuzehulp.documents.urls")),
    path("", include("keuzehulp.testreport.urls")),
    path("", views.home, name="home"),
]
