"""The site visit counter ("Lượt truy cập"): the rules of read counting, and the footer."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.support import BROWSER
from visits.models import SiteDailyVisit

pytestmark = pytest.mark.django_db
URL = reverse("visits:visit")


def today_count():
    row = SiteDailyVisit.objects.filter(date=timezone.localdate()).first()
    return row.count if row else 0


def visitor(address="203.0.113.5", agent=BROWSER, **extra):
    return Client(REMOTE_ADDR=address, HTTP_USER_AGENT=agent, **extra)


def test_a_visit_is_counted_once_per_visitor_within_the_window():
    reader = visitor()
    assert reader.post(URL).status_code == 204
    assert reader.post(URL).status_code == 204
    assert reader.get(URL)["Content-Type"] == "image/gif"
    assert today_count() == 1
    visitor(address="203.0.113.6").post(URL)
    visitor(agent=BROWSER + " Firefox").post(URL)  # another person behind the same address
    assert today_count() == 3


def test_a_visitor_counts_again_after_the_window(settings):
    settings.READS_WINDOW_MINUTES = 0  # the mark expires at once
    visitor().post(URL)
    visitor().post(URL)
    assert today_count() == 2


@pytest.mark.parametrize(
    "agent",
    [
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.31",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0",
        "",
    ],
)
def test_bots_are_not_counted(agent):
    visitor(agent=agent).post(URL)
    assert today_count() == 0


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
)
def test_prefetches_and_other_sites_are_not_counted(headers):
    visitor(**headers).post(URL)
    assert today_count() == 0


def test_head_is_not_counted_and_the_answer_is_never_cached():
    assert visitor().head(URL).status_code == 200
    assert today_count() == 0
    assert "no-store" in visitor().post(URL)["Cache-Control"]


def test_one_address_counts_only_so_many_visitors(settings):
    settings.READS_MAX_PER_ADDRESS = 2
    for n in range(4):
        visitor(agent=f"{BROWSER} Build/{n}").post(URL)
    assert today_count() == 2


def test_visits_are_counted_per_day():
    SiteDailyVisit.objects.add(timezone.localdate() - datetime.timedelta(days=1), 5)
    visitor().post(URL)
    assert today_count() == 1
    assert (
        SiteDailyVisit.objects.get(date=timezone.localdate() - datetime.timedelta(days=1)).count
        == 5
    )


def test_the_footer_shows_today_this_month_and_in_total(client):
    today = timezone.localdate()
    SiteDailyVisit.objects.add(today, 1234)
    earlier_this_month = today.replace(day=1) if today.day > 1 else None
    if earlier_this_month:
        SiteDailyVisit.objects.add(earlier_this_month, 1000)
    SiteDailyVisit.objects.add(today.replace(day=1) - datetime.timedelta(days=1), 50000)
    content = client.get("/").content.decode()
    month = 1234 + (1000 if earlier_this_month else 0)
    assert "Lượt truy cập" in content
    assert "Hôm nay: <strong>1.234</strong>" in content
    assert f"Tháng này: <strong>{month:,}</strong>".replace(",", ".") in content
    assert f"Tổng cộng: <strong>{month + 50000:,}</strong>".replace(",", ".") in content
    assert f'data-beacon-url="{URL}"' in content and "js/beacons.js" in content


def test_the_footer_counter_costs_no_query_once_cached(client, django_assert_num_queries):
    from visits.caching import visit_counter_html

    visit_counter_html()
    with django_assert_num_queries(0):
        assert "Hôm nay: <strong>0</strong>" in visit_counter_html()


def test_a_visit_writes_nothing_but_the_days_count_and_robots_keep_crawlers_off(client):
    visitor().post(URL)
    assert list(SiteDailyVisit.objects.values_list("count", flat=True)) == [1]
    assert "Disallow: /luot-truy-cap/" in client.get("/robots.txt").content.decode()
