from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from . import caching

        caching.connect()

        from . import revisions

        revisions.register()

        from django.db.models.signals import post_migrate

        post_migrate.connect(sync_site_domain, sender=self)
        from portal.database import refresh_after_migrate

        post_migrate.connect(refresh_after_migrate, sender=self)
        from .search import sqlite_search_triggers_repair

        post_migrate.connect(sqlite_search_triggers_repair, sender=self)


def sync_site_domain(*, using, apps=None, **kwargs):
    """The Site that sitemaps and feeds take their host from is the one in the settings."""
    from django.apps import apps as global_apps
    from django.conf import settings

    try:
        Site = (apps or global_apps).get_model("sites", "Site")
    except LookupError:
        return
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_DOMAIN}
    )
    from django.contrib.sites.models import SITE_CACHE

    SITE_CACHE.clear()
