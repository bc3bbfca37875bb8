"""The cached menu, and the receivers that refresh it.

The menu is on every page, so it is built once (one query) and kept in the cache as plain
dicts. Saving or deleting a menu item, or anything a menu item shows (a category, an
organisation, a static page: their names and addresses), forgets it, so an administrator's
change shows on the next page. A cache that is down costs the query, never the page.
"""

import logging

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

MENU_KEY = "pages:menu"
TIMEOUT = 60 * 60


def forget_menu(**kwargs):
    try:
        cache.delete(MENU_KEY)
    except Exception:  # the next save, or the timeout, refreshes it
        logger.warning("Could not forget the cached menu", exc_info=True)


def menu_items():
    """The menu as ``[{"label", "url", "is_external", "children": [...]}]``, top level first."""
    try:
        items = cache.get(MENU_KEY)
    except Exception:  # a cache that is down must not take the page with it
        items = None
    if items is None:
        items = _build_menu()
        try:
            cache.set(MENU_KEY, items, TIMEOUT)
        except Exception:
            pass
    return items


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
    from news.models import Category
    from organizations.models import Organization

    from .models import MenuItem, Page

    for model in (MenuItem, Page, Category, Organization):
        uid = f"pages_forget_menu_{model._meta.label_lower}"
        post_save.connect(forget_menu, sender=model, dispatch_uid=uid + "_save")
        post_delete.connect(forget_menu, sender=model, dispatch_uid=uid + "_delete")
