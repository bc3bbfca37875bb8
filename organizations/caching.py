"""The cache of the organisations app: the blocks shown on every page (sponsors, partner
links, the site's identity), and what makes cached pages old when these records change.

Each block costs one query when its entry is missing and none otherwise. Its entry is kept
under the site version (portal/caching.py): saving or deleting an Organization, SiteIdentity,
Sponsor or PartnerLink, in the admin or anywhere else (bulk deletes included), reaches
the receivers connected in OrganizationsConfig.ready(), which bump the
version, so the next page shows the change. Sponsor entries are keyed by the local date too,
so a sponsorship that starts or ends today is picked up at midnight without any save.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from portal.caching import bump_on_change, cached

from .models import LOGO_BOX, Organization, PartnerLink, SiteIdentity, Sponsor

TIMEOUT = 60 * 60
SHOWN_ON_PAGES = (Organization, SiteIdentity, Sponsor, PartnerLink)


def connect():
    bump_on_change(*SHOWN_ON_PAGES)


def site_identity():
    return cached("organizations:site-identity", SiteIdentity.load, TIMEOUT)


def footer_parts():
    """The page footer as HTML, in two parts: before and after the visit counter, which
    changes with every visit and is drawn on each page between them. Drawn once a day and
    under the site version: the sponsors, the organisations, the site's identity."""

    def build():
        context = {"site_identity": site_identity()}
        return tuple(
            render_to_string(f"includes/footer_{part}.html", context) for part in ("top", "bottom")
        )

    return cached(f"organizations:footer:{timezone.localdate().isoformat()}", build, TIMEOUT)


def sponsor_items(placement):
    """What the sponsors block of ``placement`` shows: plain dicts, cheap to cache."""
    today = timezone.localdate()
    return cached(
        f"organizations:sponsors:{placement}:{today.isoformat()}",
        lambda: _build_sponsor_items(placement, today),
        TIMEOUT,
    )


def _fit(width, height, box):
    scale = min(box[0] / width, box[1] / height)
    return round(width * scale), round(height * scale)


def _build_sponsor_items(placement, today):
    items = []
    for sponsor in Sponsor.objects.current(today).filter(placement=placement):
        if sponsor.logo_1x:
            src, src_2x = sponsor.logo_1x.url, sponsor.logo_2x.url if sponsor.logo_2x else ""
            width, height = sponsor.logo_1x_width, sponsor.logo_1x_height
        elif sponsor.logo and sponsor.logo_width and sponsor.logo_height:
            # Stored without save() (a bulk import): the original, drawn in the block's box.
            # A reader's GET never makes the renditions; saving the sponsor does.
            src, src_2x = sponsor.logo.url, ""
            width, height = _fit(sponsor.logo_width, sponsor.logo_height, LOGO_BOX)
        else:
            continue  # nothing to show; a broken image would be worse
        items.append(
            {
                "name": sponsor.name,
                "url": sponsor.get_absolute_url() if sponsor.website else "",
                "src": src,
                "src_2x": src_2x,
                "width": width,
                "height": height,
            }
        )
    return items


def partner_link_groups():
    """Active partner links grouped in the order of PartnerLink.Group: [(group, [links])]."""
    return cached("organizations:partner-links", _build_partner_link_groups, TIMEOUT)


def _build_partner_link_groups():
    by_group = {group.value: [] for group in PartnerLink.Group}
    for link in PartnerLink.objects.active().only("name", "url", "group"):
        by_group.setdefault(link.group, []).append({"name": link.name, "url": link.url})
    return [(group, links) for group, links in by_group.items() if links]


def organization_tree():
    """Active organisations as nested dicts {name, url, children}, roots first, in one query."""
    return cached("organizations:tree", _build_organization_tree, TIMEOUT)


def _build_organization_tree():
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
