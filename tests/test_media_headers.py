"""Uploaded media never runs in a browser: nosniff and a policy that allows nothing, both
when Django serves it (development) and under the shipped deploy/nginx.conf (production)."""

import importlib
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.urls import clear_url_caches

from tests.nginx_run import UPSTREAM, Nginx, nginx_missing_reason

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
MEDIA_POLICY = "default-src 'none'; sandbox"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'


def _put_media(media_root):
    (media_root / "news/body").mkdir(parents=True, exist_ok=True)
    (media_root / "news/body/anh.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    (media_root / "news/body/ve.svg").write_bytes(SVG)
    (media_root / "news/body/trang.html").write_bytes(b"<script>alert(1)</script>")


@pytest.fixture
def debug_urls(settings):
    """The project's URLs as DEBUG builds them (only then does Django serve media)."""
    import portal.urls

    settings.DEBUG = True
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(portal.urls)
    clear_url_caches()


def test_django_serves_media_in_development_with_nosniff_and_a_policy_that_runs_nothing(
    client, settings, debug_urls
):
    _put_media(settings.MEDIA_ROOT)
    for name in ("anh.jpg", "ve.svg", "trang.html"):
        response = client.get(f"/media/news/body/{name}")
        assert response.status_code == 200
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == MEDIA_POLICY
    assert client.get("/media/news/body/khong-co.jpg").status_code == 404


# --- nginx, with the shipped configuration ----------------------------------------------------


def _fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture
def nginx(live_server, settings, tmp_path):
    """deploy/nginx.conf, run by Debian's nginx in the foreground on a free port, in front of
    the test's live server; only its port, upstream and folders are changed."""
    missing = nginx_missing_reason()
    if missing:
        pytest.skip(missing)
    static_root = tmp_path / "static"
    (static_root / "css").mkdir(parents=True)
    (static_root / "css/site.css").write_text("body { color: #222 }")
    upstream = live_server.url.removeprefix("http://")
    server = Nginx(
        tmp_path,
        {
            UPSTREAM: f"server {upstream};",
            "/srv/portal/static/": f"{static_root}/",
            "/srv/portal/media/": f"{settings.MEDIA_ROOT}/",
        },
    )
    yield server.url
    server.stop()


def test_nginx_serves_media_with_nosniff_and_a_policy_that_runs_nothing(nginx, settings):
    _put_media(settings.MEDIA_ROOT)
    for name, content_type in (
        ("anh.jpg", "image/jpeg"),
        ("ve.svg", "image/svg+xml"),
        ("trang.html", "text/html"),
    ):
        status, headers, _body = _fetch(f"{nginx}/media/news/body/{name}")
        assert status == 200
        assert headers["Content-Type"].startswith(content_type)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Security-Policy"] == MEDIA_POLICY
    status, headers, _body = _fetch(f"{nginx}/media/news/body/khong-co.jpg")
    assert status == 404 and headers["Content-Security-Policy"] == MEDIA_POLICY
    assert _fetch(f"{nginx}/media/news/")[0] in (403, 404)  # no folder listing


def test_nginx_serves_static_files_and_passes_pages_to_the_site(nginx):
    status, headers, body = _fetch(f"{nginx}/static/css/site.css")
    assert status == 200 and body == b"body { color: #222 }"
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, _headers, body = _fetch(f"{nginx}/")
    assert status == 200 and '<html lang="vi"' in body.decode()
    assert _fetch(f"{nginx}/healthz")[0] == 200
