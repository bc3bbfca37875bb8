"""The cache of the news app: the "most read" box, and what makes cached pages old when
articles, their pictures, categories (the menu), tags or sources change.

Every receiver below is connected in NewsConfig.ready() and bumps the site version
(portal/caching.py): a publish, an edit, a withdrawal, a deletion, a change of tags or related
articles shows on the next page. A scheduled article needs no save when its time comes:
``next_scheduled_publication()`` tells the page cache when that is, and no page is kept past
it. Read counts change in SQL without any of this: a page's "Số lần đọc" and the "most read"
box may lag by up to PAGE_CACHE_SECONDS and READS_MOST_READ_CACHE_SECONDS.
"""

import hashlib
import logging
import secrets

from django.conf import settings
from django.core.cache import cache, caches
from django.db.models.signals import m2m_changed
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from organizations.caching import site_identity
from portal.caching import (
    bump_on_change,
    cached,
    next_scheduled,
    register_next_change,
    site_version_bump,
)

from .models import Article, ArticleImage, Category, Source, Tag

logger = logging.getLogger(__name__)

SHOWN_ON_PAGES = (Article, ArticleImage, Category, Source, Tag)


def m2m_changed_receiver(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        site_version_bump()


def connect():
    bump_on_change(*SHOWN_ON_PAGES)
    for through in (Article.tags.through, Article.related_articles.through):
        m2m_changed.connect(m2m_changed_receiver, sender=through, dispatch_uid=f"{through}")
    register_next_change(next_scheduled_publication)


def next_scheduled_publication():
    """When the next scheduled article goes live (None: none is scheduled)."""
    return next_scheduled(
        "news:next-scheduled", Article.objects.filter(status=Article.Status.PUBLISHED)
    )


def published_count_key(name):
    """The cache key of a count of published articles (a category's, an organisation's):
    kept under the site version by the paginator (a publish, a withdrawal or a move changes
    it) and keyed by the next scheduled publication, which changes it by itself."""
    moment = next_scheduled_publication()
    return f"news:count:{name}:{moment.timestamp() if moment else 'none'}"


READABLE_TIMEOUT = 60 * 60
TIMEOUT = 60 * 60


def home_sections():
    """The home page's sections: the menu's top-level categories, in menu order, each with
    the ids of its family (itself and its sub-categories), as ``[(category, ids)]``. Kept
    under the site version (a category's change bumps it)."""

    def build():
        sections = list(Category.objects.in_menu().top_level())
        families = {section.pk: [section.pk] for section in sections}
        children = Category.objects.filter(parent__in=sections).values_list("parent_id", "pk")
        for parent_id, pk in children:
            families[parent_id].append(pk)
        return [(section, families[section.pk]) for section in sections]

    return cached("news:home-sections", build, TIMEOUT)


def article_readable_since(article_id):
    """When the article ``article_id`` is (or will be) readable: its publication time when it
    is published and not in the trash, otherwise None (a draft, trashed or unknown id).

    For the read beacon, which then asks no database: kept under the site version, so a
    withdrawal, a trashing or a deletion takes effect on the next read. (With the Redis read
    buffer, the counting script keeps its own entry: news.reads._readable_store().)
    """

    def build():
        return article_readable_since_in_database(article_id) or False  # False: not readable

    return cached(f"news:readable:{article_id}", build, READABLE_TIMEOUT) or None


def article_readable_since_in_database(article_id):
    return (
        Article.objects.filter(
            pk=article_id, status=Article.Status.PUBLISHED, deleted_at__isnull=True
        )
        .values_list("published_at", flat=True)
        .first()
    )


# The most-read box's tabs: today, this ISO week (Monday to Sunday), this calendar month.
MOST_READ_WINDOWS = [("day", _("Today")), ("week", _("This week")), ("month", _("This month"))]


def most_read_windows(limit=10):
    """The most-read box's three lists: the box is on every page.

    Kept under the site version (an editor's change, such as a title or a withdrawal, shows
    at once) and the date (so "today", and a new week or month, start afresh at midnight),
    for READS_MOST_READ_CACHE_SECONDS at most (reads keep coming).
    """
    today = timezone.localdate()

    def build():
        published = Article.objects.published().for_listing()
        return [
            list(published.most_read_in(name, limit, day=today))
            for name, _label in MOST_READ_WINDOWS
        ]

    lists = cached(
        f"news:most-read:{today.isoformat()}:{limit}",
        build,
        settings.READS_MOST_READ_CACHE_SECONDS,
    )
    return [
        {"key": key, "label": label, "articles": articles}
        for (key, label), articles in zip(MOST_READ_WINDOWS, lists, strict=True)
    ]


# --- article cards ------------------------------------------------------------------------

CARD_TEMPLATE = "news/includes/article_card.html"
FRAGMENT_SECONDS = 24 * 60 * 60


def article_card(article, *, heading="h2", big=False, show_lead=False, show_category=False,
                 eager=False):  # fmt: skip
    """One article's card in a list (home, categories, tags, search, related news), as HTML.

    Kept in this process's memory (the "fragments" cache) under a key made of everything the
    card is drawn from: the article's own fields, the category's name when shown, the options
    and the language. A changed title or picture is a new key, so a card is never stale and
    nothing has to be invalidated: a publish makes every page old (the site version) but not
    the other articles' cards, and the first page drawn after it draws only the new one.
    The process's code and templates are part of nothing cached here: a deployment restarts
    the processes, which empties their memory.
    """
    options = (heading, big, show_lead, show_category, eager)
    drawn_from = (
        article.pk,
        article.slug,
        article.title,
        article.published_at,
        article.cover_image.name,
        article.cover_width,
        article.cover_height,
        article.cover_alt,
        article.cover_focal,
        article.lead if show_lead else "",
        article.category.name if show_category else "",
        options,
        get_language(),
    )
    key = "card:" + _digest(drawn_from)
    html = _kept(key)
    if html is None:
        context = {"article": article, "heading": heading, "big": big, "eager": eager,
                   "show_lead": show_lead, "show_category": show_category}  # fmt: skip
        html = str(render_to_string(CARD_TEMPLATE, context))
        _keep(key, html)
    return mark_safe(html)  # drawn by the template, which escapes what it shows


# --- the article page's own parts ---------------------------------------------------------

# Where what changes on every page goes in the article's drawn HTML: marks of this process's
# own, which no article can hold, so splitting the HTML at them is exact.
_MARKS = {name: mark_safe(f"<!--{secrets.token_hex(16)}-->") for name in ("documents", "reads")}


def article_parts(request, article, *, tags, images, canonical_url, keep=True):
    """The article page's own HTML: its link previews and structured data (``head``), then
    the article itself, split where the documents filed under it and its read count go
    (``before_documents``, ``before_reads``, ``rest``); those two are drawn on every page.

    Kept like the cards (``article_card``): in this process's memory, under a key made of
    everything the parts are drawn from (every field of the article but its read counts, its
    category and that category's parent, organisation, source, tags and pictures, the site's
    identity, the address asked for and the language), so a change shows at once and a
    publish of another article leaves them as they are. ``keep=False`` (the admin's preview
    of an unsaved form) draws them and keeps nothing.
    """
    drawn_from = (
        _values(article, skip=("read_count", "legacy_read_count")),
        _values(article.category),
        _values(article.category.parent),
        _values(article.organization),
        _values(article.source),
        [_values(tag) for tag in tags],
        [_values(image) for image in images],
        _values(site_identity()),
        request.scheme,
        request.get_host(),
        canonical_url,
        get_language(),
    )
    key = "article:" + _digest(drawn_from)
    parts = _kept(key) if keep else None
    if parts is None:
        context = {"article": article, "tags": tags, "images": images, "marks": _MARKS,
                   "canonical_url": canonical_url}  # fmt: skip
        head = render_to_string("news/includes/article_head.html", context, request)
        block = render_to_string("news/includes/article_block.html", context, request)
        before_documents, rest = block.split(_MARKS["documents"])
        before_reads, rest = rest.split(_MARKS["reads"])
        parts = {"head": head, "before_documents": before_documents,
                 "before_reads": before_reads, "rest": rest}  # fmt: skip
        if keep:
            _keep(key, parts)
    return {name: mark_safe(html) for name, html in parts.items()}  # our templates' output


# --- where drawn pieces are kept ----------------------------------------------------------


def _values(obj, skip=()):
    """Every field's value of ``obj`` (None for no object): what a drawn piece shows of it."""
    if obj is None:
        return None
    fields = obj._meta.concrete_fields
    return tuple(getattr(obj, f.attname) for f in fields if f.attname not in skip)


def _digest(drawn_from):
    return hashlib.md5(repr(drawn_from).encode(), usedforsecurity=False).hexdigest()


def _store():
    return caches["fragments"] if "fragments" in settings.CACHES else cache


def _kept(key):
    try:
        return _store().get(key)
    except Exception:  # a cache that is down costs the drawing, never the page
        logger.warning("Cache unavailable", exc_info=True)
        return None


def _keep(key, value):
    try:
        _store().set(key, value, FRAGMENT_SECONDS)
    except Exception:
        logger.warning("Cache unavailable", exc_info=True)
