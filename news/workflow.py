"""The way an article goes from its writer to the readers, and who is told.

draft ("Nháp") → waiting for review ("Chờ duyệt") → published ("Đã xuất bản") or scheduled
("Hẹn giờ"). An editor sends an article waiting for review back to its writer with a reason
("Bị trả lại", a draft again); a published or scheduled article can be withdrawn (a draft).

Who may do what:
- a writer without ``news.review_article`` (the "Cộng tác viên" role) sees and changes only
  the articles they created, and only while they are drafts (sent back included), for the
  units of their account (organizations.StaffMembership); they send them for review;
- ``news.publish_article`` publishes and schedules (the "Biên tập viên" role and above).

Each transition is a revision of the article (news/revisions.py) with who and when, so the
history shows it; the people concerned get a Notification, mailed through Django's mail.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from organizations.models import Organization

from .models import Article, Notification

logger = logging.getLogger(__name__)

REASON_MAX_LENGTH = 2000
PUBLIC_STATES = {Article.State.PUBLISHED, Article.State.SCHEDULED}


def is_writer(user):
    """A writer works on their own drafts only; editors review every article."""
    return not user.has_perm("news.review_article")


def writer_units(user):
    """The organisations a writer writes for (their account's units)."""
    return Organization.objects.filter(memberships__user=user)


def editors():
    """Active staff accounts that may publish: told when an article waits for review."""
    perm = Permission.objects.get(content_type__app_label="news", codename="publish_article")
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__permissions=perm) | Q(user_permissions=perm))
        .distinct()
    )


def _name(user):
    return (user.get_full_name() or user.get_username()) if user else _("someone")


def article_after_save(*, article, user, before):
    """What a save through the article form means, from the state ``before`` it to the one
    after: the revision's comment (its line in the history), and who is told."""
    after = article.state
    if after == before:
        return None
    _pending_publications(article).delete()
    if after == Article.State.REVIEW:
        _tell_editors_submitted(article, user)
        return "submit"
    if after in PUBLIC_STATES:
        _tell_author_published(article, user)
        return "schedule" if after == Article.State.SCHEDULED else "publish"
    if before in PUBLIC_STATES:
        return "withdraw"
    return None


def submit_fields(article):
    """ "Gửi duyệt": waiting for review from now; an earlier send-back reason is done with."""
    article.status = Article.Status.REVIEW
    article.submitted_at = timezone.now()
    article.review_note = ""


def article_send_back(*, article, user, reason):
    """An editor gives an article waiting for review back to its writer, with the reason."""
    import reversion

    with transaction.atomic(), reversion.create_revision():
        article.status = Article.Status.DRAFT
        article.submitted_at = None
        article.review_note = reason
        article.updated_by = user
        article.save()
        reversion.set_user(user)
        reversion.set_comment(f"send_back:{reason}")
    author = article.created_by
    if author is not None:
        text = _("“%(title)s” was sent back to you by %(name)s: %(reason)s") % {
            "title": article.title,
            "name": _name(user),
            "reason": reason,
        }
        _notify([author], article, Notification.Kind.SENT_BACK, text)


def _pending_publications(article):
    """Publication notices not shown yet (a scheduled time ahead): a new time or a withdrawal
    replaces them."""
    return Notification.objects.filter(
        article=article,
        kind=Notification.Kind.PUBLISHED,
        due_at__gt=timezone.now(),
        mailed_at__isnull=True,
    )


def _tell_editors_submitted(article, user):
    text = _("%(name)s sent “%(title)s” for review.") % {
        "name": _name(user),
        "title": article.title,
    }
    _notify(editors().exclude(pk=user.pk), article, Notification.Kind.SUBMITTED, text)


def _tell_author_published(article, user):
    author = article.created_by
    if author is None or author.pk == user.pk:
        return
    when = date_format(timezone.localtime(article.published_at), "H:i d/m/Y")
    text = _("“%(title)s” was published by %(name)s; readers see it from %(when)s.") % {
        "title": article.title,
        "name": _name(user),
        "when": when,
    }
    due = max(article.published_at, timezone.now())
    _notify([author], article, Notification.Kind.PUBLISHED, text, due_at=due)


def _notify(recipients, article, kind, text, *, due_at=None):
    due_at = due_at or timezone.now()
    rows = Notification.objects.bulk_create(
        Notification(recipient=r, article=article, kind=kind, text=text, due_at=due_at)
        for r in recipients
    )
    if due_at <= timezone.now():
        notifications_mail([n.pk for n in rows])


def notifications_mail(ids=None):
    """Mail the notifications that are due and not mailed yet (``ids``: only those).

    Each is claimed in SQL before it is sent (``mailed_at`` set where still empty), so the
    request that made it and a ``send_notifications`` run at the same moment never both mail
    it. A mail server that is down loses nothing: the claim is undone, the notice is shown in
    the admin all the same, and the next run mails it. Returns the count mailed.
    """
    due = Notification.objects.due_unmailed().select_related("recipient", "article")
    if ids is not None:
        due = due.filter(pk__in=ids)
    sent = 0
    for notification in due:
        claim = Notification.objects.filter(pk=notification.pk, mailed_at__isnull=True)
        if not claim.update(mailed_at=timezone.now()):
            continue  # another process has it
        if notification.recipient.email and not _mail(notification):
            Notification.objects.filter(pk=notification.pk).update(mailed_at=None)
            continue
        sent += 1
    return sent


def _mail(notification):
    scheme = "http" if settings.DEBUG else "https"
    url = f"{scheme}://{settings.SITE_DOMAIN}" + reverse(
        "admin:news_article_change", args=[notification.article_id]
    )
    try:
        send_mail(
            subject=_("[Portal] %(kind)s: %(title)s")
            % {"kind": notification.get_kind_display(), "title": notification.article},
            message=f"{notification.text}\n\n{url}",
            from_email=None,
            recipient_list=[notification.recipient.email],
        )
    except OSError:
        logger.warning("notification %s not mailed", notification.pk, exc_info=True)
        return False
    return True
