"""Shared helper: what every upload passes before the checks of its own kind (portal/images.py,
documents/files.py, videos/files.py), with the same messages whatever the kind."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params)


def upload_size_check(uploaded, max_bytes):
    """Raise ValidationError when ``uploaded`` is empty or larger than ``max_bytes``."""
    if not uploaded.size:
        refuse(_("The file is empty."), "empty")
    if uploaded.size > max_bytes:
        refuse(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB."),
            "too_large",
            size=round(uploaded.size / 1024 / 1024, 1),
            limit=round(max_bytes / 1024 / 1024, 1),
        )
