"""Create the staff roles "Quản trị viên" and "Biên tập viên" (organizations/roles.py).

Django creates permissions in a post_migrate signal, i.e. only after every migration has run:
on a fresh database they do not exist yet when this migration runs. So it creates the
content types and permissions of every app in the migration state first, the way that
signal would, and then fills the groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from organizations.roles import roles_sync


def create_roles(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        # create_permissions() skips an app whose models_module is unset, which is always
        # the case for the migration state's app configs.
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=using)
        finally:
            app_config.models_module = previous
    roles_sync(apps=apps, using=using)


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0002_sponsor_logo_renditions"),
        ("news", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
