"""Vietnamese text helpers shared by every app: slugs and diacritic-blind search keys."""

import unicodedata

from django.utils.text import slugify

# "Đ"/"đ" are letters of their own, not "D" with a mark, so NFKD cannot strip them.
_D_MAP = str.maketrans({"Đ": "D", "đ": "d"})


def fold_vi(value):
    """Lower-case ASCII form of a Vietnamese text: "Dân vận KHÉO" -> "dan van kheo"."""
    value = str(value).translate(_D_MAP)
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def slugify_vi(value, max_length=200):
    """Slug of a Vietnamese title: "Đoàn Thanh niên" -> "doan-thanh-nien"."""
    slug = slugify(str(value).translate(_D_MAP))
    return slug[:max_length].strip("-")


def unique_slug(instance, value, *, field="slug", fallback="bai-viet"):
    """A slug for ``instance`` from ``value`` that no other row of its model uses."""
    max_length = instance._meta.get_field(field).max_length - 12
    base = slugify_vi(value, max_length=max_length) or fallback
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    slug, n = base, 2
    while others.filter(**{field: slug}).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug
