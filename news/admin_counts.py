"""The newsroom's counts in the admin index's list of apps: the review queue ("Chờ duyệt")
for those who publish, and each person's unread notifications. In the list of apps, so they
stay whatever the index page's own template shows."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Article, Notification


def _counted_once(request, name, count):
    """``count()`` once per request: the index asks for its list of apps twice (the page's
    and the sidebar's), and the dashboard shows the review queue's count too."""
    counts = request.__dict__.setdefault("_newsroom_counts", {})
    if name not in counts:
        counts[name] = count()
    return counts[name]


def review_queue_count(request):
    return _counted_once(request, "review", Article.objects.awaiting_review().count)


def app_list_add_counts(request, app_list):
    news = next((app for app in app_list if app["app_label"] == "news"), None)
    if news is None:
        return
    for model in news["models"]:
        if model["object_name"] == "Notification":
            unread = _counted_once(
                request,
                "unread",
                Notification.objects.shown_to(request.user).unread().count,
            )
            model["name"] = _("%(name)s (%(count)d unread)") % {
                "name": model["name"],
                "count": unread,
            }
            model["admin_url"] = (model["admin_url"] or "") + "?read=no"
    if request.user.has_perm("news.publish_article"):
        count = review_queue_count(request)
        news["models"].insert(
            0,
            {
                "name": _("Waiting for review (%(count)d)") % {"count": count},
                "object_name": "ReviewQueue",
                "model": None,
                "perms": {"view": True},
                "admin_url": reverse("admin:news_article_changelist") + "?state=review",
                "add_url": None,
                "view_only": True,
            },
        )
