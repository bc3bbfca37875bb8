import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.urls import reverse

from organizations.models import PartnerLink
from tests.factories import PartnerLinkFactory

pytestmark = pytest.mark.django_db

SCHEME_MESSAGE = "Hãy nhập địa chỉ web bắt đầu bằng http:// hoặc https://."
ADD_URL = reverse("admin:organizations_partnerlink_add")


def render_block():
    return Template("{% load organizations_tags %}{% partner_links_block %}").render(Context({}))


def form(url):
    return {"name": "Liên kết độc hại", "url": url, "group": "khac", "order": 0, "is_active": "on"}


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "ftp://doan.example.vn/",
        "file:///etc/passwd",
    ],
)
def test_admin_refuses_a_url_that_is_not_http_with_a_clear_message(site_admin_client, url):
    response = site_admin_client.post(ADD_URL, form(url))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["url"] == [SCHEME_MESSAGE]
    assert SCHEME_MESSAGE in response.content.decode()
    assert not PartnerLink.objects.exists()


def test_admin_refuses_a_scheme_change_on_an_existing_link(site_admin_client):
    link = PartnerLinkFactory(url="https://doanthanhnien.vn/")
    response = site_admin_client.post(
        reverse("admin:organizations_partnerlink_change", args=[link.pk]),
        form("javascript:alert(1)"),
    )
    assert response.status_code == 200
    link.refresh_from_db()
    assert link.url == "https://doanthanhnien.vn/"


def test_admin_accepts_http_and_https(site_admin_client):
    for url in ["https://doanthanhnien.vn/", "http://tinhdoan.kiengiang.example.vn/"]:
        assert site_admin_client.post(ADD_URL, form(url)).status_code == 302
    assert PartnerLink.objects.count() == 2


def test_model_validation_refuses_javascript_too():
    link = PartnerLink(name="x", url="javascript:alert(1)", group="khac")
    with pytest.raises(ValidationError) as error:
        link.full_clean()
    assert SCHEME_MESSAGE in error.value.message_dict["url"]


def test_block_groups_links_in_the_order_of_the_groups():
    PartnerLinkFactory(name="Huyện đoàn Châu Thành", group=PartnerLink.Group.DISTRICT)
    PartnerLinkFactory(name="Báo Kiên Giang", group=PartnerLink.Group.OTHER)
    PartnerLinkFactory(name="Trung ương Đoàn", group=PartnerLink.Group.CENTRAL, order=2)
    PartnerLinkFactory(name="Báo Tuổi Trẻ", group=PartnerLink.Group.CENTRAL, order=1)
    PartnerLinkFactory(name="UBND tỉnh", group=PartnerLink.Group.PROVINCE)
    PartnerLinkFactory(name="Không hiện", group=PartnerLink.Group.PROVINCE, is_active=False)
    html = render_block()
    order = [
        "Trung ương",
        "Báo Tuổi Trẻ",
        "Trung ương Đoàn",
        "Tỉnh",
        "UBND tỉnh",
        "Huyện/Thành",
        "Huyện đoàn Châu Thành",
        "Khác",
        "Báo Kiên Giang",
    ]
    positions = [html.index(f">{text}<") for text in order]
    assert positions == sorted(positions)
    assert "Không hiện" not in html
    assert "Liên kết website" in html


def test_links_open_in_a_new_tab_without_access_to_the_site():
    PartnerLinkFactory(name="Trung ương Đoàn", url="https://doanthanhnien.vn/")
    html = render_block()
    assert '<a href="https://doanthanhnien.vn/" target="_blank" rel="noopener">' in html


def test_block_works_without_javascript():
    PartnerLinkFactory(group=PartnerLink.Group.CENTRAL)
    PartnerLinkFactory(group=PartnerLink.Group.DISTRICT)
    html = render_block()
    # Native disclosure widgets, no <select> that would need a script to navigate.
    assert html.count("<details") == 2
    assert html.count("<summary") == 2
    assert "<select" not in html and "<script" not in html and "onclick" not in html
    assert '<details class="partner-links__group" open>' in html


def test_link_names_are_escaped():
    PartnerLinkFactory(name='<img src=x onerror="alert(1)">')
    html = render_block()
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html
