"""Database sessions whose failed save says why it failed.

Django's database session store reads any failed update as "the session was deleted
meanwhile" and answers 400. With a read-only or unreachable database that is an outage, and
OutageMiddleware's page (503, in Vietnamese) says so: the staff member's session refresh
(portal/sessions.py) or sign-in was not saved and will be once the database is back.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

from portal.middleware import outage_kind


class SessionStore(DatabaseSessionStore):
    def save(self, must_create=False):
        try:
            super().save(must_create=must_create)
        except UpdateError as error:
            if outage_kind(error.__context__):
                raise error.__context__  # noqa: B904 (its own cause, the driver error, is kept)
            raise
