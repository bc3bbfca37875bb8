"""Reader-side template tags: images, and dates with the weekday as Vietnamese write it."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from portal.renditions import srcset

from .. import caching

register = template.Library()


def _weekday(value):
    # pgettext keeps these apart from Django's own "Monday" ("Thứ 2"); readers write "Thứ Hai".
    return [
        pgettext("long weekday", "Monday"),
        pgettext("long weekday", "Tuesday"),
        pgettext("long weekday", "Wednesday"),
        pgettext("long weekday", "Thursday"),
        pgettext("long weekday", "Friday"),
        pgettext("long weekday", "Saturday"),
        pgettext("long weekday", "Sunday"),
    ][value.weekday()]


@register.filter
def vi_datetime(value):
    """ "Thứ Sáu, 27/11/2026 - 09:30": the weekday, then the locale's DATETIME_FORMAT.

    Dates alone and numbers need no filter of ours: ``|date`` and ``|intcomma`` already give
    "27/11/2026" and "2.201" with portal/formats/vi.
    """
    if not value:
        return ""
    value = timezone.localtime(value)
    return f"{_weekday(value)}, {date_format(value, 'DATETIME_FORMAT')}"


@register.simple_tag
def picture(image, width, height, alt, sizes="100vw", eager=False):
    """An <img> with its size, smaller copies in ``srcset``, lazy unless ``eager``.

    A simple tag, not an included template: a home page draws dozens of them.
    """
    if not image:
        return ""
    extra = ""
    if width:
        extra = format_html(
            ' srcset="{}" sizes="{}" width="{}" height="{}"',
            srcset(image, width),
            sizes,
            width,
            height,
        )
    loading = ' fetchpriority="high"' if eager else ' loading="lazy"'
    return format_html(
        '<img src="{}"{} alt="{}"{} decoding="async">', image.url, extra, alt, mark_safe(loading)
    )


@register.simple_tag
def article_card(article, **options):
    """``{% article_card article heading="h3" show_lead=True %}``: the card of a list, kept
    ready-drawn in memory (``news.caching.article_card``)."""
    return caching.article_card(article, **options)
