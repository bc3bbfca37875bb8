from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, using, **kwargs):
    from .roles import roles_sync

    roles_sync(using=using)


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("Organisations and site")

    def ready(self):
        # Keeps the roles complete after every migrate: a model added later gets its
        # permissions into "Quản trị viên" (and "Biên tập viên" for news) without a manual step.
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="organizations_sync_roles")
        from . import caching

        caching.connect()

        # Staff sessions (portal/sessions.py) start their refresh clock at sign-in. Here because
        # the portal package is no app of its own; the staff accounts belong to this one.
        from django.contrib.auth.signals import user_logged_in

        from portal.sessions import session_mark_refreshed

        user_logged_in.connect(session_mark_refreshed, dispatch_uid="portal_session_refreshed")
