"""Create the "Cộng tác viên" role and give the roles the review workflow's permissions
(organizations/roles.py), the way 0003 created the first two."""

import importlib

from django.db import migrations


def create_roles(apps, schema_editor):
    importlib.import_module("organizations.migrations.0003_staff_roles").create_roles(
        apps, schema_editor
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0005_staff_membership"),
        ("news", "0015_notification"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
