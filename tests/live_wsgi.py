"""The site as gunicorn serves it in production, for tests/live_app.py only.

The one difference: static files are named as in development (no collectstatic manifest),
as the rest of the suite has them (tests/conftest.py), so a test needs no collectstatic.
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from django.conf import settings  # noqa: E402

settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

from portal.wsgi import application  # noqa: E402, F401
