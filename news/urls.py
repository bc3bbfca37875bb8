from django.urls import path, re_path

from . import views

app_name = "news"

urlpatterns = [
    path("", views.home, name="home"),
    path("chuyen-muc/<slug:slug>/", views.category_detail, name="category_detail"),
    re_path(
        r"^tin-tuc/(?P<slug>[-\w]*)-(?P<pk>[0-9]+)/$", views.article_detail, name="article_detail"
    ),
    re_path(
        r"^tin-tuc/(?P<slug>[-\w]*)-(?P<pk>[0-9]+)/in/$", views.article_print, name="article_print"
    ),
    path("the/<slug:slug>/", views.tag_detail, name="tag_detail"),
    path("tim-kiem/", views.search, name="search"),
    path("tai-anh-len/", views.image_upload, name="image_upload"),
    path("news.php", views.legacy_article_redirect, name="legacy_article_redirect"),
    path("luot-doc/<int:pk>/", views.article_read, name="article_read"),
]
