"""Shared helper: what every template sees."""

from django.utils.functional import SimpleLazyObject

from organizations.caching import site_identity


def site(request):
    """The site's identity (name, tagline, logo, footer, social links) for every template.

    Lazy: a page that never shows it (most admin pages) does not touch the cache.
    """
    return {"site_identity": SimpleLazyObject(site_identity)}
