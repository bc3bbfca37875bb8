""" "Thống kê theo đơn vị": articles published per unit per month with their reads, as an admin
page and an Excel file (opened here with openpyxl), for editors and administrators only."""

import datetime
import io
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from news.models import ArticleDailyRead
from organizations.roles import ADMINISTRATORS, EDITORS, roles_sync
from tests.factories import ArticleFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

YEAR = 2025


def local(*args):
    return timezone.make_aware(datetime.datetime(*args))


def in_role(role, username="bientap"):
    roles_sync()
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def year_of_news():
    """2025: two units (and an inactive one with nothing), articles around the year's edges,
    a draft and a trashed article that do not count, and reads in March and April."""
    union = OrganizationFactory(name="Huyện đoàn Tân Hiệp", order=1)
    city = OrganizationFactory(name="Thành đoàn Rạch Giá", order=2)
    OrganizationFactory(name="Đoàn khối cũ", is_active=False)
    OrganizationFactory(name="Đoàn trường THPT Nguyễn Trãi", order=3)  # nothing this year
    march = [
        ArticleFactory(organization=union, published_at=local(YEAR, 3, 1, 0, 5)),
        ArticleFactory(organization=union, published_at=local(YEAR, 3, 31, 23, 55)),
    ]
    no_unit = ArticleFactory(organization=None, published_at=local(YEAR, 3, 10, 8))
    january = ArticleFactory(organization=city, published_at=local(YEAR, 1, 1, 0, 10))
    november = ArticleFactory(organization=city, published_at=local(YEAR, 11, 20, 9))
    ArticleFactory(organization=city, published_at=local(YEAR - 1, 12, 31, 23, 50))
    ArticleFactory(organization=union, published_at=local(YEAR, 3, 5), draft=True)
    ArticleFactory(organization=union, published_at=local(YEAR, 3, 6)).move_to_trash(user=None)
    ArticleDailyRead.objects.add_counts(
        [
            (march[0].pk, datetime.date(YEAR, 3, 1), 10),
            (march[0].pk, datetime.date(YEAR, 3, 2), 5),
            (march[1].pk, datetime.date(YEAR, 4, 1), 4),
            (january.pk, datetime.date(YEAR, 3, 31), 3),  # read in March, published in January
            (no_unit.pk, datetime.date(YEAR, 3, 15), 2),
            (november.pk, datetime.date(YEAR + 1, 1, 2), 50),  # next year: not in this report
        ]
    )
    return {"union": union, "city": city, "march": march, "no_unit": no_unit}


def lines_of(response):
    return {line["name"]: line for line in response.context["lines"]}


def test_figures_per_unit_and_month(client, year_of_news):
    client.force_login(in_role(EDITORS))
    response = client.get(reverse("admin:unit_report"), {"year": YEAR})
    assert response.status_code == 200
    lines = lines_of(response)
    assert list(lines) == [
        "Huyện đoàn Tân Hiệp",
        "Thành đoàn Rạch Giá",
        "Đoàn trường THPT Nguyễn Trãi",
        "Không thuộc đơn vị nào",
    ]
    union, city = lines["Huyện đoàn Tân Hiệp"], lines["Thành đoàn Rạch Giá"]
    figures = lambda line: [(m["articles"], m["reads"]) for m in line["months"]]  # noqa: E731
    assert figures(union)[2] == (2, 15) and figures(union)[3] == (0, 4)
    assert figures(city)[0] == (1, 0) and figures(city)[2] == (0, 3)
    assert figures(city)[10] == (1, 0)
    assert (union["year"]["articles"], union["year"]["reads"]) == (2, 19)
    assert (city["year"]["articles"], city["year"]["reads"]) == (2, 3)
    assert figures(lines["Không thuộc đơn vị nào"])[2] == (1, 2)
    assert all(f == (0, 0) for f in figures(lines["Đoàn trường THPT Nguyễn Trãi"]))
    total = response.context["total"]
    assert total["name"] == "Tổng cộng"
    assert (total["year"]["articles"], total["year"]["reads"]) == (5, 24)
    assert [(m["articles"], m["reads"]) for m in total["months"]][2] == (3, 20)
    html = response.content.decode()
    assert "Thống kê theo đơn vị" in html and "Tháng 12" in html and "Cả năm" in html


def test_each_figure_links_to_the_rows_it_counts(client, year_of_news):
    client.force_login(in_role(EDITORS))
    response = client.get(reverse("admin:unit_report"), {"year": YEAR})
    union = lines_of(response)["Huyện đoàn Tân Hiệp"]
    march = union["months"][2]
    listed = client.get(unescape(march["articles_url"])).context["cl"]
    assert {a.pk for a in listed.result_list} == {a.pk for a in year_of_news["march"]}
    rows = client.get(unescape(march["reads_url"])).context["cl"].result_list
    assert sum(row.count for row in rows) == march["reads"] == 15
    no_unit = lines_of(response)["Không thuộc đơn vị nào"]["months"][2]
    listed = client.get(unescape(no_unit["articles_url"])).context["cl"].result_list
    assert [a.pk for a in listed] == [year_of_news["no_unit"].pk]
    rows = client.get(unescape(no_unit["reads_url"])).context["cl"].result_list
    assert sum(row.count for row in rows) == 2
    year = response.context["total"]["year"]
    assert client.get(unescape(year["articles_url"])).context["cl"].result_count == 5
    rows = client.get(unescape(year["reads_url"])).context["cl"].result_list
    assert sum(row.count for row in rows) == 24


def test_excel_file(client, year_of_news):
    client.force_login(in_role(ADMINISTRATORS, "quantri"))
    response = client.get(reverse("admin:unit_report_excel"), {"year": YEAR})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="thong-ke-theo-don-vi-2025.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Năm 2025"
    assert sheet["A1"].value == "Thống kê số bài đăng và lượt đọc theo đơn vị năm 2025"
    assert sheet["A3"].value == "Đơn vị"
    assert [sheet.cell(3, c).value for c in (2, 4, 24, 26)] == [
        "Tháng 1",
        "Tháng 2",
        "Tháng 12",
        "Cả năm",
    ]
    assert [sheet.cell(4, c).value for c in (2, 3, 26, 27)] == [
        "Số bài",
        "Số lần đọc",
        "Số bài",
        "Số lần đọc",
    ]
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=5, values_only=True)}
    union = rows["Huyện đoàn Tân Hiệp"]
    assert union[4:8] == (2, 15, 0, 4)  # March, April
    assert union[-2:] == (2, 19)
    assert rows["Thành đoàn Rạch Giá"][0:2] == (1, 0)
    assert rows["Không thuộc đơn vị nào"][-2:] == (1, 2)
    last = list(sheet.iter_rows(min_row=sheet.max_row, values_only=True))[0]
    assert last[0] == "Tổng cộng" and last[-2:] == (5, 24)
    assert sheet.cell(sheet.max_row, 1).font.bold
    assert sheet.column_dimensions["A"].width >= len("Đoàn trường THPT Nguyễn Trãi")
    assert sheet.column_dimensions["B"].width >= 10
    assert "A3:A4" in {str(r) for r in sheet.merged_cells.ranges}


@pytest.mark.parametrize(
    "year, message",
    [
        ("abc", "Hãy nhập một năm, ví dụ 2025."),
        ("", "Hãy nhập một năm, ví dụ 2025."),
        ("20.5", "Hãy nhập một năm, ví dụ 2025."),
        ("1999", "Thống kê bắt đầu từ năm 2000."),
        ("-5", "Thống kê bắt đầu từ năm 2000."),
        ("99999999999999999999999999", "Chưa có số liệu cho các năm sau năm"),
    ],
)
def test_bad_year_is_a_vietnamese_message_and_400(client, year, message):
    client.force_login(in_role(EDITORS))
    for name in ("admin:unit_report", "admin:unit_report_excel"):
        response = client.get(reverse(name), {"year": year})
        assert response.status_code == 400
        assert message in response.content.decode()


def test_without_a_year_it_shows_this_year(client):
    client.force_login(in_role(EDITORS))
    response = client.get(reverse("admin:unit_report"))
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year


def test_only_editors_and_administrators(client):
    url = reverse("admin:unit_report")
    writer = UserFactory(username="viet", is_staff=True)
    writer.user_permissions.set(
        Permission.objects.filter(content_type__app_label="news", codename="view_article")
    )
    client.force_login(writer)
    assert client.get(url).status_code == 403
    assert client.get(reverse("admin:unit_report_excel")).status_code == 403
    assert reverse("admin:unit_report") not in client.get(reverse("admin:index")).content.decode()
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page
    for role, username in ((EDITORS, "bientap"), (ADMINISTRATORS, "quantri")):
        client.force_login(in_role(role, username))
        assert client.get(url).status_code == 200


def test_queries_do_not_grow_with_the_units(client, year_of_news, django_assert_max_num_queries):
    client.force_login(in_role(EDITORS))
    client.get(reverse("admin:unit_report"), {"year": YEAR})
    for n in range(8):
        unit = OrganizationFactory()
        article = ArticleFactory(organization=unit, published_at=local(YEAR, n + 1, 2))
        ArticleDailyRead.objects.add_counts([(article.pk, datetime.date(YEAR, n + 1, 3), n)])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("admin:unit_report"), {"year": YEAR})
    assert len(response.context["lines"]) == 4 + 8
    with django_assert_max_num_queries(8):
        assert client.get(reverse("admin:unit_report_excel"), {"year": YEAR}).status_code == 200
