"""The menu on every page, and the static pages among search results."""

from django import template

from pages import caching
from pages.models import Page

register = template.Library()

SEARCH_PAGES_LIMIT = 5


@register.inclusion_tag("pages/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The menu arranged in the admin (cached), with the current page marked."""
    request = context.get("request")
    return {"items": caching.menu_items(), "current_path": request.path if request else ""}


@register.inclusion_tag("pages/includes/search_results.html")
def page_search_results(query):
    """Static pages that match a reader's search: a few, above the news."""
    return {
        "pages": list(
            Page.objects.published().search(query).only("title", "slug")[:SEARCH_PAGES_LIMIT]
        )
    }
