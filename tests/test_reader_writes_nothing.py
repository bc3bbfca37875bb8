"""A reader's GET reads: it never writes a row or a file (DESIGN, "Where the time goes").

The read beacon (/luot-doc/) and a sponsor's click (/tai-tro/) are the counters, separate
requests made to write, and are left out.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import Article
from organizations.models import SiteIdentity, Sponsor
from portal.caching import site_version_bump
from tests.factories import (
    ArticleFactory,
    ArticleImageFactory,
    CategoryFactory,
    OrganizationFactory,
    PartnerLinkFactory,
    SourceFactory,
    SponsorFactory,
    TagFactory,
)
from tests.support import image_bytes

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", re.IGNORECASE)


def media_files():
    return sorted(str(p) for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())


def body_picture():
    name = default_storage.save(
        "news/body/2026/11/anh.jpg", ContentFile(image_bytes("JPEG", (1600, 900)))
    )
    src = settings.MEDIA_URL + name
    return f'<figure class="image"><img src="{src}" width="1600" height="900"></figure>'


@pytest.fixture
def site():
    """A site with everything a page can show: pictures of every kind, sponsors (one stored
    without its renditions, as a bulk import leaves it), reads, a scheduled article."""
    identity = SiteIdentity.load()
    identity.site_name = "Tỉnh đoàn Kiên Giang"
    identity.logo = ContentFile(image_bytes("PNG", (200, 200)), name="logo.png")
    identity.save()
    organization = OrganizationFactory(
        introduction=f"<p>Giới thiệu</p>{body_picture()}",
        logo=ContentFile(image_bytes("PNG", (300, 300)), name="logo.png"),
    )
    parent = CategoryFactory(name="Tin tức")
    child = CategoryFactory(name="Tin huyện", parent=parent)
    tags, source = [TagFactory(), TagFactory()], SourceFactory()
    picture = body_picture()
    articles = []
    for i in range(25):
        article = ArticleFactory(
            title=f"Thanh niên tình nguyện số {i}",
            category=child if i % 2 else parent,
            organization=organization,
            tags=tags,
            source=source,
            body=f"<p>Nội dung {i}</p>{picture}",
            legacy_id=9000 + i,
            cover_image=ContentFile(image_bytes("JPEG", (1200, 800)), name="bia.jpg")
            if i < 3
            else "",
        )
        articles.append(article)
    ArticleImageFactory(
        article=articles[0], image=ContentFile(image_bytes("JPEG", (1500, 1000)), name="a.jpg")
    )
    articles[0].related_articles.add(articles[1])
    for article in articles[:5]:
        article.count_read(3)
    ArticleFactory(title="Tin hẹn giờ", published_at=timezone.now() + datetime.timedelta(days=1))
    ArticleFactory(title="Bản nháp", draft=True)
    SponsorFactory(placement=Sponsor.Placement.SIDEBAR)
    bulk = SponsorFactory(placement=Sponsor.Placement.FOOTER)
    Sponsor.objects.filter(pk=bulk.pk).update(logo_1x="", logo_2x="", logo_rendered_from="")
    PartnerLinkFactory()
    return {"article": articles[0], "category": parent, "organization": organization}


def public_urls(site):
    article, category = site["article"], site["category"]
    return [
        "/",
        category.get_absolute_url(),
        category.get_absolute_url() + "?page=2",
        category.get_absolute_url() + "?page=99",
        article.get_absolute_url(),
        f"/tin-tuc/slug-cu-{article.pk}/",  # an old slug: 301
        "/tin-tuc/khong-co-999999/",  # 404
        site["organization"].get_absolute_url(),
        "/tim-kiem/?q=thanh+nien",
        "/tim-kiem/?q=zzzkhongcogi",
        "/tim-kiem/",
        "/rss/",
        category.get_absolute_url() + "rss/",
        "/sitemap.xml",
        "/robots.txt",
        "/news.php?id=9000",
        "/khong-co-trang-nay/",
    ]


def test_a_readers_get_writes_no_row_and_no_file(client, site):
    site_version_bump()  # every page and block cold, as after an editor's change
    files = media_files()
    assert any("renditions/" in name for name in files)  # copies were made when stored
    statuses = {}
    with CaptureQueriesContext(connection) as queries:
        for _round in ("cold", "warm"):
            for url in public_urls(site):
                statuses[url] = client.get(url).status_code
    assert statuses["/"] == 200 and statuses[site["article"].get_absolute_url()] == 200
    assert statuses["/khong-co-trang-nay/"] == 404
    assert statuses["/news.php?id=9000"] == 301
    writes = [q["sql"] for q in queries.captured_queries if WRITE.match(q["sql"])]
    assert writes == []
    assert media_files() == files
    assert (
        Article.objects.filter(pk=site["article"].pk).values_list("read_count", flat=True)[0] == 3
    )
