import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from organizations.models import Organization, PartnerLink, SiteIdentity, Sponsor
from organizations.roles import ADMINISTRATORS
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    PartnerLinkFactory,
    SponsorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# The admin pages of everything only site administrators manage.
RESTRICTED = {
    "sponsor": ("organizations", "sponsor", SponsorFactory),
    "partnerlink": ("organizations", "partnerlink", PartnerLinkFactory),
    "organization": ("organizations", "organization", OrganizationFactory),
    "siteidentity": (
        "organizations",
        "siteidentity",
        lambda: SiteIdentity.objects.get_or_create(pk=1)[0],
    ),
    "user": ("auth", "user", lambda: UserFactory(username="nguoi-dung-khac")),
    "group": ("auth", "group", lambda: Group.objects.create(name="Nhóm riêng")),
}


def admin_urls(app, model, obj):
    return {
        "changelist": reverse(f"admin:{app}_{model}_changelist"),
        "add": reverse(f"admin:{app}_{model}_add"),
        "change": reverse(f"admin:{app}_{model}_change", args=[obj.pk]),
        "delete": reverse(f"admin:{app}_{model}_delete", args=[obj.pk]),
        "history": reverse(f"admin:{app}_{model}_history", args=[obj.pk]),
    }


def index_models(response):
    return {
        (app["app_label"], model["object_name"].lower())
        for app in response.context["app_list"]
        for model in app["models"]
    }


@pytest.mark.parametrize("page", ["changelist", "add", "change", "delete", "history"])
@pytest.mark.parametrize("name", list(RESTRICTED))
def test_editor_gets_403_on_administrators_pages(role_editor_client, name, page):
    app, model, make = RESTRICTED[name]
    url = admin_urls(app, model, make())[page]
    assert role_editor_client.get(url).status_code == 403


@pytest.mark.parametrize("name", ["sponsor", "partnerlink", "organization", "user"])
def test_editor_cannot_change_or_delete_by_posting_either(role_editor_client, name):
    app, model, make = RESTRICTED[name]
    obj = make()
    urls = admin_urls(app, model, obj)
    assert role_editor_client.post(urls["change"], {"name": "Đã đổi"}).status_code == 403
    assert role_editor_client.post(urls["delete"], {"post": "yes"}).status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_editor_index_shows_news_but_nothing_of_the_administrators(role_editor_client):
    response = role_editor_client.get(reverse("admin:index"))
    assert response.status_code == 200
    shown = index_models(response)
    assert {("news", "article"), ("news", "category"), ("news", "source"), ("news", "tag")} <= shown
    assert not {(app, model) for app, model, _make in RESTRICTED.values()} & shown
    assert not any(app == "organizations" for app, _model in shown)
    content = response.content.decode()
    assert "/admin/organizations/" not in content
    assert "/admin/auth/" not in content


def test_administrator_index_shows_everything(site_admin_client):
    shown = index_models(site_admin_client.get(reverse("admin:index")))
    assert {(app, model) for app, model, _make in RESTRICTED.values()} <= shown
    assert ("organizations", "sponsorclick") in shown
    assert ("news", "article") in shown


@pytest.mark.parametrize("page", ["changelist", "add", "change", "delete", "history"])
@pytest.mark.parametrize("name", ["sponsor", "partnerlink", "organization", "user", "group"])
def test_administrator_can_open_every_page(site_admin_client, name, page):
    app, model, make = RESTRICTED[name]
    url = admin_urls(app, model, make())[page]
    # The roles are written in code (organizations/roles.py): groups are only looked at.
    expected = 403 if (name, page) in {("group", "add"), ("group", "delete")} else 200
    assert site_admin_client.get(url).status_code == expected


def test_administrator_edits_the_one_site_identity(site_admin_client):
    identity = SiteIdentity.load()
    urls = admin_urls("organizations", "siteidentity", identity)
    response = site_admin_client.get(urls["changelist"])
    assert response.status_code == 302
    assert response["Location"] == urls["change"]
    data = {
        "site_name": "Tỉnh đoàn Kiên Giang",
        "tagline": "Diễn đàn của Đoàn TNCS Hồ Chí Minh, Hội LHTN Việt Nam, Đội TNTP HCM tỉnh",
        "facebook_url": "https://facebook.com/tinhdoankiengiang",
    }
    response = site_admin_client.post(urls["change"], data)
    assert response.status_code == 302
    assert SiteIdentity.load().site_name == "Tỉnh đoàn Kiên Giang"
    # One record only: nobody adds a second one or deletes it.
    assert site_admin_client.get(urls["add"]).status_code == 403
    assert site_admin_client.get(urls["delete"]).status_code == 403
    assert SiteIdentity.objects.count() == 1


def test_administrator_creates_a_user_and_a_partner_link(site_admin_client):
    response = site_admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "bientapvien2",
            "password1": "Mat-khau-rat-dai-2024",
            "password2": "Mat-khau-rat-dai-2024",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(username="bientapvien2").exists()
    response = site_admin_client.post(
        reverse("admin:organizations_partnerlink_add"),
        {
            "name": "Trung ương Đoàn",
            "url": "https://doanthanhnien.vn",
            "group": "trung_uong",
            "order": 1,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert PartnerLink.objects.filter(url="https://doanthanhnien.vn").exists()


def test_administrator_deletes_a_sponsor(site_admin_client):
    sponsor = SponsorFactory()
    url = reverse("admin:organizations_sponsor_delete", args=[sponsor.pk])
    assert site_admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Sponsor.objects.filter(pk=sponsor.pk).exists()


def test_editor_still_finds_organisations_in_the_article_form(role_editor_client):
    OrganizationFactory(name="Huyện đoàn Phú Quốc")
    OrganizationFactory(name="Thành đoàn Rạch Giá")
    response = role_editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "article", "field_name": "organization", "term": "Phú"},
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Huyện đoàn Phú Quốc"]


def test_article_form_offers_editors_no_link_into_organisation_pages(role_editor_client):
    organization = OrganizationFactory()
    article = ArticleFactory(organization=organization)
    response = role_editor_client.get(reverse("admin:news_article_change", args=[article.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert organization.name in content  # the chosen organisation is shown in the input
    assert "/admin/organizations/organization/" not in content


def test_staff_without_a_role_sees_no_organisation_in_autocomplete(client):
    user = UserFactory(is_staff=True)
    client.force_login(user)
    OrganizationFactory(name="Huyện đoàn Phú Quốc")
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "article", "field_name": "organization", "term": "Phú"},
    )
    assert response.status_code == 403


def test_administrator_is_not_a_superuser_but_holds_every_permission(site_admin):
    assert not site_admin.is_superuser
    assert site_admin.groups.filter(name=ADMINISTRATORS).exists()
    assert site_admin.has_perms(
        ["organizations.change_sponsor", "auth.change_user", "news.delete_article"]
    )


@pytest.mark.parametrize("rows", [5, 50])
def test_changelists_keep_a_fixed_query_count(
    site_admin_client, django_assert_max_num_queries, rows
):
    parent = OrganizationFactory()
    OrganizationFactory.create_batch(rows, parent=parent)
    sponsors = SponsorFactory.create_batch(rows)
    for sponsor in sponsors:
        sponsor.count_click()
    PartnerLinkFactory.create_batch(rows)
    for model in ["organization", "sponsor", "partnerlink", "sponsorclick"]:
        with django_assert_max_num_queries(12):
            response = site_admin_client.get(reverse(f"admin:organizations_{model}_changelist"))
        assert response.status_code == 200
    assert Organization.objects.count() == rows + 1
