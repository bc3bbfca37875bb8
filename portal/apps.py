"""App configurations the portal gives Django's admin and third-party apps."""

from axes.apps import AppConfig as AxesAppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PortalAdminConfig(AdminConfig):
    """The admin with the portal's own site (portal/admin_site.py)."""

    default_site = "portal.admin_site.PortalAdminSite"


class SignInRecordsConfig(AxesAppConfig):
    """django-axes, whose app name in the admin is the untranslatable "Axes"."""

    verbose_name = _("Sign-in records")
