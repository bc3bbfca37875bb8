from django.urls import path, re_path

from . import views
from .feeds import LatestDocumentsFeed

app_name = "documents"

urlpatterns = [
    path("van-ban/", views.document_list, name="document_list"),
    path("van-ban/rss/", LatestDocumentsFeed(), name="document_feed"),
    re_path(
        r"^van-ban/(?P<slug>[-\w]*)-(?P<pk>[0-9]{1,18})/$",
        views.document_detail,
        name="document_detail",
    ),
    path("van-ban/tep/<int:pk>/", views.file_download, name="file_download"),
]
