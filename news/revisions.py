"""Revisions of articles, kept by django-reversion: what was saved, shown and compared.

Every save through the admin stores the whole article (every field the model has, its tags,
related articles and gallery pictures) as one revision with who and when. The snapshot is
generic over the model's fields: a field added later is captured, shown and compared without
a change here. Only derived or counted columns are left out: restoring an old revision must
never write back an old read count.
"""

import difflib
import re

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from reversion.models import Version

from .models import Article, ArticleImage

# Derived from other fields (search keys) or changed only in SQL (reads): never versioned.
ARTICLE_EXCLUDED = ["read_count", "search_title", "search_text"]
IMAGES = "images"

# What a revision's comment may say; stored as the key, shown in the reader's language.
ACTIONS = {
    "draft": gettext_noop("Saved as a draft"),
    "publish": gettext_noop("Published"),
    "schedule": gettext_noop("Scheduled"),
    "save": gettext_noop("Saved"),
    "withdraw": gettext_noop("Withdrawn (back to draft)"),
    "submit": gettext_noop("Sent for review"),
    "send_back": gettext_noop("Sent back to the writer"),
    "restore": gettext_noop("Restored an earlier revision"),
    "import": gettext_noop("Pictures from other sites imported"),
}


def register():
    """Called once from NewsConfig.ready()."""
    if not reversion.is_registered(ArticleImage):
        reversion.register(ArticleImage)
    if not reversion.is_registered(Article):
        reversion.register(Article, follow=[IMAGES], exclude=ARTICLE_EXCLUDED)


# Comments whose part after the key is for people: the reason given when sending back.
WITH_REASON = {"send_back"}


def action_label(comment):
    key, _sep, detail = comment.partition(":")
    if key not in ACTIONS:
        return comment
    if key in WITH_REASON and detail:
        return _("%(action)s: %(reason)s") % {"action": _(ACTIONS[key]), "reason": detail}
    return _(ACTIONS[key])


def versioned_fields(model=Article):
    """The fields an editor can see and restore, in the model's order."""
    excluded = set(ARTICLE_EXCLUDED) if model is Article else set()
    return [
        field
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if field.editable and not field.primary_key and field.name not in excluded
    ]


def article_versions(article):
    """The article's revisions, newest first, with who saved each."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def version_images(version):
    """The gallery pictures saved in the same revision as ``version``: field dicts."""
    content_type = ContentType.objects.get_for_model(ArticleImage)
    image_versions = version.revision.version_set.filter(content_type=content_type)
    return sorted(
        (dict(v.field_dict, id=int(v.object_id)) for v in image_versions),
        key=lambda image: (image["order"], image["id"]),
    )


def snapshots_of_versions(versions):
    """snapshot_from_version() of each, with the pictures of all of them in one query."""
    content_type = ContentType.objects.get_for_model(ArticleImage)
    by_revision = {}
    image_versions = Version.objects.filter(
        revision_id__in=[v.revision_id for v in versions], content_type=content_type
    )
    for image_version in image_versions:
        by_revision.setdefault(image_version.revision_id, []).append(
            dict(image_version.field_dict, id=int(image_version.object_id))
        )
    return [snapshot_from_version(v, images=by_revision.get(v.revision_id, [])) for v in versions]


def snapshot_from_version(version, *, images=None):
    """{field name: raw value} of a revision, pictures included under ``IMAGES``."""
    data = version.field_dict
    if images is None:
        images = version_images(version)
    images = sorted(images, key=lambda image: (image["order"], image["id"]))
    snapshot = {}
    for field in versioned_fields():
        if field.many_to_many:
            snapshot[field.name] = sorted(int(pk) for pk in data.get(field.attname, []) or [])
        else:
            snapshot[field.name] = data.get(field.attname)
    snapshot[IMAGES] = [
        {"image": str(i["image"] or ""), "caption": i["caption"], "alt_text": i["alt_text"]}
        for i in images
    ]
    return snapshot


def snapshot_from_form(cleaned_data, instance):
    """The same shape as snapshot_from_version() for what an editor has in a form."""
    snapshot = snapshot_from_instance(instance, with_relations=False)
    for field in versioned_fields():
        if field.name not in cleaned_data:
            continue
        value = cleaned_data[field.name]
        if field.many_to_many:
            snapshot[field.name] = sorted(obj.pk for obj in value or [])
        elif field.is_relation:
            snapshot[field.name] = value.pk if value else None
        elif isinstance(field, models.FileField):
            snapshot[field.name] = getattr(value, "name", None) or (
                snapshot.get(field.name) if value is None else ""
            )
        else:
            snapshot[field.name] = value
    return snapshot


def snapshot_from_instance(article, *, with_relations=True):
    snapshot = {}
    for field in versioned_fields():
        if field.many_to_many:
            if with_relations:
                snapshot[field.name] = sorted(
                    getattr(article, field.name).values_list("pk", flat=True)
                )
        elif field.is_relation:
            snapshot[field.name] = getattr(article, field.attname)
        elif isinstance(field, models.FileField):
            snapshot[field.name] = getattr(article, field.name).name or ""
        else:
            snapshot[field.name] = getattr(article, field.name)
    if with_relations and article.pk:
        snapshot[IMAGES] = [
            {"image": i.image.name, "caption": i.caption, "alt_text": i.alt_text}
            for i in article.images.all()
        ]
    return snapshot


def _related_names(snapshots):
    """{(model, pk): str} for every object the snapshots point at: one query per model."""
    wanted = {}
    for field in versioned_fields():
        if not field.is_relation:
            continue
        for snapshot in snapshots:
            value = snapshot.get(field.name)
            values = value if isinstance(value, list) else [value]
            wanted.setdefault(field.related_model, set()).update(v for v in values if v)
    names = {}
    for model, pks in wanted.items():
        for obj in model._default_manager.filter(pk__in=pks):
            names[(model, obj.pk)] = str(obj)
    return names


def _display(field, value, names):
    if field.many_to_many:
        return "\n".join(names.get((field.related_model, pk), f"#{pk}") for pk in value or [])
    if field.is_relation:
        return names.get((field.related_model, value), "") if value else ""
    if value in (None, ""):
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateTimeField):
        if isinstance(value, str):
            value = models.DateTimeField().to_python(value)
        return date_format(timezone.localtime(value), "d/m/Y H:i")
    if field.name == "body":
        return body_text(value)
    return str(value)


def body_text(html):
    """The body as lines of text for comparison: a paragraph a line, pictures named."""
    html = re.sub(r'<img[^>]*\bsrc="([^"]*)"[^>]*>', r"\n[" + _("picture") + r": \1]\n", html)
    html = re.sub(r"</(p|h\d|li|blockquote|figure|figcaption|tr)>|<br\s*/?>", "\n", html)
    lines = (line.strip() for line in strip_tags(html).splitlines())
    return "\n".join(line for line in lines if line)


def _images_display(images):
    return "\n".join(
        " · ".join(part for part in (i["image"], i["caption"], i["alt_text"]) if part)
        for i in images or []
    )


def snapshot_rows(*snapshots):
    """[(label, [display value per snapshot])] in the model's order, pictures last."""
    names = _related_names(snapshots)
    rows = []
    for field in versioned_fields():
        values = [_display(field, s.get(field.name), names) for s in snapshots]
        rows.append((capfirst(field.verbose_name), values))
    rows.append(
        (
            capfirst(ArticleImage._meta.verbose_name_plural),
            [_images_display(s.get(IMAGES)) for s in snapshots],
        )
    )
    return rows


def _tokens(text):
    # A word keeps the spaces after it: a changed phrase is marked as one piece.
    return re.findall(r"\w+\s*|[^\w\s]\s*|\s+", text)


def diff_pair(old, new):
    """(old, new) as HTML with what was removed in <del> and what was added in <ins>."""
    a, b = _tokens(old), _tokens(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))


def compare(old_snapshot, new_snapshot, *, changed_only=False):
    """Rows of a side-by-side comparison: {label, old, new, changed}."""
    rows = []
    for label, (old, new) in snapshot_rows(old_snapshot, new_snapshot):
        changed = old != new
        if changed_only and not changed:
            continue
        old_html, new_html = diff_pair(old, new) if changed else (escape(old), escape(new))
        rows.append({"label": label, "old": old_html, "new": new_html, "changed": changed})
    return rows
