import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from news.models import Article, ArticleDailyRead, ArticleImage, Category, Source, Tag
from organizations.models import Organization, PartnerLink, SiteIdentity, Sponsor

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
