from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string


def reject_nul_bytes(get_response):
    """A NUL character in the address is a 400, on every page, admin included.

    PostgreSQL refuses NUL in text, so a filter or search value carrying one would be a 500
    wherever a view passes it to a query unchecked (the admin's list filters, autocomplete).
    """

    def middleware(request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or "%00" in query or "\x00" in query:
            return HttpResponseBadRequest(render_to_string("400.html"))
        return get_response(request)

    return middleware


def permissions_policy(get_response):
    """Sends the Permissions-Policy header of settings.PERMISSIONS_POLICY on every answer."""
    value = ", ".join(
        f"{feature}=({' '.join(origins)})"
        for feature, origins in settings.PERMISSIONS_POLICY.items()
    )

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", value)
        return response

    return middleware
