from django.contrib.sitemaps import Sitemap

from .models import Video


class VideoSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Video.objects.published().only("id", "slug", "updated_at").order_by("-id")

    def lastmod(self, item):
        return item.updated_at
