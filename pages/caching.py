"""The cache of the pages app: the menu, and what makes cached pages old when menu items or
static pages change.

The menu is on every page, so it is built once (one query) and kept under the site version
(portal/caching.py) as plain dicts. Saving or deleting a menu item or a static page bumps the
version through the receivers connected in PagesConfig.ready(); a category or an organisation
(whose names and addresses menu items show) bumps it through its own app's receivers. So an
administrator's change shows on the next page. A cache that is down costs the query, never
the page.
"""

from django.template.loader import render_to_string
from django.utils.html import escape

from portal.caching import bump_on_change, cached

MENU_KEY = "pages:menu"
MENU_HTML_KEY = "pages:menu-html"
TIMEOUT = 60 * 60


def menu_items():
    """The menu as ``[{"label", "url", "is_external", "children": [...]}]``, top level first."""
    return cached(MENU_KEY, _build_menu, TIMEOUT)


def menu_html(current_path):
    """The menu drawn as HTML, the links to ``current_path`` marked ``aria-current="page"``.

    Drawn once under the site version with no link marked; the mark is added to each link
    whose address is the page's own (the template escapes addresses as ``escape()`` does).
    """
    html = cached(
        MENU_HTML_KEY,
        lambda: render_to_string("pages/includes/main_menu.html", {"items": menu_items()}),
        TIMEOUT,
    )
    if not current_path:
        return html
    link = f'href="{escape(current_path)}"'
    return html.replace(link, f'{link} aria-current="page"')


def _entry(label, url, is_external=False):
    return {"label": label, "url": url, "is_external": is_external, "children": []}


def _build_menu():
    from news.models import Category

    from .models import MenuItem

    items = list(MenuItem.objects.for_menu())
    if not items and not MenuItem.objects.exists():
        # No menu arranged yet: the categories shown in the menu, with their sub-categories.
        return _tree(
            Category.objects.in_menu().order_by("order", "name").only("name", "slug", "parent"),
            lambda category: _entry(category.name, category.get_absolute_url()),
        )
    return _tree(
        (item for item in items if item.target_url),
        lambda item: _entry(item.label, item.target_url, item.is_external),
    )


def _tree(objects, make_entry):
    top, children = [], {}
    for obj in objects:
        entry = make_entry(obj)
        if obj.parent_id is None:
            entry["id"] = obj.pk
            top.append(entry)
        else:
            children.setdefault(obj.parent_id, []).append(entry)
    for entry in top:
        entry["children"] = children.get(entry.pop("id"), [])
    return top


def connect_receivers():
    from .models import MenuItem, Page

    bump_on_change(MenuItem, Page)
