from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.beacons import beacon_response

from .services import visit_register


@csrf_exempt  # sent by cached pages that carry no token; forging a visit gains nothing
@never_cache  # a CDN or browser that cached this answer would stop counting
@require_http_methods(["GET", "HEAD", "POST"])
def visit(request):
    """Counts a visit: POSTed by every page's script, or GET as its <noscript> image."""
    visit_register(request=request)
    return beacon_response(request)
