"""Shared helper: the answer of the counting beacons (an article's read, news/views.py; a visit
of the site, visits/views.py)."""

from django.http import HttpResponse

PIXEL_GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
    b"\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def beacon_response(request):
    """204 to the script's POST, a 1×1 GIF to the <noscript> image; never indexed."""
    if request.method == "POST":
        response = HttpResponse(status=204)
    else:
        response = HttpResponse(PIXEL_GIF, content_type="image/gif")
    response["X-Robots-Tag"] = "noindex, nofollow"
    # No document, so no Content-Security-Policy: marked as django-csp's csp_exempt() marks
    # an answer, for both policies (portal.middleware.ContentSecurityPolicyMiddleware).
    response._csp_exempt = response._csp_exempt_ro = True
    return response
