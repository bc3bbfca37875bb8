"""A real browser counts one site visit per visitor and window, with and without JavaScript."""

import pytest
from django.utils import timezone

from tests.support import BROWSER
from visits.models import SiteDailyVisit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("javascript", [True, False])
def test_browsing_counts_one_visit(browser, live_server, javascript):
    context = browser.new_context(
        locale="vi-VN", user_agent=BROWSER, java_script_enabled=javascript
    )
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        with page.expect_response(lambda r: "/luot-truy-cap/" in r.url) as counted:
            page.goto(live_server.url + "/")
        assert counted.value.status == (204 if javascript else 200)
        with page.expect_response(lambda r: "/luot-truy-cap/" in r.url):
            page.goto(live_server.url + "/van-ban/")  # the same visitor: asked, not counted
    finally:
        context.close()
    assert SiteDailyVisit.objects.get(date=timezone.localdate()).count == 1


def test_headless_chrome_is_not_counted(page, live_server):
    with page.expect_response(lambda r: "/luot-truy-cap/" in r.url) as counted:
        page.goto(live_server.url + "/")
    assert counted.value.status == 204
    assert not SiteDailyVisit.objects.exists()
