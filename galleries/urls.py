from django.urls import path, re_path

from . import views

app_name = "galleries"

urlpatterns = [
    path("thu-vien-anh/", views.album_list, name="album_list"),
    re_path(
        r"^thu-vien-anh/(?P<slug>[-\w]*)-(?P<pk>[0-9]{1,18})/$",
        views.album_detail,
        name="album_detail",
    ),
    re_path(
        r"^thu-vien-anh/(?P<slug>[-\w]*)-(?P<album_pk>[0-9]{1,18})/anh/(?P<pk>[0-9]{1,18})/$",
        views.photo_detail,
        name="photo_detail",
    ),
]
