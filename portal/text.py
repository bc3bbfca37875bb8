"""Vietnamese text helpers shared by every app: slugs and diacritic-blind search keys."""

import re
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


# A word of a search document or a query: letters and digits ("_" separates, as it does for
# PostgreSQL's text search parser and SQLite's FTS5 tokenizer, so all three split alike).
_WORD = re.compile(r"[^\W_]+")


def search_words(text):
    """The words of ``text`` in lower case and Unicode's composed form (NFC), in order."""
    return _WORD.findall(unicodedata.normalize("NFC", str(text)).casefold())


def search_document(text):
    """What a search index holds for ``text``: its folded words, in order, then each word that
    carries diacritics as written, once: "Hà Tiên, hà" -> "ha tien ha hà tiên".

    A folded query word finds every spelling; a query word with diacritics can also be
    matched exactly, so that "hà" ranks "Hà Tiên" above "Hạ Long" (news/search.py).
    """
    folded = search_words(fold_vi(text))
    seen = set(folded)
    exact = [word for word in dict.fromkeys(search_words(text)) if word not in seen]
    return " ".join(folded + exact)
