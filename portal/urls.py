"""The URL root of the project: each app's urls.py is included here (part of the project)."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from news.feeds import CategoryFeed, LatestArticlesFeed

from . import two_factor, views
from .caching import cache_for_readers
from .sitemaps import sitemap_index, sitemap_section

admin.site.site_header = admin.site.site_title = settings.ADMIN_SITE_HEADER
admin.site.index_title = settings.ADMIN_INDEX_TITLE

handler500 = "portal.views.server_error"

urlpatterns = [
    path(f"{settings.ADMIN_URL}xac-thuc/", two_factor.verify, name="two_factor_verify"),
    path(f"{settings.ADMIN_URL}xac-thuc/dang-ky/", two_factor.enrol, name="two_factor_enrol"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", cache_for_readers(sitemap_index), name="sitemap_index"),
    path(
        "sitemap-<slug:section>.xml",
        cache_for_readers(sitemap_section, params=["p"]),
        name="sitemap_section",
    ),
    path("rss/", cache_for_readers(LatestArticlesFeed()), name="feed"),
    path("chuyen-muc/<slug:slug>/rss/", cache_for_readers(CategoryFeed()), name="category_feed"),
    path("", include("organizations.urls")),
    path("", include("documents.urls")),
    path("", include("galleries.urls")),
    path("", include("events.urls")),
    path("", include("contact.urls")),
    path("", include("videos.urls")),
    path("", include("visits.urls")),
    path("", include("pages.urls")),
    path("", include("news.urls")),
]

if settings.BENCH_CEILING:  # scripts/bench.py only: never routed on a real site
    urlpatterns.append(path("bench/ceiling/", views.bench_ceiling, name="bench_ceiling"))

if settings.DEBUG:  # in production the web server serves media (deploy/nginx.conf)
    urlpatterns += static(settings.MEDIA_URL, views.media, document_root=settings.MEDIA_ROOT)
