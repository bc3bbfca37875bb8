from django.contrib.sitemaps import Sitemap

from .models import Event


class EventSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Event.objects.published().only("id", "slug", "updated_at").order_by("-id")

    def lastmod(self, item):
        return item.updated_at
