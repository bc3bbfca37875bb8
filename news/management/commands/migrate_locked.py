"""``migrate`` that several app servers may start at the same moment (docs/deploy.md).

Each server's start runs it before gunicorn (systemd's ExecStartPre). On PostgreSQL the first
one takes a session-level advisory lock and migrates; the others wait for the lock, then find
nothing left to do, so two servers never apply the same migration, nor run the post-migrate
steps (the roles' permissions, the Site's domain) at the same time. The lock goes with the
session, so a server killed midway releases it. SQLite is one machine's file: plain migrate.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

# Any fixed 64-bit number, the same on every server: pg_advisory_lock's key for "migrating".
MIGRATE_LOCK_KEY = 0x706F7274616C  # "portal"


class Command(BaseCommand):
    help = (
        "Applies the migrations under a PostgreSQL advisory lock: safe when several app "
        "servers start together."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            call_command("migrate", interactive=False, verbosity=options["verbosity"])
            return
        # Waiting for another server's migrations, and the migrations themselves, may take
        # longer than a page's statement timeout (DATABASE_STATEMENT_TIMEOUT): none here.
        connection.close()
        connection.settings_dict["STATEMENT_TIMEOUT"] = 0
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
            if options["verbosity"] > 0:
                self.stdout.write("Waiting for the migration lock…")
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK_KEY])
            try:
                call_command("migrate", interactive=False, verbosity=options["verbosity"])
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK_KEY])
