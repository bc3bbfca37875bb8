from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from . import caching
        from .models import Event

        for signal in (post_save, post_delete):
            signal.connect(caching.on_event_change, sender=Event, dispatch_uid=f"events_{signal}")
        caching.connect()
