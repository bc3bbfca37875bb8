"""The cached data of the blocks shown on every page: sponsors, partner links, site identity.

Each block costs one query when its cache entry is missing and none otherwise. Saving or
deleting a Sponsor, PartnerLink, SiteIdentity or Organization (model save()/delete(), and the
admin's bulk delete) calls invalidate_site_blocks(), so an administrator's change shows on the
next page. Sponsor entries are keyed by the local date, so a sponsorship that starts or ends
today is picked up at midnight without any save. The timeout bounds how long a value written by
a request that raced with a save can stay stale.
"""

import logging

from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

TIMEOUT = 60 * 60
IDENTITY_KEY = "organizations:site-identity"
PARTNER_LINKS_KEY = "organizations:partner-links"
TREE_KEY = "organizations:tree"
PLACEMENTS = ("sidebar", "footer")


def _sponsors_key(placement, today):
    return f"organizations:sponsors:{placement}:{today.isoformat()}"


def invalidate_site_blocks():
    today = timezone.localdate()
    cache.delete_many(
        [IDENTITY_KEY, PARTNER_LINKS_KEY, TREE_KEY] + [_sponsors_key(p, today) for p in PLACEMENTS]
    )


def _cached(key, build):
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def site_identity():
    from .models import SiteIdentity

    return _cached(IDENTITY_KEY, SiteIdentity.load)


def sponsor_items(placement):
    """What the sponsors block of ``placement`` shows: plain dicts, cheap to cache."""
    today = timezone.localdate()
    return _cached(_sponsors_key(placement, today), lambda: _build_sponsor_items(placement, today))


def _build_sponsor_items(placement, today):
    from .models import Sponsor

    items = []
    for sponsor in Sponsor.objects.current(today).filter(placement=placement):
        if sponsor.logo and sponsor.logo.name != sponsor.logo_rendered_from:
            try:  # a logo stored without save() (a bulk import): render it now
                sponsor.refresh_logo_renditions()
            except (OSError, ValueError):
                logger.warning("Sponsor %s: its logo cannot be read", sponsor.pk, exc_info=True)
        if not sponsor.logo_1x:
            continue  # nothing to show; a broken image would be worse
        items.append(
            {
                "name": sponsor.name,
                "url": sponsor.get_absolute_url() if sponsor.website else "",
                "src": sponsor.logo_1x.url,
                "src_2x": sponsor.logo_2x.url if sponsor.logo_2x else "",
                "width": sponsor.logo_1x_width,
                "height": sponsor.logo_1x_height,
            }
        )
    return items


def partner_link_groups():
    """Active partner links grouped in the order of PartnerLink.Group: [(group, [links])]."""
    return _cached(PARTNER_LINKS_KEY, _build_partner_link_groups)


def _build_partner_link_groups():
    from .models import PartnerLink

    by_group = {group.value: [] for group in PartnerLink.Group}
    for link in PartnerLink.objects.active().only("name", "url", "group"):
        by_group.setdefault(link.group, []).append({"name": link.name, "url": link.url})
    return [(group, links) for group, links in by_group.items() if links]


def organization_tree():
    """Active organisations as nested dicts {name, url, children}, roots first, in one query."""
    return _cached(TREE_KEY, _build_organization_tree)


def _build_organization_tree():
    from .models import Organization

    nodes, roots = {}, []
    organizations = Organization.objects.active().only("id", "name", "slug", "parent_id")
    for organization in organizations:
        nodes[organization.pk] = {
            "name": organization.name,
            "url": organization.get_absolute_url(),
            "parent_id": organization.parent_id,
            "children": [],
        }
    for node in nodes.values():
        parent = nodes.get(node["parent_id"])
        # Under an inactive parent, a unit is shown at the top rather than hidden.
        (parent["children"] if parent else roots).append(node)
    return roots
