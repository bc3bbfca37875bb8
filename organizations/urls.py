from django.urls import path

from . import views

app_name = "organizations"

urlpatterns = [
    path("to-chuc/<slug:slug>/", views.organization_detail, name="organization_detail"),
    path("tai-tro/<int:pk>/", views.sponsor_click, name="sponsor_click"),
]
