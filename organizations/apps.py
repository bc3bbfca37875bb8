from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, using, apps=None, **kwargs):
    from django.apps import apps as global_apps

    from .roles import roles_sync

    # Django sends post_migrate once per app with models, in INSTALLED_APPS order, each time
    # after creating that app's permissions: the last one sees them all.
    with_models = [config for config in global_apps.get_app_configs() if config.models_module]
    if sender.label == with_models[-1].label:
        roles_sync(using=using)


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("Organisations and site")

    def ready(self):
        # Keeps the groups equal to their roles (roles.py) after every migrate, once every
        # app (those listed after this one too) has its permissions.
        post_migrate.connect(_sync_roles, dispatch_uid="organizations_sync_roles")
        from . import caching

        caching.connect()

        # Staff sessions (portal/sessions.py) start their refresh clock at sign-in. Here because
        # the portal package is no app of its own; the staff accounts belong to this one.
        from django.contrib.auth.signals import user_logged_in

        from portal.sessions import session_mark_refreshed

        user_logged_in.connect(session_mark_refreshed, dispatch_uid="portal_session_refreshed")
