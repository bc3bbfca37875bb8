"""The old-site export: one JSON object per line (format in docs/import.md)."""

import datetime
import json

from django.utils import timezone
from django.utils.translation import gettext as _

from news.models import Article

from .articles import ArticleRecord
from .cleaning import clean_text
from .media import ImportProblem

REQUIRED = ("legacy_id", "title", "published_at", "category")
MAX_LEGACY_ID = 2_147_483_647  # the column is a PositiveIntegerField


def parse_datetime(value):
    """An ISO 8601 date and time; without an offset it is the site's local time."""
    try:
        parsed = datetime.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise ImportProblem(
            _("published_at: %(value)r is not an ISO 8601 date (2015-03-02T08:30:00+07:00)")
            % {"value": value}
        ) from error
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def _count(value, field):
    if value in (None, ""):
        return 0
    if isinstance(value, bool) or not str(value).strip().isdigit() or not str(value).isascii():
        raise ImportProblem(
            _("%(field)s: %(value)r is not a whole number") % {"field": field, "value": value}
        )
    return int(str(value).strip())


def _picture(value, field):
    """``(path, caption, alt)`` from "path" or {"path": …, "caption": …, "alt": …}."""
    if isinstance(value, str):
        return value, "", ""
    if isinstance(value, dict) and isinstance(value.get("path"), str):
        return value["path"], clean_text(value.get("caption")), clean_text(value.get("alt"))
    raise ImportProblem(
        _('%(field)s: each picture is a path or {"path": …, "caption": …}') % {"field": field}
    )


def _tags(value):
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        raise ImportProblem(_("tags: a list of names is expected"))
    return list(dict.fromkeys(name for name in map(clean_text, value) if name))


def record_from_json(data):
    """The ArticleRecord of one decoded line, or ImportProblem saying what is wrong."""
    if not isinstance(data, dict):
        raise ImportProblem(_("a line must be one JSON object {…}"))
    missing = [field for field in REQUIRED if data.get(field) in (None, "")]
    if missing:
        raise ImportProblem(_("missing fields: %(fields)s") % {"fields": ", ".join(missing)})
    legacy_id = _count(data["legacy_id"], "legacy_id")
    if not 0 < legacy_id <= MAX_LEGACY_ID:
        raise ImportProblem(_("legacy_id: %(value)s is out of range") % {"value": legacy_id})
    title = clean_text(data["title"])
    if not title:
        raise ImportProblem(_("title: empty once its HTML is removed"))
    cover = _picture(data["cover_image"], "cover_image") if data.get("cover_image") else None
    images = data.get("images") or []
    if not isinstance(images, list):
        raise ImportProblem(_("images: a list is expected"))
    return ArticleRecord(
        key_field="legacy_id",
        key=legacy_id,
        title=title,
        published_at=parse_datetime(data["published_at"]),
        category=clean_text(data["category"]),
        status=Article.Status.PUBLISHED,
        lead=clean_text(data.get("lead")),
        body_html=str(data.get("body_html") or ""),
        organization=clean_text(data.get("organization")),
        source_name=clean_text(data.get("source_name")),
        source_url=str(data.get("source_url") or "").strip(),
        byline=clean_text(data.get("author")),
        read_count=_count(data.get("read_count"), "read_count"),
        tags=_tags(data.get("tags")),
        cover_image=cover[0] if cover else "",
        cover_caption=cover[1] if cover else "",
        cover_alt=cover[2] if cover else "",
        images=[_picture(item, "images")[:2] for item in images],
    )


def read_lines(path):
    """``(line number, record or ImportProblem)`` for each non-blank line of the file."""
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            except UnicodeDecodeError:
                yield number, ImportProblem(_("the line is not UTF-8 text"))
                continue
            if not text:
                continue
            try:
                yield number, record_from_json(json.loads(text))
            except json.JSONDecodeError as error:
                yield number, ImportProblem(_("not valid JSON (%(error)s)") % {"error": error.msg})
            except ImportProblem as problem:
                yield number, problem


def count_lines(path):
    with open(path, "rb") as handle:
        return sum(1 for raw in handle if raw.strip())
