from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from organizations.models import SiteIdentity
from portal.renditions import SOCIAL_SIZE, social_image_url

from .models import Article, Category

FEED_SIZE = 30


class RssWithImages(Rss201rev2Feed):
    """RSS 2.0 whose items carry their picture (the 1200×630 sharing crop) as Media RSS
    ``<media:content>``, at an absolute address: this site's, or the bucket's with S3."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": "http://search.yahoo.com/mrss/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("image"):
            width, height = SOCIAL_SIZE
            handler.addQuickElement(
                "media:content",
                attrs={
                    # The channel's link is absolute; an address absolute already stays so.
                    "url": urljoin(self.feed["link"], item["image"]),
                    "type": "image/jpeg",
                    "medium": "image",
                    "width": str(width),
                    "height": str(height),
                },
            )


class LatestArticlesFeed(Feed):
    feed_type = RssWithImages
    description = _("The latest news")

    def title(self):
        return SiteIdentity.load().site_name

    def link(self):
        return reverse("news:home")

    def items(self):
        return Article.objects.published().for_listing()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.category.name]

    def item_extra_kwargs(self, item):
        return {"image": social_image_url(item.cover_image) if item.cover_image else ""}


class CategoryFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj):
        return f"{SiteIdentity.load().site_name}: {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return Article.objects.published().in_category(obj).for_listing().page_slice(0, FEED_SIZE)
