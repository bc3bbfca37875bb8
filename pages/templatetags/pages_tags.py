"""The menu on every page, and the static pages among search results."""

from django import template
from django.utils.safestring import mark_safe

from pages import caching
from pages.models import Page

register = template.Library()

SEARCH_PAGES_LIMIT = 5


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The menu arranged in the admin, drawn once (cached), with the current page marked."""
    request = context.get("request")
    html = caching.menu_html(request.path if request else "")
    return mark_safe(html)  # our template's output, escaped when it was drawn


@register.inclusion_tag("pages/includes/search_results.html")
def page_search_results(query):
    """Static pages that match a reader's search: a few, above the news."""
    return {
        "pages": list(
            Page.objects.published().search(query).only("title", "slug")[:SEARCH_PAGES_LIMIT]
        )
    }
