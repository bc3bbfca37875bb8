from django.utils.functional import SimpleLazyObject

from organizations.models import SiteIdentity


def site(request):
    """``site_identity`` for the header and footer of every page, loaded only when used."""
    return {"site_identity": SimpleLazyObject(SiteIdentity.load)}
