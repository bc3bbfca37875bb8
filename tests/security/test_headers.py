"""Security headers: CSP without inline script, frame-ancestors, Permissions-Policy, HSTS."""

import re

import pytest
from django.urls import reverse

from tests.factories import AlbumFactory, ArticleFactory, CategoryFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def public_pages():
    article = ArticleFactory()
    return [
        reverse("news:home"),
        article.get_absolute_url(),
        reverse("news:category_detail", kwargs={"slug": article.category.slug}),
        reverse("news:search") + "?q=doan",
        "/khong-co-trang-nay/",
        "/van-ban/",
        DocumentFactory().get_absolute_url(),
        "/thu-vien-anh/",
        AlbumFactory().get_absolute_url(),
    ]


def test_every_page_has_a_csp_that_allows_no_inline_script(client):
    for url in public_pages():
        response = client.get(url)
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in policy["script-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]


def test_frame_ancestors_none_and_x_frame_options_deny(client):
    response = client.get(reverse("news:home"))
    assert directives(response)["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def script_tags(html):
    return re.findall(r"<script\b[^>]*>(.*?)</script>", html, flags=re.S | re.I), re.findall(
        r"<script\b[^>]*>", html, flags=re.I
    )


def assert_no_inline_script(html, url):
    bodies, tags = script_tags(html)
    for tag, body in zip(tags, bodies, strict=True):
        # Data blocks are never executed, so CSP's script-src does not apply to them (JSON-LD:
        # see news/templatetags/seo_tags.py).
        data_only = 'type="application/json"' in tag or 'type="application/ld+json"' in tag
        assert "src=" in tag or data_only, f"{url}: inline script {tag}{body[:80]}"
        if "src=" in tag:
            assert not body.strip(), f"{url}: script with both src and a body"
    assert not re.search(r"\son[a-z]+\s*=", html.replace("data-on", "")), f"{url}: on* handler"
    assert "javascript:" not in html, url


def test_public_pages_carry_no_inline_script_or_event_handler(client):
    for url in public_pages():
        response = client.get(url)
        assert_no_inline_script(response.content.decode(), url)


def test_admin_pages_carry_no_inline_script(admin_client):
    CategoryFactory()
    article = ArticleFactory()
    for url in [
        reverse("admin:news_article_change", args=[article.pk]),
        reverse("admin:index"),
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_add"),
        reverse("admin:news_article_statistics"),
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert directives(response)["script-src"] == ["'self'"]
        assert_no_inline_script(response.content.decode(), url)


def test_permissions_policy_turns_off_unused_browser_features(client):
    response = client.get(reverse("news:home"))
    policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert policy[feature] == "()"
    # The article page's share and copy buttons use these: not switched off.
    assert "web-share" not in policy and "clipboard-write" not in policy
    assert client.get("/robots.txt")["Permissions-Policy"] == response["Permissions-Policy"]


def test_nosniff_and_referrer_policy(client):
    response = client.get(reverse("news:home"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(
    ("subdomains", "preload", "expected"),
    [
        (False, False, "max-age=31536000"),
        (True, False, "max-age=31536000; includeSubDomains"),
        (True, True, "max-age=31536000; includeSubDomains; preload"),
        (False, True, "max-age=31536000; preload"),
    ],
)
def test_hsts_header_follows_each_flag_on_its_own(client, settings, subdomains, preload, expected):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = subdomains
    settings.SECURE_HSTS_PRELOAD = preload
    response = client.get(reverse("news:home"), secure=True)
    assert response["Strict-Transport-Security"] == expected


def test_no_hsts_by_default_and_none_over_plain_http(client, settings):
    assert settings.SECURE_HSTS_SECONDS == 0
    assert "Strict-Transport-Security" not in client.get(reverse("news:home"), secure=True)


def test_robots_txt_does_not_name_the_admin_prefix(client, settings):
    settings.ADMIN_URL = "quan-tri-bi-mat-7f3a/"
    body = client.get("/robots.txt").content.decode()
    assert "quan-tri" not in body
    assert "admin" not in body
    assert "Disallow: /luot-doc/" in body
