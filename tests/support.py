"""Helpers shared by test modules (fixtures are in conftest.py; sample files in samples.py).

Test modules import from here, never from one another.
"""

import io
import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from PIL import Image

# A phone's browser: read counting and visit counting count it (a headless browser or a bot
# they rightly do not).
BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36"
)


def image_bytes(fmt="JPEG", size=(64, 48), color=(200, 30, 30), **save_kwargs):
    """The bytes of a small valid image in ``fmt``."""
    out = io.BytesIO()
    mode = "RGBA" if fmt in ("PNG", "WEBP") else "RGB"
    Image.new(mode, size, color).save(out, fmt, **save_kwargs)
    return out.getvalue()


def page_queries(client, url, params=None):
    """Queries of one reader's page once the site-wide blocks (identity, sponsors, partner
    links) are in the cache, as they are for every page but the first after a change. The
    whole-page cache is off: what is counted is the page being made."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(url, params)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


# Values that a hostile or broken client sends in a query string or a form.
HOSTILE = [
    "\x00",
    "a\x00b",
    "%",
    "_",
    "\\",
    "%_\\%",
    "' OR 1=1 --",
    '"><script>alert(1)</script>',
    ".*(a+)+$",
    "[[[",
    "²",
    "١٢",
    "-1",
    "0",
    "1e3",
    "99999999999999999999999999",
    "x" * 5000,
    "Đoàn Thanh niên",
]
# Percent-encoded bytes that are not UTF-8 (%ed%a0%80: a lone surrogate), and NUL, sent raw.
RAW_QUERIES = ["%ff%fe", "%ed%a0%80", "%c0%80", "%00", "a%00b", "%25%5f%5c", "%e2%82"]


def post_beacon(url, ua):
    """POST to a read or visit beacon from outside the test client; its status code."""
    request = urllib.request.Request(url, method="POST", headers={"User-Agent": ua})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status


def concurrent_reads(live_server, article, count, workers=16):
    """``count`` readers, each with a user agent of its own, post the read beacon at once."""
    url = live_server.url + reverse("news:article_read", kwargs={"pk": article.pk})
    with ThreadPoolExecutor(workers) as pool:
        statuses = list(pool.map(lambda n: post_beacon(url, f"{BROWSER} reader/{n}"), range(count)))
    assert statuses == [204] * count


def log_in(page, live_server, user):
    """Sign ``user`` in to the admin in a Playwright ``page`` (factories' password)."""
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", "mat-khau-thu-nghiem")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))


def queries_of(client, url, **extra):
    """The response to ``client.get(url)`` and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def text(response):
    """The response's body as text."""
    return response.content.decode()


def markup(page):
    """A page's HTML with the template's layout taken out, for tests that look for a fragment.

    Templates put one element per line (djLint); this joins them again: runs of whitespace
    become one space, and none is kept beside a tag ("<h1>\\n  Thẻ\\n</h1>" reads "<h1>Thẻ</h1>").
    """
    html = page if isinstance(page, str) else page.content.decode()
    html = re.sub(r"\s+", " ", html)
    return re.sub(r" ?(<|>) ?", r"\1", html)
