"""The newsroom dashboard in a real browser: it renders, and a figure opens the list it counts."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from news.models import ArticleDailyRead
from organizations.roles import EDITORS, roles_sync
from tests.factories import ArticleFactory, OrganizationFactory, UserFactory
from tests.support import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_unit_figure_opens_the_articles_it_counts(page, live_server):
    roles_sync()
    editor = UserFactory(username="bientap", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    unit = OrganizationFactory(name="Huyện đoàn Tân Hiệp")
    now = timezone.now()
    start = timezone.localtime(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    counted = [
        ArticleFactory(organization=unit, title=f"Tân Hiệp ra quân {n}", published_at=when)
        for n, when in enumerate([start + (now - start) / 2, start + (now - start) / 3])
    ]
    ArticleFactory(organization=unit, published_at=start - datetime.timedelta(days=3))
    ArticleFactory(title="Bài của đơn vị khác", published_at=start + (now - start) / 2)
    ArticleDailyRead.objects.add_counts([(counted[0].pk, timezone.localdate(), 42)])

    log_in(page, live_server, editor)
    units = page.locator("#dashboard-units")
    expect(units).to_contain_text("Số bài đăng của từng đơn vị")
    expect(page.locator("#dashboard-reads")).to_contain_text("42")
    expect(page.locator("#content-main .app-news")).to_be_visible()  # the list of apps stays

    row = units.locator("tr", has_text="Huyện đoàn Tân Hiệp")
    figure = row.locator("a.figure")
    expect(figure).to_have_text("2")
    figure.click()
    page.wait_for_url(lambda url: reverse("admin:news_article_changelist") + "?" in url)
    titles = page.locator("#result_list tbody th a, #result_list tbody td.field-title a")
    expect(titles).to_have_count(2)
    assert sorted(titles.all_inner_texts()) == sorted(a.title for a in counted)
    expect(page.locator("#changelist-filter")).to_contain_text("Huyện đoàn Tân Hiệp")
