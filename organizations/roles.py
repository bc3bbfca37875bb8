"""The two staff roles every site has, as Django groups.

- "Quản trị viên" (site administrators): every permission, including sponsors, partner links,
  organisations, the site's identity, users and groups.
- "Biên tập viên" (editors): articles, categories, sources, tags and images (everything in the
  news app, reads per day only viewed), plus "view organisation" so the article form's
  organisation autocomplete works; nothing else of this app, and no users.

The data migration 0003 creates them; after every `migrate`, a post_migrate hook (apps.py) adds
the permissions of models added later, and `manage.py sync_roles` does the same by hand. Both
only ever add what a role lacks.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

from portal.content_roles import EDITOR_PERMISSIONS

ADMINISTRATORS = "Quản trị viên"
EDITORS = "Biên tập viên"

# Reads per day are counted by the site; editors may look at them, not change them.
# Deleting an article from the trash for good (before the purge) is for administrators.
_EDITOR_EXCLUDED = [
    "add_articledailyread",
    "change_articledailyread",
    "delete_articledailyread",
    "purge_article",
]


def _role_filters():
    editors = (Q(content_type__app_label="news") & ~Q(codename__in=_EDITOR_EXCLUDED)) | Q(
        content_type__app_label="organizations", codename="view_organization"
    )
    # Documents, albums, videos, events: the list is in portal/content_roles.py.
    for permission in EDITOR_PERMISSIONS:
        app_label, codename = permission.split(".")
        editors |= Q(content_type__app_label=app_label, codename=codename)
    return {ADMINISTRATORS: Q(), EDITORS: editors}


def roles_sync(*, apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create both groups if missing and give them every permission of their role they lack."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permission_filter in _role_filters().items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        permissions = Permission.objects.using(using).filter(permission_filter)
        group.permissions.add(*permissions.exclude(group=group))


def role_requires_two_factor(user):
    """Whether ``user`` must sign in with a second factor when ADMIN_TWO_FACTOR is on.

    Administrators may change users, roles and the site's identity: their password alone is
    not enough. Superusers are administrators too, whether or not they are in the group.
    """
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()
