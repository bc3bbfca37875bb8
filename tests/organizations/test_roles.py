import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from organizations.roles import ADMINISTRATORS, EDITORS, roles_sync

pytestmark = pytest.mark.django_db

ROLE_MIGRATION = ("organizations", "0003_staff_roles")


def codenames(group):
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def run_role_migration():
    """Run the migration's function with the historical models it sees during `migrate`."""
    module = importlib.import_module("organizations.migrations.0003_staff_roles")
    state = MigrationLoader(connection).project_state(ROLE_MIGRATION, at_end=False)
    module.create_roles(state.apps, SimpleNamespace(connection=connection))


def test_the_role_migration_is_part_of_every_new_sites_migrations():
    loader = MigrationLoader(connection)
    assert ROLE_MIGRATION in loader.graph.nodes
    assert ROLE_MIGRATION in loader.applied_migrations


def test_role_migration_creates_the_permissions_it_needs_itself():
    # On a fresh database no permission exists yet when migrations run (Django creates them
    # after the last migration); the migration must not depend on them.
    Group.objects.filter(name__in=[ADMINISTRATORS, EDITORS]).delete()
    Permission.objects.all().delete()

    run_role_migration()

    admins = Group.objects.get(name=ADMINISTRATORS)
    editors = Group.objects.get(name=EDITORS)
    assert {
        ("organizations", "change_sponsor"),
        ("organizations", "delete_partnerlink"),
        ("organizations", "change_siteidentity"),
        ("organizations", "add_organization"),
        ("auth", "add_user"),
        ("auth", "view_group"),
    } <= codenames(admins)
    assert ("news", "change_readflush") not in codenames(admins)
    editor_perms = codenames(editors)
    assert {
        ("news", "add_article"),
        ("news", "change_category"),
        ("news", "change_source"),
        ("news", "delete_tag"),
        ("news", "add_articleimage"),
        ("organizations", "view_organization"),
    } <= editor_perms
    assert {app for app, _ in editor_perms} == {"news", "organizations"}
    assert [c for app, c in editor_perms if app == "organizations"] == ["view_organization"]
    assert ("news", "change_articledailyread") not in editor_perms


def test_editors_see_the_reads_per_week_and_month_and_never_change_them():
    # A model newer than the role migration: its permissions reach the role through the sync
    # that runs after every migrate.
    roles_sync()
    editor_perms = codenames(Group.objects.get(name=EDITORS))
    assert ("news", "change_articleperiodread") not in editor_perms
    assert ("news", "view_articleperiodread") in editor_perms


def test_roles_sync_is_idempotent_and_takes_away_what_the_role_does_not_list():
    roles_sync()
    editors = Group.objects.get(name=EDITORS)
    before = codenames(editors)
    editors.permissions.add(Permission.objects.get(codename="view_partnerlink"))
    editors.permissions.add(Permission.objects.get(codename="change_readflush"))

    roles_sync()
    roles_sync()

    assert Group.objects.filter(name=EDITORS).count() == 1
    assert codenames(editors) == before


def test_editors_may_not_touch_the_read_flush_bookkeeping(role_editor_client, role_editor):
    assert not any(
        role_editor.has_perm(f"news.{action}_readflush")
        for action in ("add", "change", "delete", "view")
    )
    assert not role_editor.has_perm("news.change_articledailyread")
    assert role_editor.has_perm("news.view_articledailyread")


def test_sync_roles_command_restores_a_missing_group(capsys):
    from django.core.management import call_command

    Group.objects.filter(name=EDITORS).delete()
    call_command("sync_roles")
    assert Group.objects.get(name=EDITORS).permissions.filter(codename="add_article").exists()


def test_migrate_puts_permissions_a_role_lacks_back_into_it():
    editors = Group.objects.get(name=EDITORS)
    change_article = Permission.objects.get(codename="change_article")
    editors.permissions.remove(change_article)
    call_command("migrate", verbosity=0)
    assert editors.permissions.filter(pk=change_article.pk).exists()
