from django.urls import path, re_path

from . import views

app_name = "videos"

urlpatterns = [
    path("video/", views.video_list, name="video_list"),
    re_path(
        r"^video/(?P<slug>[-\w]*)-(?P<pk>[0-9]{1,18})/$", views.video_detail, name="video_detail"
    ),
]
