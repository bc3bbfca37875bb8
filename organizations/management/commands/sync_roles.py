from django.core.management.base import BaseCommand

from organizations.roles import ADMINISTRATORS, EDITORS, roles_sync


class Command(BaseCommand):
    help = (
        f'Create the groups "{ADMINISTRATORS}" and "{EDITORS}" if missing and add to them the '
        "permissions of their role they lack (run it after adding models). Never removes any."
    )

    def handle(self, *args, **options):
        roles_sync(using=options.get("database") or "default")
        self.stdout.write(f"{ADMINISTRATORS}, {EDITORS}: OK")
