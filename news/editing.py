"""Two editors on one article: the stale form is refused, and who has it open is shown.

The form carries the article's ``updated_at`` as it was when the form was loaded (its
version token). A save whose token is no longer the stored one is refused; the editor sees
who changed the article, when and what, and keeps their own text on screen.

"Đang có người sửa" is a marker in the cache per article, refreshed by the open form; it
expires by itself EDITING_PRESENCE_SECONDS after the form was closed. A cache that is down
only hides the marker.
"""

import datetime
import time

from django.conf import settings
from django.core.cache import cache

from .models import Article


def version_token(article):
    """The token a form loaded now carries: the stored last-change time, to the microsecond."""
    if article is None or article.pk is None or article.updated_at is None:
        return ""
    return article.updated_at.astimezone(datetime.UTC).isoformat()


def stale_by(*, article_pk, token):
    """The stored article, locked for this transaction, when ``token`` is out of date."""
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to updated_by.
    current = (
        Article.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .filter(pk=article_pk)
        .first()
    )
    if current is None or version_token(current) == token:
        return None
    return current


def _presence_key(article_pk):
    return f"news:editing:{article_pk}"


def presence_mark(*, article_pk, user):
    """Record that ``user`` has the article open now."""
    key = _presence_key(article_pk)
    try:
        marks = cache.get(key) or {}
        now = time.time()
        marks = {
            uid: mark
            for uid, mark in marks.items()
            if now - mark[1] < settings.EDITING_PRESENCE_SECONDS
        }
        marks[user.pk] = (user.get_full_name() or user.get_username(), now)
        cache.set(key, marks, settings.EDITING_PRESENCE_SECONDS)
    except Exception:  # a cache that is down must not take the editor's form with it
        pass


def presence_others(*, article_pk, user):
    """Names of the other people who have the article open, by the marker."""
    try:
        marks = cache.get(_presence_key(article_pk)) or {}
    except Exception:
        return []
    now = time.time()
    return sorted(
        name
        for uid, (name, seen) in marks.items()
        if uid != user.pk and now - seen < settings.EDITING_PRESENCE_SECONDS
    )


def presence_clear(*, article_pk, user):
    key = _presence_key(article_pk)
    try:
        marks = cache.get(key) or {}
        if marks.pop(user.pk, None) is not None:
            cache.set(key, marks, settings.EDITING_PRESENCE_SECONDS)
    except Exception:
        pass
