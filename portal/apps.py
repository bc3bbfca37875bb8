"""App configurations the portal gives third-party apps: a Vietnamese name in the admin."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class SignInRecordsConfig(AxesAppConfig):
    """django-axes, whose app name in the admin is the untranslatable "Axes"."""

    verbose_name = _("Sign-in records")
