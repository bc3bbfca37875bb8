"""Hostile input on every public address and in the admin: a 4xx and a clear Vietnamese
message, never a 500, and nothing stored changes."""

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news.editing import version_token
from news.models import Article, Category
from organizations.models import Organization, Sponsor
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    OrganizationFactory,
    PageFactory,
    PartnerLinkFactory,
    SponsorFactory,
)
from tests.support import BROWSER, HOSTILE, RAW_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    article = ArticleFactory(legacy_id=42)
    return {
        "article": article,
        "category": article.category,
        "organization": OrganizationFactory(),
        "sponsor": SponsorFactory(website="https://tai-tro.example.vn/"),
        "page": PageFactory(title="Giới thiệu"),
    }


@pytest.fixture
def reader():
    return Client(raise_request_exception=False, HTTP_USER_AGENT=BROWSER)


def public_urls(site):
    article, category = site["article"], site["category"]
    return {
        "/": "x",
        category.get_absolute_url(): "page",
        article.get_absolute_url(): "x",
        site["organization"].get_absolute_url(): "page",
        "/tim-kiem/": "q",
        "/rss/": "x",
        f"/chuyen-muc/{category.slug}/rss/": "x",
        "/sitemap.xml": "p",
        "/news.php": "id",
        f"/tai-tro/{site['sponsor'].pk}/": "next",
        f"/luot-doc/{article.pk}/": "x",
        "/healthz": "x",
        "/robots.txt": "x",
        "/tai-anh-len/": "x",
        site["page"].get_absolute_url(): "x",
        reverse("news:article_print", kwargs={"slug": article.slug, "pk": article.pk}): "x",
    }


def assert_no_5xx(response, what):
    assert response.status_code < 500, what


def stored(site):
    return (
        list(Article.objects.values().order_by("pk")),
        list(Sponsor.objects.values().order_by("pk")),
        list(Organization.objects.values().order_by("pk")),
        list(Category.objects.values().order_by("pk")),
    )


def test_hostile_query_values_never_give_a_5xx(site, reader):
    before = stored(site)
    for url, param in public_urls(site).items():
        for value in HOSTILE:
            for method in ("get", "head"):
                response = getattr(reader, method)(url, {param: value})
                assert_no_5xx(response, (method, url, param, value[:20]))
        for raw in RAW_QUERIES:
            response = reader.get(f"{url}?{param}={raw}&{raw}=1")
            assert_no_5xx(response, (url, raw))
    # Counted reads and clicks aside, nothing stored changed.
    after = stored(site)
    for rows in (before, after):
        for row in rows[0]:
            row.pop("read_count")
    assert before == after


def test_odd_methods_and_headers_never_give_a_5xx(site, reader):
    headers = {
        "HTTP_USER_AGENT": "\x00" * 3 + "é" * 3000,
        "HTTP_X_FORWARDED_FOR": "not-an-ip, \x00, 999.999.1.1",
        "HTTP_SEC_PURPOSE": "prefetch;prerender",
        "HTTP_IF_MODIFIED_SINCE": "not a date",
        "HTTP_RANGE": "bytes=99999999999999-",
        "HTTP_ACCEPT_LANGUAGE": "xx-" * 500,
        "CONTENT_TYPE": "multipart/form-data; boundary=",
    }
    for url in public_urls(site):
        for method in ("get", "post", "put", "patch", "delete", "options", "head", "trace"):
            response = reader.generic(method.upper(), url, b"\xff\xfe garbage", **headers)
            assert_no_5xx(response, (method, url))


@pytest.mark.parametrize("raw", ["q=a%00b", "q=%00", "page=1%00", "%00=1"])
def test_a_nul_character_is_a_400_with_a_vietnamese_message(site, reader, raw):
    response = reader.get(f"/tim-kiem/?{raw}")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300), page=st.text(max_size=30))
def test_search_takes_any_text(site, reader, query, page):
    response = reader.get("/tim-kiem/", {"q": query, "page": page})
    assert response.status_code in (200, 400, 404)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(page=st.one_of(st.text(max_size=30), st.integers().map(str)))
def test_listing_pages_take_any_page_number(site, reader, page):
    for url in (site["category"].get_absolute_url(), site["organization"].get_absolute_url()):
        assert reader.get(url, {"page": page}).status_code in (200, 400, 404)


def test_a_page_past_the_end_is_a_vietnamese_404(site, reader):
    response = reader.get(site["category"].get_absolute_url(), {"page": "9999"})
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


# --- the admin ------------------------------------------------------------------------------

ADMIN_GETS = [
    "/admin/news/article/?q=%00",
    "/admin/news/article/?status=%00",
    "/admin/news/article/?category__id__exact=99999999999999999999999",
    "/admin/news/article/?published_at__year=99999999999&published_at__month=99",
    "/admin/news/article/?published_at__year=9999",
    "/admin/news/article/?published_at__year=9999&published_at__month=12",
    "/admin/news/article/?o=99",
    "/admin/news/article/99999999999999999999/change/",
    "/admin/news/article/thong-ke/?article=%C2%B2",
    "/admin/news/article/thong-ke/?article=%00",
    "/admin/autocomplete/?term=%00&app_label=news&model_name=article&field_name=related_articles",
    "/admin/autocomplete/?term=%25_&app_label=news&model_name=article&field_name=related_articles",
    "/admin/autocomplete/?term=a&app_label=news&model_name=article&field_name=nope",
    "/admin/organizations/sponsorclick/?month__year=99999999999",
    "/admin/organizations/sponsorclick/?month__year=9999&month__month=12",
    "/admin/login/?next=%00",
]


def test_hostile_admin_addresses_never_give_a_5xx(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    ArticleFactory()
    for url in ADMIN_GETS:
        assert_no_5xx(client.get(url), url)


def test_a_date_out_of_range_shows_the_lists_invalid_filter_notice(admin_client):
    url = "/admin/news/article/?published_at__year=99999999999&published_at__month=99"
    response = admin_client.get(url)
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def assert_refused_and_unchanged(client, obj, data, field):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    before = model_to_dict(type(obj).objects.get(pk=obj.pk))
    response = client.post(url, data)
    assert response.status_code == 200, (field, response.status_code)
    errors = response.context["adminform"].form.errors
    assert field in errors, (field, errors)
    assert model_to_dict(type(obj).objects.get(pk=obj.pk)) == before


ARTICLE_BAD = [
    ("title", "Tiêu đề\x00"),
    ("title", "x" * 300),
    ("slug", "có dấu và khoảng trắng"),
    ("original_url", "javascript:alert(1)"),
    ("category", "99999999999999999999999"),
    ("category", "abc"),
    ("published_at_0", "31/02/2026"),
    ("published_at_0", "99/99/99999"),
    ("tags", "99999999999999999999999"),
    ("related_articles", "abc"),
]


@pytest.mark.parametrize(("field", "value"), ARTICLE_BAD)
def test_hostile_article_values_are_form_errors(admin_client, field, value):
    article = ArticleFactory()
    data = {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "body": article.body,
        "category": article.category_id,
        "version_token": version_token(article),
        "published_at_0": "27/11/2026",
        "published_at_1": "09:30:00",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        field: value,
    }
    assert_refused_and_unchanged(admin_client, article, data, field.removesuffix("_0"))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("website", "javascript:alert(1)"),
        ("website", "data:text/html,<script>alert(1)</script>"),
        ("order", "-1"),
        ("order", "99999999999999999999999"),
        ("starts_on", "32/13/2026"),
        ("placement", "header"),
        ("name", "\x00"),
    ],
)
def test_hostile_sponsor_values_are_form_errors(admin_client, field, value):
    sponsor = SponsorFactory()
    data = {
        "name": sponsor.name,
        "website": "https://tai-tro.example.vn",
        "placement": "sidebar",
        "order": "0",
        "is_active": "on",
        "clicks-TOTAL_FORMS": "0",
        "clicks-INITIAL_FORMS": "0",
        field: value,
    }
    assert_refused_and_unchanged(admin_client, sponsor, data, field)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,x", "ftp://example.vn", "http://"],
)
def test_hostile_partner_link_urls_are_form_errors(admin_client, url):
    link = PartnerLinkFactory()
    data = {"name": link.name, "url": url, "group": link.group, "order": "0", "is_active": "on"}
    assert_refused_and_unchanged(admin_client, link, data, "url")


def organization_data(organization, **changes):
    return {
        "name": organization.name,
        "slug": organization.slug,
        "kind": organization.kind,
        "order": "0",
        "is_active": "on",
        **changes,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "khong-phai-email"), ("slug", "a b"), ("kind", "bogus"), ("name", "\x00")],
)
def test_hostile_organization_values_are_form_errors(admin_client, field, value):
    organization = OrganizationFactory()
    data = organization_data(organization, **{field: value})
    assert_refused_and_unchanged(admin_client, organization, data, field)


def test_an_organization_cannot_become_its_own_ancestor(admin_client):
    root = OrganizationFactory()
    child = OrganizationFactory(parent=root)
    assert_refused_and_unchanged(
        admin_client, root, organization_data(root, parent=root.pk), "parent"
    )
    data = organization_data(root, parent=child.pk)
    assert_refused_and_unchanged(admin_client, root, data, "parent")


def test_a_category_cannot_be_its_own_parent(admin_client):
    category = CategoryFactory()
    data = {"name": category.name, "slug": category.slug, "order": "0", "parent": category.pk}
    assert_refused_and_unchanged(admin_client, category, data, "parent")


def test_the_403_page_is_in_vietnamese(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("admin:organizations_sponsor_add"))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()
    assert "Forbidden" not in response.content.decode()


def test_query_strings_never_reach_the_canonical_or_shared_url(client):
    article = ArticleFactory()
    page = client.get(article.get_absolute_url(), {"fbclid": '"><b>x', "utm_source": "zalo"})
    html = page.content.decode()
    canonical = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'data-copy-url="{canonical}"' in html
    assert "fbclid" not in html and "utm_source" not in html
