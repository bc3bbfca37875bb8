"""WordPress export files (WXR 1.0 to 1.2): RSS 2.0 with WordPress's own elements.

The file is read twice, one <item> at a time (memory stays flat however big the export): first
the categories, tags, authors and attachments, which a post refers to but which may come after
it; then the posts. It is parsed by defusedxml: a file that declares entities (the "billion
laughs") or refers to outside files (XXE) is refused before anything is imported.
"""

import datetime
import email.utils
from urllib.parse import unquote

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from django.utils import timezone
from django.utils.translation import gettext as _

from news.models import Article

from .articles import ArticleRecord
from .cleaning import clean_text, wordpress_paragraphs, wordpress_shortcodes
from .media import ImportProblem

WP = "http://wordpress.org/export/"
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,  # published with a future time: scheduled
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.DRAFT,
    "private": Article.Status.DRAFT,  # not for readers
}
# Read counts kept by the common view-counter plugins (WP-PostViews, many themes).
VIEW_COUNT_KEYS = ("views", "post_views_count")
CATEGORY_LEVELS = 2  # ours: top level and one level of sub-categories


class WxrError(Exception):
    """The whole file cannot be read."""


def _name(tag):
    """ "wp:post_id", "content:encoded", "excerpt:encoded", "title": one name per version."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    if namespace.startswith(WP):
        return f"excerpt:{local}" if namespace.endswith("/excerpt/") else f"wp:{local}"
    prefix = NAMESPACES.get(namespace)
    return f"{prefix}:{local}" if prefix else local


def _items(path):
    """Every top-level element of <channel> as (name, element), cleared after use."""
    try:
        parser = SafeET.iterparse(str(path), events=("start", "end"))
        depth = 0
        for event, element in parser:
            if event == "start":
                depth += 1
                continue
            depth -= 1
            if depth == 2:  # rss > channel > this
                yield _name(element.tag), element
                element.clear()
    except DefusedXmlException as error:
        raise WxrError(
            _(
                "the file declares XML entities or refers to other files, which an export never "
                "does; it is refused for safety (%(error)s)"
            )
            % {"error": error}
        ) from error
    except SafeET.ParseError as error:
        raise WxrError(
            _("the file is not well-formed XML: %(error)s") % {"error": error}
        ) from error


def _text(element, name):
    for child in element:
        if _name(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _item_fields(element):
    fields = {"categories": [], "meta": {}}
    for child in element:
        name = _name(child.tag)
        if name == "category":
            fields["categories"].append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            fields["meta"][_text(child, "wp:meta_key")] = _text(child, "wp:meta_value")
        elif name not in fields:
            fields[name] = child.text or ""
    return fields


class WxrFile:
    def __init__(self, path):
        self.path = path
        self.categories = {}  # nicename: (name, parent nicename)
        self.authors = {}  # login: display name
        self.attachments = {}  # post id: (url, caption, alt)
        self.item_count = 0
        self.version = None
        self._scan()
        self.folded = {}  # nicename of a deep category: the name of the one it was folded into

    def _scan(self):
        for name, element in _items(self.path):
            if name == "wp:wxr_version":
                self.version = (element.text or "").strip()
            elif name == "wp:category":
                self.categories[_text(element, "wp:category_nicename")] = (
                    clean_text(_text(element, "wp:cat_name")),
                    _text(element, "wp:category_parent"),
                )
            elif name == "wp:author":
                self.authors[_text(element, "wp:author_login")] = clean_text(
                    _text(element, "wp:author_display_name")
                )
            elif name == "item":
                self.item_count += 1
                if _text(element, "wp:post_type") == "attachment":
                    fields = _item_fields(element)
                    self.attachments[_text(element, "wp:post_id")] = (
                        fields.get("wp:attachment_url", "").strip(),
                        clean_text(fields.get("excerpt:encoded")),
                        clean_text(fields["meta"].get("_wp_attachment_image_alt")),
                    )
        if self.version is None:
            raise WxrError(_("this is not a WordPress export (no wp:wxr_version)"))

    def items(self):
        """``(number, fields)`` for every <item>, numbered from 1 in file order."""
        number = 0
        for name, element in _items(self.path):
            if name == "item":
                number += 1
                yield number, _item_fields(element)

    def category_chain(self, nicename, fallback_name):
        """Names from the top-level category down to ``nicename``."""
        chain, seen = [], set()
        while nicename and nicename in self.categories and nicename not in seen:
            seen.add(nicename)
            name, nicename = self.categories[nicename]
            chain.insert(0, name)
        return chain or [fallback_name]


def _post_datetime(fields):
    gmt = fields.get("wp:post_date_gmt", "").strip()
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.datetime.fromisoformat(gmt).replace(tzinfo=datetime.UTC)
        except ValueError:
            pass
    local = fields.get("wp:post_date", "").strip()
    if local and not local.startswith("0000"):
        try:
            return timezone.make_aware(datetime.datetime.fromisoformat(local))
        except ValueError:
            pass
    if fields.get("pubDate", "").strip():
        try:
            return email.utils.parsedate_to_datetime(fields["pubDate"].strip())
        except (TypeError, ValueError):
            pass
    return None


def _view_count(meta):
    for key in VIEW_COUNT_KEYS:
        value = meta.get(key, "").strip()
        if value.isascii() and value.isdigit():
            return int(value)
    return 0


def record_from_item(wxr, fields):
    """``(record, notes)`` for one post; ImportProblem when it cannot be imported."""
    notes = []
    post_id = fields.get("wp:post_id", "").strip()
    if not (post_id.isascii() and post_id.isdigit()) or int(post_id) == 0:
        raise ImportProblem(_("wp:post_id %(value)r is not a post number") % {"value": post_id})
    title = clean_text(fields.get("title"))
    if not title:
        raise ImportProblem(_("the post has no title"))
    status = fields.get("wp:status", "").strip()
    published_at = _post_datetime(fields)
    if published_at is None:
        if status == "publish" or status == "future":
            raise ImportProblem(_("the post has no date"))
        published_at = timezone.now()
    categories = [
        (nicename, text) for domain, nicename, text in fields["categories"] if domain == "category"
    ]
    # WXR 1.0 may also name a category by its text alone, without a domain.
    categories += [("", text) for domain, _nicename, text in fields["categories"] if not domain]
    fallback = _("Uncategorised")
    nicename, text = categories[0] if categories else ("", fallback)
    chain = wxr.category_chain(nicename, clean_text(text) or fallback)
    if len(chain) > CATEGORY_LEVELS:
        wxr.folded.setdefault(nicename, (" › ".join(chain), chain[CATEGORY_LEVELS - 1]))
        chain = chain[:CATEGORY_LEVELS]
    body, removed = wordpress_shortcodes(fields.get("content:encoded", ""))
    if removed:
        notes.append(
            _("shortcodes removed: %(names)s") % {"names": ", ".join(sorted(set(removed)))}
        )
    login = clean_text(fields.get("dc:creator"))
    cover = ("", "", "")
    thumbnail = fields["meta"].get("_thumbnail_id", "").strip()
    if thumbnail:
        if thumbnail in wxr.attachments:
            cover = wxr.attachments[thumbnail]
        else:
            notes.append(
                _("featured image %(id)s is not in the export; no cover") % {"id": thumbnail}
            )
    record = ArticleRecord(
        key_field="wordpress_id",
        key=int(post_id),
        title=title,
        published_at=published_at,
        category=chain[-1],
        category_parent=chain[0] if len(chain) > 1 else "",
        status=STATUSES[status],
        lead=clean_text(fields.get("excerpt:encoded")),
        body_html=wordpress_paragraphs(body),
        byline=wxr.authors.get(login) or login,
        read_count=_view_count(fields["meta"]),
        tags=list(
            dict.fromkeys(
                clean_text(text)
                for domain, _nicename, text in fields["categories"]
                if domain == "post_tag" and clean_text(text)
            )
        ),
        cover_image=cover[0],
        cover_caption=cover[1],
        cover_alt=cover[2],
        wordpress_slug=unquote(fields.get("wp:post_name", "").strip()).lower()[:200],
    )
    return record, notes
