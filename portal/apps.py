"""App configurations of the portal: its admin site, and Vietnamese names for third-party apps."""

from axes.apps import AppConfig as AxesAppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"


class SignInRecordsConfig(AxesAppConfig):
    """django-axes, whose app name in the admin is the untranslatable "Axes"."""

    verbose_name = _("Sign-in records")
