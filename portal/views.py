from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """For the load balancer: 200 when the database and the cache answer, 503 otherwise."""
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
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        # Not the admin's prefix: robots.txt is public, and DJANGO_ADMIN_URL is kept secret.
        # The admin's pages say "noindex" themselves and every one of them needs a login.
        "Disallow: /tim-kiem/",
        "Disallow: /tai-tro/",
        "Disallow: /luot-doc/",  # read counting: nothing to index, and bots should not count
        f"Sitemap: {request.build_absolute_uri(reverse('django.contrib.sitemaps.views.sitemap'))}",
    ]
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
