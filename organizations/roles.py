"""The three staff roles every site has, as Django groups, each an explicit list of permissions.

- "Quản trị viên" (site administrators): what editors may do, plus organisations, the site's
  identity, sponsors, partner links, staff accounts (with their units) and the failed-login
  records (to unlock).
- "Biên tập viên" (editors): articles (reviewing, publishing, featuring every one of them),
  their gallery pictures, categories, sources and tags; reads per day only viewed; "view
  organisation" so the article form's organisation autocomplete works. No users, nothing of
  the site's identity or sponsors.
- "Cộng tác viên" (contributors, in the district and affiliated unions): write articles for
  the units of their account and send them for review; without "news.review_article" they
  see and change only their own drafts (news/workflow.py holds that rule).

Everyone reads their own notifications (news.Notification, filtered to the person).

Nobody may change what the site keeps for itself: reads per day, flushed read batches,
sponsor clicks, permissions, sessions, two-factor devices (reset through the user list's
action). A superuser still may do everything.

The lists are the whole truth: roles_sync() makes each group hold exactly its list, so a
permission added to a group by hand is taken away at the next `migrate` (or `manage.py
sync_roles`); a special case gets a group of its own. A model added later is in no role
until it is written here: tests/organizations/test_role_table.py pins the full table and
fails, naming it, until someone decides who may do what with it.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

from portal import content_roles

ADMINISTRATORS = "Quản trị viên"
EDITORS = "Biên tập viên"
CONTRIBUTORS = "Cộng tác viên"


def _all(app_label, model, actions=("add", "change", "delete", "view")):
    return {f"{app_label}.{action}_{model}" for action in actions}


# Each person's own notifications: seen and marked read (the admin shows only one's own).
NOTIFICATION_PERMISSIONS = {"news.view_notification", "news.change_notification"}

CONTRIBUTOR_PERMISSIONS = frozenset(
    {
        *_all("news", "article", ("add", "change", "view")),
        *_all("news", "articleimage"),
        # The lookups of the article form.
        "news.view_category",
        "news.view_source",
        "news.view_tag",
        "organizations.view_organization",
        # A cover is chosen from the media library or uploaded into it.
        "library.view_picture",
        "library.add_picture",
        *NOTIFICATION_PERMISSIONS,
    }
)

EDITOR_PERMISSIONS = frozenset(
    {
        *_all("news", "article"),
        # The "Xuất bản" and "Hẹn giờ" buttons and the bulk publish action (news/admin/).
        "news.publish_article",
        # Every article, not only one's own: review, send back, feature.
        "news.review_article",
        *NOTIFICATION_PERMISSIONS,
        *_all("news", "articleimage"),
        *_all("news", "category"),
        *_all("news", "source"),
        *_all("news", "tag"),
        # Counted by the site: editors see the figures, never change them. They are what opens
        # the dashboard's reads and "Thống kê theo đơn vị" (news/admin/unit_report.py).
        "news.view_articledailyread",
        "news.view_articleperiodread",
        # The article form's organisation autocomplete (the organisation pages stay closed).
        "organizations.view_organization",
        # Static pages (Giới thiệu, Liên hệ, ...): written like articles.
        *_all("pages", "page"),
        # Documents, albums, videos, events: listed in portal/content_roles.py.
        *content_roles.EDITOR_PERMISSIONS,
    }
)

ADMINISTRATOR_PERMISSIONS = EDITOR_PERMISSIONS | {
    # Deleting an article from the trash for good, before the purge does it.
    "news.purge_article",
    # The menu is the site's frame: administrators arrange it.
    *_all("pages", "menuitem"),
    *content_roles.ADMINISTRATOR_PERMISSIONS,
    *_all("organizations", "organization"),
    # The units of staff accounts (a contributor writes for theirs).
    *_all("organizations", "staffmembership"),
    # One record, made by the site: changed, never added or deleted.
    "organizations.change_siteidentity",
    "organizations.view_siteidentity",
    *_all("organizations", "sponsor"),
    "organizations.view_sponsorclick",  # counted by /tai-tro/<id>/
    *_all("organizations", "partnerlink"),
    # Old addresses that lead somewhere new (Django's redirects app; "Chuyển hướng").
    *_all("redirects", "redirect"),
    *_all("auth", "user"),
    # The roles themselves are this file: administrators put people in them, nothing more.
    "auth.view_group",
    # Failed sign-ins (django-axes): see them, and delete them to unlock an account or address.
    "axes.view_accessattempt",
    "axes.delete_accessattempt",
    "axes.view_accesslog",
}

ROLES = {
    ADMINISTRATORS: ADMINISTRATOR_PERMISSIONS,
    EDITORS: EDITOR_PERMISSIONS,
    CONTRIBUTORS: CONTRIBUTOR_PERMISSIONS,
}


def roles_sync(*, apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the groups if missing and make each hold exactly its role's permissions.

    Permissions of apps not migrated yet are skipped; the post_migrate hook adds them.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    by_name = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.using(using).values_list(
            "pk", "content_type__app_label", "codename"
        )
    }
    for name, permissions in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set([by_name[p] for p in sorted(permissions) if p in by_name])


def role_requires_two_factor(user):
    """Whether ``user`` must sign in with a second factor when ADMIN_TWO_FACTOR is on.

    Administrators may change users, roles and the site's identity: their password alone is
    not enough. Superusers are administrators too, whether or not they are in the group.
    """
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()
