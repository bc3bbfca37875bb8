import pytest

from organizations.models import PartnerLink
from tests.factories import PartnerLinkFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_partner_links_open_and_work_with_javascript_turned_off(nojs_page, live_server):
    PartnerLinkFactory(
        name="Trung ương Đoàn", url="https://doanthanhnien.example.vn/", group="trung_uong"
    )
    # A partner "site" served by the live server, so that following the link can be checked.
    PartnerLinkFactory(
        name="Huyện đoàn Phú Quốc",
        url=live_server.url + "/healthz",
        group=PartnerLink.Group.DISTRICT,
    )
    page = nojs_page
    page.goto(live_server.url + "/")
    block = page.locator("nav.partner-links")
    assert block.locator("h2").inner_text().strip().lower() == "liên kết website"

    central_link = block.get_by_role("link", name="Trung ương Đoàn")
    district_link = block.get_by_role("link", name="Huyện đoàn Phú Quốc")
    assert central_link.is_visible()  # the first group is open
    assert not district_link.is_visible()  # the others are folded

    block.locator("summary", has_text="Huyện/Thành").click()
    assert district_link.is_visible()
    assert district_link.get_attribute("target") == "_blank"
    assert district_link.get_attribute("rel") == "noopener"

    with page.context.expect_page() as new_tab:
        district_link.click()
    partner = new_tab.value
    partner.wait_for_load_state()
    assert partner.url == live_server.url + "/healthz"
    assert page.url == live_server.url + "/"  # the portal stays open in its own tab


def test_no_script_is_needed_for_the_block(nojs_page, live_server):
    PartnerLinkFactory(name="UBND tỉnh", group=PartnerLink.Group.PROVINCE)
    page = nojs_page
    page.goto(live_server.url + "/")
    block = page.locator("nav.partner-links")
    assert block.locator("select").count() == 0
    assert block.locator("script").count() == 0
    assert block.locator("details summary").count() == 1
