from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleriesConfig(AppConfig):
    name = "galleries"
    verbose_name = _("Photo albums")

    def ready(self):
        from . import caching

        caching.connect()
