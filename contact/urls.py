from django.urls import path

from . import views

app_name = "contact"

urlpatterns = [
    path("lien-he/", views.contact, name="contact"),
    path("lien-he/da-gui/", views.contact_sent, name="contact_sent"),
]
