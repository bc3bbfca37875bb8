"""Every sitemap of the site, listed by one index at /sitemap.xml (robots.txt names them all)."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.views.decorators.http import require_safe

from documents.sitemaps import DocumentSitemap
from events.sitemaps import EventSitemap
from galleries.sitemaps import AlbumSitemap
from news.sitemaps import (
    ArticleSitemap,
    CategorySitemap,
    NewsSitemap,
    OrganizationSitemap,
    TagSitemap,
    article_urlset,
)
from pages.sitemaps import PageSitemap
from videos.sitemaps import VideoSitemap

SITEMAPS = {
    "articles": ArticleSitemap,
    "news": NewsSitemap,
    "categories": CategorySitemap,
    "organizations": OrganizationSitemap,
    "tags": TagSitemap,
    "documents": DocumentSitemap,
    "albums": AlbumSitemap,
    "events": EventSitemap,
    "videos": VideoSitemap,
    "pages": PageSitemap,
}


@require_safe
def sitemap_index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")


@require_safe
def sitemap_section(request, section):
    sitemap = SITEMAPS.get(section)
    if sitemap is None:
        raise Http404
    if section == "articles":
        return article_urlset(request)
    template_name = getattr(sitemap, "template_name", "sitemap.xml")
    return sitemap_views.sitemap(request, SITEMAPS, section=section, template_name=template_name)
