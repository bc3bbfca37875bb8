"""The site's URLs with Django's page cache in front of the article page (tests only)."""

from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page

from news import urls as news_urls
from news import views
from portal.urls import urlpatterns as portal_urlpatterns

cached_news = [
    re_path(
        r"^tin-tuc/(?P<slug>[-\w]*)-(?P<pk>[0-9]+)/$",
        cache_page(300)(views.article_detail),
        name="article_detail",
    ),
    *news_urls.urlpatterns,
]
urlpatterns = [
    path("", include((cached_news, "news"))),
    *[p for p in portal_urlpatterns if getattr(p, "namespace", None) != "news"],
]
