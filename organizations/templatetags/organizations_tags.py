"""Blocks shown on every page; their data comes cached from organizations/caching.py."""

from django import template
from django.utils.safestring import mark_safe

from organizations import caching
from organizations.models import PartnerLink, Sponsor

register = template.Library()


@register.inclusion_tag("organizations/includes/sponsors_block.html")
def sponsors_block(placement):
    """``{% sponsors_block "sidebar" %}`` or ``{% sponsors_block "footer" %}``."""
    if placement not in Sponsor.Placement.values:
        raise template.TemplateSyntaxError(
            f"sponsors_block: placement must be one of {Sponsor.Placement.values}"
        )
    return {"placement": placement, "sponsors": caching.sponsor_items(placement)}


@register.inclusion_tag("organizations/includes/partner_links_block.html")
def partner_links_block():
    labels = dict(PartnerLink.Group.choices)
    groups = [
        {"key": key, "label": labels.get(key, key), "links": links}
        for key, links in caching.partner_link_groups()
    ]
    return {"groups": groups}


@register.inclusion_tag("organizations/includes/organizations_tree.html")
def organizations_tree():
    """The footer's list of every active organisation, as a tree: each links to its page."""
    return {"nodes": caching.organization_tree()}


@register.simple_tag
def site_footer(part):
    """``{% site_footer "top" %}`` and ``{% site_footer "bottom" %}``: the footer's parts,
    drawn once and kept (``caching.footer_parts``)."""
    top, bottom = caching.footer_parts()
    return mark_safe({"top": top, "bottom": bottom}[part])  # our templates' escaped output
