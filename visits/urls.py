from django.urls import path

from . import views

app_name = "visits"

urlpatterns = [path("luot-truy-cap/", views.visit, name="visit")]
