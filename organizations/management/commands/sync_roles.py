from django.core.management.base import BaseCommand

from organizations.roles import ADMINISTRATORS, EDITORS, roles_sync


class Command(BaseCommand):
    help = (
        f'Create the groups "{ADMINISTRATORS}" and "{EDITORS}" if missing and make each hold '
        "exactly the permissions its role lists in organizations/roles.py (migrate does it too)."
    )

    def handle(self, *args, **options):
        roles_sync(using=options.get("database") or "default")
        self.stdout.write(f"{ADMINISTRATORS}, {EDITORS}: OK")
