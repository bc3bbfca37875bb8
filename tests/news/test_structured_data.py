"""What search engines and link previews read: JSON-LD, Open Graph, feed links; all escaped."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from PIL import Image

from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    OrganizationFactory,
    SiteIdentityFactory,
    TagFactory,
)
from tests.support import markup

pytestmark = pytest.mark.django_db

HOSTILE = 'Tin "nóng" </script><script>alert(1)</script> & <b>đậm</b>'


@pytest.fixture(autouse=True)
def _identity(db):
    SiteIdentityFactory(site_name="Tỉnh đoàn Kiên Giang")


def local(moment):
    return timezone.localtime(moment).isoformat()


def json_ld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return {data["@type"]: data for data in map(json.loads, blocks)}


def meta(page, name):
    return re.findall(
        rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', markup(page)
    )


def test_article_json_ld_parses_and_has_every_property(client):
    parent = CategoryFactory(name="Hoạt động")
    article = ArticleFactory(
        with_cover=True,
        category=CategoryFactory(name="Tin cơ sở", parent=parent),
        byline="Minh Anh",
        tags=[TagFactory(name="Mùa hè xanh")],
    )
    page = client.get(article.get_absolute_url()).content.decode()
    data = json_ld(page)
    news = data["NewsArticle"]
    canonical = f"http://testserver{article.get_absolute_url()}"
    assert news["@context"] == "https://schema.org"
    assert news["headline"] == article.title
    assert news["datePublished"] == local(article.published_at)
    assert news["dateModified"] == local(article.updated_at)
    assert news["author"] == {"@type": "Person", "name": "Minh Anh"}
    assert news["publisher"]["name"] == "Tỉnh đoàn Kiên Giang"
    assert news["publisher"]["logo"]["url"].startswith("http://testserver/")
    assert news["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical}
    assert news["keywords"] == ["Mùa hè xanh"]
    image = news["image"]
    assert (image["width"], image["height"]) == (1200, 630)
    stored = Path(settings.MEDIA_ROOT) / image["url"].removeprefix("http://testserver/media/")
    assert Image.open(stored).size == (1200, 630)  # a real 1200×630 rendition
    crumbs = [(i["position"], i["name"]) for i in data["BreadcrumbList"]["itemListElement"]]
    assert crumbs == [
        (1, "Tỉnh đoàn Kiên Giang"),
        (2, "Hoạt động"),
        (3, "Tin cơ sở"),
        (4, article.title),
    ]


def test_category_has_breadcrumbs_and_home_has_website_search_action(client):
    category = CategoryFactory(name="Công tác Đội")
    crumbs = json_ld(client.get(category.get_absolute_url()).content.decode())["BreadcrumbList"]
    assert (
        crumbs["itemListElement"][-1]["item"] == f"http://testserver{category.get_absolute_url()}"
    )
    website = json_ld(client.get("/").content.decode())["WebSite"]
    assert website["name"] == "Tỉnh đoàn Kiên Giang" and website["url"] == "http://testserver/"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/tim-kiem/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_article_open_graph_and_twitter_tags(client):
    article = ArticleFactory(
        with_cover=True, tags=[TagFactory(name="Đại hội"), TagFactory(name="Hội")]
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert meta(page, "og:site_name") == ["Tỉnh đoàn Kiên Giang"]
    assert meta(page, "og:locale") == ["vi_VN"]
    assert meta(page, "article:published_time") == [local(article.published_at)]
    assert len(meta(page, "article:modified_time")) == 1
    assert meta(page, "article:section") == [article.category.name]
    assert sorted(meta(page, "article:tag")) == ["Hội", "Đại hội"]
    assert meta(page, "twitter:card") == ["summary_large_image"]
    assert meta(page, "og:image")[0].endswith(".1200x630.jpg")


def test_every_page_links_its_feeds(client):
    category = CategoryFactory()
    article = ArticleFactory(
        category=category, tags=[TagFactory()], organization=OrganizationFactory()
    )
    feed = (
        '<link rel="alternate" type="application/rss+xml" title="Tỉnh đoàn Kiên Giang" '
        'href="/rss/">'
    )
    for url in (
        "/",
        category.get_absolute_url(),
        article.get_absolute_url(),
        "/tim-kiem/?q=doan",
        article.tags.get().get_absolute_url(),
        article.organization.get_absolute_url(),
    ):
        assert feed in markup(client.get(url)), url
    page = client.get(category.get_absolute_url()).content.decode()
    assert f'href="/chuyen-muc/{category.slug}/rss/"' in page


def test_a_hostile_title_is_escaped_everywhere(client):
    article = ArticleFactory(
        title=HOSTILE, lead=HOSTILE, with_cover=True, tags=[TagFactory(name=HOSTILE)]
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "</script><script>" not in page
    assert "<b>đậm" not in page
    escaped = (
        "Tin &quot;nóng&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
        "&lt;b&gt;đậm&lt;/b&gt;"
    )
    assert f"<title>{escaped} | Tỉnh đoàn Kiên Giang</title>" in page
    for name in ("og:title", "twitter:title", "article:tag"):
        assert meta(page, name) == [escaped], name
    data = json_ld(page)  # still parses, and says exactly what the editor typed
    assert data["NewsArticle"]["headline"] == HOSTILE
    assert data["NewsArticle"]["description"] == HOSTILE
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == HOSTILE
    feed = ET.fromstring(client.get("/rss/").content)
    assert feed.find("channel/item/title").text == HOSTILE
    assert feed.find("channel/item/description").text == HOSTILE
