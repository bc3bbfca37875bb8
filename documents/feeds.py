from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from organizations.models import SiteIdentity

from .models import Document

FEED_SIZE = 30


class LatestDocumentsFeed(Feed):
    feed_type = Rss201rev2Feed
    description = _("The newest documents of the register")

    def title(self):
        return f"{SiteIdentity.load().site_name}: {_('Documents')}"

    def link(self):
        return reverse("documents:document_list")

    def items(self):
        return (
            Document.objects.published()
            .select_related("document_type", "issuer")
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return f"{item.document_type.name} {item.number}"

    def item_description(self, item):
        issued_on = date_format(item.issued_on, "SHORT_DATE_FORMAT")
        return f"{item.summary} ({item.issuer.name}, {issued_on})"

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.document_type.name]
