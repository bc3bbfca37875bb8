"""Shared helper: middleware every request passes through, admin included."""

import errno
import logging

from csp.middleware import CSPMiddleware
from django import db
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


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


RETRY_AFTER_SECONDS = 60
DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def outage_kind(exception):
    """ "read_only", "disk_full" or "down" when ``exception`` is an outage, not a bug; else None.

    Read-only: PostgreSQL's SQLSTATE 25006 (a standby, default_transaction_read_only) or a
    read-only SQLite file. Down: Django's OperationalError and InterfaceError, which is what
    a refused, lost or timed-out connection (portal.postgresql) and a locked SQLite raise.
    """
    cause = getattr(exception, "__cause__", None)
    if getattr(cause, "pgcode", None) == "25006" or "readonly database" in str(exception):
        return "read_only"
    if isinstance(exception, OSError) and exception.errno in DISK_FULL_ERRNOS:
        return "disk_full"
    if isinstance(exception, db.OperationalError | db.InterfaceError):
        return "down"
    return None


OUTAGE_STATUS = {"down": 503, "read_only": 503, "disk_full": 507}


def outage_response(exception):
    """The static page for an outage (no database, no cache, no request context), or None."""
    kind = outage_kind(exception)
    if kind is None:
        return None
    logger.warning("%s: %s answered with %s", kind, exception, OUTAGE_STATUS[kind])
    with translation.override(settings.LANGUAGE_CODE):
        content = render_to_string("503.html", {"kind": kind})
    response = HttpResponse(content, status=OUTAGE_STATUS[kind])
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


class OutageMiddleware:
    """A database that is down, hung or read-only, or a full disk, is a 503 (507) page, not a 500.

    process_exception covers views and their templates; portal.views.server_error covers what
    fails outside them (other middleware), where Django calls the 500 handler instead.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return outage_response(exception)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, which builds both policies for every answer before it looks
    whether the view is exempt: an answer exempt from both (``portal.beacons.beacon_response``,
    the read and visit beacons that every page view sends, which answer 204 or a GIF) skips
    the work."""

    def process_response(self, request, response):
        if getattr(response, "_csp_exempt", False) and getattr(response, "_csp_exempt_ro", False):
            return response
        return super().process_response(request, response)
