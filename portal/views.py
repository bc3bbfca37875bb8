"""The project's own views: /healthz, robots.txt, the benchmark's bare view, error pages, media."""

import sys

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .middleware import outage_response
from .sitemaps import SITEMAPS


@never_cache
@require_safe
def healthz(request):
    """For the load balancer: 200 when the database answers, 503 otherwise.

    The cache is reported but does not decide: every page works without it, and a load
    balancer that took every app server out because Redis stopped would take the site down.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # any failure means "not healthy", whatever the driver raised
        checks["database"] = f"error: {type(error).__name__}"
    try:
        cache.set("healthz", "ok", 5)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "error: no value"
    except Exception as error:
        checks["cache"] = f"error: {type(error).__name__}"
    return JsonResponse(checks, status=200 if checks["database"] == "ok" else 503)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        # Not the admin's prefix: robots.txt is public, and DJANGO_ADMIN_URL is kept secret.
        # The admin's pages say "noindex" themselves and every one of them needs a login.
        "Disallow: /tim-kiem/",
        "Disallow: /tai-tro/",
        "Disallow: /luot-doc/",  # read counting: nothing to index, and bots should not count
        "Disallow: /luot-truy-cap/",  # visit counting, likewise
    ]
    # The index lists every sitemap; naming each one too lets a crawler that reads only
    # robots.txt find them all.
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}")
    for section in SITEMAPS:
        url = reverse("sitemap_section", kwargs={"section": section})
        lines.append(f"Sitemap: {request.build_absolute_uri(url)}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# 1 KB of text: what the benchmark's ceiling view answers.
CEILING_BODY = ("Bare Django view of the benchmark's ceiling.\n" * 24)[:1024].encode()


@require_safe
def bench_ceiling(request):
    """The benchmark's ceiling (scripts/bench.py): Django with the site's settings and
    middleware, and no work of ours. Routed only when BENCH_CEILING is set."""
    return HttpResponse(CEILING_BODY, content_type="text/plain; charset=utf-8")


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: a Vietnamese page, 429 Too Many Requests."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "login_locked_out.html", {"minutes": minutes}, status=429)


def server_error(request):
    """The 500 page, or the outage page when what failed was the database or the disk.

    Django calls this for an exception raised anywhere, middleware included, while the
    exception is being handled, so sys.exc_info() names it.
    """
    response = outage_response(sys.exc_info()[1])
    if response is not None:
        return response
    return HttpResponseServerError(render_to_string("500.html"))


# Uploaded files come from people: a browser must never run one (an SVG or HTML file opened
# directly). deploy/nginx.conf sends the same headers in production.
MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"


def media(request, path, document_root):
    """Uploaded media in development (DEBUG), with the headers nginx adds in production."""
    response = static.serve(request, path, document_root=document_root)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CONTENT_SECURITY_POLICY
    return response
