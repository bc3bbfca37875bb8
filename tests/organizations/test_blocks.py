import datetime

import pytest
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from organizations import caching
from organizations.models import PartnerLink, SiteIdentity, Sponsor
from portal.caching import site_version, site_version_bump
from tests.factories import (
    OrganizationFactory,
    PartnerLinkFactory,
    SiteIdentityFactory,
    SponsorFactory,
)

pytestmark = pytest.mark.django_db

BLOCKS = Template(
    "{% load organizations_tags %}"
    '{% sponsors_block "sidebar" %}{% sponsors_block "footer" %}{% partner_links_block %}'
)


def render_blocks():
    return BLOCKS.render(Context({}))


def render_with_identity():
    request = RequestFactory().get("/")
    template = Template("{{ site_identity.site_name }}|{{ site_identity.tagline }}")
    return template.render(RequestContext(request, {}))


def make_rows(n):
    for i in range(n):
        SponsorFactory(placement="sidebar" if i % 2 else "footer")
        PartnerLinkFactory(group=list(PartnerLink.Group)[i % 4])


# --- query counts ------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [5, 50])
def test_blocks_cost_three_queries_whatever_the_number_of_rows(django_assert_num_queries, rows):
    make_rows(rows)
    with django_assert_num_queries(3):  # sidebar sponsors, footer sponsors, partner links
        html = render_blocks()
    assert html.count("sponsors__item") == rows
    assert html.count('rel="noopener"') == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_cached_blocks_cost_no_query(django_assert_num_queries, rows):
    make_rows(rows)
    first = render_blocks()
    with django_assert_num_queries(0):
        assert render_blocks() == first


@pytest.mark.parametrize("rows", [5, 50])
def test_a_page_costs_the_same_with_5_or_50_sponsors_and_links(client, rows):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_rows(rows)
    SiteIdentity.load()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(reverse("news:home"))
    assert response.status_code == 200
    assert response.content.decode().count("sponsors__item") == rows
    with CaptureQueriesContext(connection) as warm:
        client.get(reverse("news:home"))
    block_queries = [q["sql"] for q in cold.captured_queries if 'FROM "organizations_' in q["sql"]]
    # identity, sidebar sponsors, footer sponsors, partner links, the organisations tree
    assert len(block_queries) == 5
    assert not [q for q in warm.captured_queries if "organizations_" in q["sql"]]


def test_site_identity_is_in_every_template_and_cached(django_assert_num_queries):
    SiteIdentityFactory(site_name="Tỉnh đoàn Kiên Giang", tagline="Diễn đàn của Đoàn")
    assert render_with_identity() == "Tỉnh đoàn Kiên Giang|Diễn đàn của Đoàn"
    with django_assert_num_queries(0):
        assert render_with_identity() == "Tỉnh đoàn Kiên Giang|Diễn đàn của Đoàn"


def test_site_identity_is_not_loaded_by_pages_that_do_not_show_it(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        Template("{{ 1 }}").render(RequestContext(request, {}))


# --- refreshed by what administrators save -------------------------------------------------


def sponsor_form(sponsor, **changes):
    data = {
        "name": sponsor.name,
        "website": sponsor.website,
        "placement": sponsor.placement,
        "order": sponsor.order,
        "is_active": "on",
        "clicks-TOTAL_FORMS": 0,
        "clicks-INITIAL_FORMS": 0,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_changes_outside_the_admin_wait_for_the_cache(any_cache):
    sponsor = SponsorFactory(name="Tên cũ")
    assert "Tên cũ" in render_blocks()
    Sponsor.objects.filter(pk=sponsor.pk).update(name="Tên mới")  # no save(): no refresh
    assert "Tên cũ" in render_blocks()
    site_version_bump()
    assert "Tên mới" in render_blocks()


def test_sponsor_saved_in_the_admin_shows_at_once(any_cache, site_admin_client):
    sponsor = SponsorFactory(name="Tên cũ")
    assert "Tên cũ" in render_blocks()
    url = reverse("admin:organizations_sponsor_change", args=[sponsor.pk])
    response = site_admin_client.post(url, sponsor_form(sponsor, name="Tên mới"))
    assert response.status_code == 302
    html = render_blocks()
    assert "Tên mới" in html and "Tên cũ" not in html


def test_sponsor_hidden_in_the_admin_disappears_at_once(any_cache, site_admin_client):
    sponsor = SponsorFactory(name="Sắp ẩn")
    assert "Sắp ẩn" in render_blocks()
    url = reverse("admin:organizations_sponsor_change", args=[sponsor.pk])
    assert site_admin_client.post(url, sponsor_form(sponsor, is_active=None)).status_code == 302
    assert "Sắp ẩn" not in render_blocks()


def test_sponsor_deleted_in_the_admin_disappears_at_once(any_cache, site_admin_client):
    sponsor = SponsorFactory(name="Sắp xoá")
    assert "Sắp xoá" in render_blocks()
    url = reverse("admin:organizations_sponsor_delete", args=[sponsor.pk])
    assert site_admin_client.post(url, {"post": "yes"}).status_code == 302
    assert "Sắp xoá" not in render_blocks()


def test_bulk_delete_in_the_changelist_refreshes_the_blocks(any_cache, site_admin_client):
    links = [PartnerLinkFactory(name=f"Xoá hàng loạt {i}") for i in range(3)]
    assert "Xoá hàng loạt 1" in render_blocks()
    response = site_admin_client.post(
        reverse("admin:organizations_partnerlink_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [link.pk for link in links],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert not PartnerLink.objects.exists()
    assert "Xoá hàng loạt" not in render_blocks()


def test_partner_link_added_in_the_admin_shows_at_once(any_cache, site_admin_client):
    PartnerLinkFactory(name="Có sẵn")
    assert "Có sẵn" in render_blocks()
    response = site_admin_client.post(
        reverse("admin:organizations_partnerlink_add"),
        {
            "name": "Mới thêm",
            "url": "https://moi.example.vn",
            "group": "tinh",
            "order": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert "Mới thêm" in render_blocks()


def test_site_identity_saved_in_the_admin_shows_at_once(any_cache, site_admin_client):
    SiteIdentityFactory(site_name="Tỉnh đoàn")
    assert render_with_identity().startswith("Tỉnh đoàn|")
    response = site_admin_client.post(
        reverse("admin:organizations_siteidentity_change", args=[1]),
        {"site_name": "Tỉnh đoàn Kiên Giang", "tagline": "Diễn đàn thanh niên"},
    )
    assert response.status_code == 302
    assert render_with_identity() == "Tỉnh đoàn Kiên Giang|Diễn đàn thanh niên"


def test_saving_or_deleting_an_organisation_refreshes_the_blocks(
    any_cache, django_assert_num_queries
):
    render_blocks()
    with django_assert_num_queries(0):
        render_blocks()
    before = site_version()
    organization = OrganizationFactory()
    assert site_version() != before
    with django_assert_num_queries(3):  # sidebar sponsors, footer sponsors, partner links
        render_blocks()
    before = site_version()
    organization.delete()
    assert site_version() != before


def test_a_sponsorship_ends_at_midnight_without_any_save(any_cache, monkeypatch):
    today = timezone.localdate()
    SponsorFactory(name="Hết hạn hôm nay", ends_on=today)
    assert "Hết hạn hôm nay" in render_blocks()
    tomorrow = today + datetime.timedelta(days=1)
    monkeypatch.setattr(caching.timezone, "localdate", lambda: tomorrow)
    assert "Hết hạn hôm nay" not in render_blocks()


def test_counting_clicks_does_not_empty_the_cache(any_cache, django_assert_num_queries):
    sponsor = SponsorFactory()
    render_blocks()
    sponsor.count_click()
    with django_assert_num_queries(0):
        render_blocks()
