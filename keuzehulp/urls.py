from django.contrib import admin
from django.urls import include, path

from keuzehulp import views

urlpatterns = [
    path("health/", views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("keuzehulp.wizard.urls")),
    path("", include("keuzehulp.documents.urls")),
    path("", views.home, name="home"),
]
