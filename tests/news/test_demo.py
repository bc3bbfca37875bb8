import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from news.models import Article, ArticleDailyRead, ArticleImage, Category, Source, Tag
from organizations.models import Organization, PartnerLink, SiteIdentity, Sponsor
from pages.caching import menu_items
from pages.models import MenuItem, Page

pytestmark = pytest.mark.django_db

MODELS = [
    Article,
    ArticleDailyRead,
    ArticleImage,
    Category,
    Source,
    Tag,
    Organization,
    PartnerLink,
    Sponsor,
    SiteIdentity,
    MenuItem,
    Page,
    get_user_model(),
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_fills_an_empty_database_and_prints_the_password_once(capsys):
    call_command("demo")
    first = capsys.readouterr().out
    password = re.search(r"'admin'.*'([^']+)'", first).group(1)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert 55 <= Article.objects.published().count() <= 60
    assert Article.objects.exclude(cover_image="").count() == Article.objects.count()
    assert Category.objects.filter(parent__isnull=False).exists()
    assert Organization.objects.filter(kind="huyen_doan").count() >= 3
    assert SiteIdentity.load().site_name == "Tỉnh đoàn Kiên Giang"
    assert Sponsor.objects.count() > Sponsor.objects.current().count() >= 2
    assert "mật khẩu" in first  # the message is in Vietnamese


def test_demo_twice_changes_nothing(capsys):
    call_command("demo")
    before = counts()
    titles = set(Article.objects.values_list("title", flat=True))
    capsys.readouterr()
    call_command("demo")
    second = capsys.readouterr().out
    assert counts() == before
    assert set(Article.objects.values_list("title", flat=True)) == titles
    assert "admin" not in second


def test_demo_builds_a_two_level_menu_of_every_kind_and_static_pages(client):
    call_command("demo")
    assert set(MenuItem.objects.values_list("kind", flat=True)) == set(MenuItem.Kind.values)
    menu = menu_items()
    labels = [item["label"] for item in menu]
    assert labels[0] == "Giới thiệu" and labels[-1] == "Tư liệu"
    about = menu[0]
    assert about["url"] == "/trang/gioi-thieu/"
    assert {"Cơ cấu tổ chức", "Liên hệ"} <= {child["label"] for child in about["children"]}
    assert [child["url"] for child in menu[-1]["children"]] == [
        "/van-ban/",
        "/thu-vien-anh/",
        "/video/",
        "/su-kien/",
    ]
    work = menu[labels.index("Công tác Đoàn")]
    assert [child["label"] for child in work["children"]] == [
        "Xây dựng tổ chức Đoàn",
        "Tuyên truyền - Giáo dục",
    ]
    for page in Page.objects.all():
        assert client.get(page.get_absolute_url()).status_code == 200


def test_demo_adds_the_menu_to_a_database_that_had_articles_once(capsys):
    call_command("demo")
    MenuItem.objects.all().delete()
    Page.objects.all().delete()
    call_command("demo")  # an older demo database gets its pages and menu
    items = MenuItem.objects.count()
    assert items > 10 and Page.objects.count() == 3
    MenuItem.objects.filter(parent__isnull=True).first().delete()  # an administrator's change
    left = MenuItem.objects.count()
    call_command("demo")
    assert MenuItem.objects.count() == left  # the arranged menu is theirs: left alone
