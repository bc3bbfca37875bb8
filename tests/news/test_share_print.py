"""Sharing near the top and at the end of an article, always with its canonical address; a
print view that works without JavaScript and says where the article comes from."""

import re
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, SiteIdentityFactory

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def article(db):
    SiteIdentityFactory(site_name="Tỉnh đoàn Kiên Giang")
    return ArticleFactory(title="Dân vận khéo", body="<p>Thân bài.</p>")


def test_share_buttons_sit_near_the_top_and_at_the_end(client, article):
    body = text(client.get(article.get_absolute_url()))
    top, end = body.index("share share--top"), body.index("share share--end")
    assert body.index('class="article-title"') < top < body.index('class="article-body"') < end
    assert body.count('class="share-facebook"') == body.count('class="share-zalo"') == 2


def test_every_shared_link_is_the_canonical_address(client, article):
    canonical = "http://testserver" + article.get_absolute_url()
    response = client.get(article.get_absolute_url(), {"fbclid": "abc", "utm_source": "zalo"})
    body = text(response)
    facebook = re.findall(r'sharer\.php\?u=([^"]+)"', body)
    assert facebook == [quote(canonical, safe="")] * 2
    shared = re.findall(r'data-(?:share|copy)-url="([^"]+)"', body)
    assert shared == [canonical] * 4  # Zalo and copy, top and end
    assert f'<link rel="canonical" href="{canonical}">' in body
    assert "fbclid" not in body.split("</head>")[1].split('<footer class="site-footer"')[0]


def test_zalo_and_copy_say_so_when_they_copy(client, article):
    body = text(client.get(article.get_absolute_url()))
    assert 'data-copied-message="Đã sao chép liên kết: hãy dán vào Zalo để chia sẻ."' in body
    assert 'data-copied-message="Đã sao chép liên kết."' in body


def test_the_article_page_prints_the_sites_name_and_the_articles_address(client, article):
    body = text(client.get(article.get_absolute_url()))
    canonical = "http://testserver" + article.get_absolute_url()
    assert f'<p class="print-only print-source">Tỉnh đoàn Kiên Giang – {canonical}</p>' in body
    print_url = reverse("news:article_print", kwargs={"slug": article.slug, "pk": article.pk})
    assert body.count(f'href="{print_url}"') == 2


def test_the_print_view_needs_no_script_and_carries_name_address_and_date(client, article):
    url = reverse("news:article_print", kwargs={"slug": article.slug, "pk": article.pk})
    assert url == article.get_absolute_url() + "in/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    body = text(response)
    canonical = "http://testserver" + article.get_absolute_url()
    assert '<p class="print-site">Tỉnh đoàn Kiên Giang</p>' in body
    assert f'<p class="print-address">{canonical}</p>' in body
    assert f'<link rel="canonical" href="{canonical}">' in body
    when = timezone.localtime(article.published_at).strftime("%d/%m/%Y - %H:%M")
    assert when in body
    assert "<p>Thân bài.</p>" in body
    assert "<script>" not in body  # no inline script; the print button is site.js's
    assert 'class="sidebar"' not in body and 'class="main-nav"' not in body


def test_the_print_view_of_an_old_slug_redirects_and_of_a_draft_is_404(client, article):
    old = reverse("news:article_print", kwargs={"slug": "ten-cu", "pk": article.pk})
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url() + "in/"
    draft = ArticleFactory(draft=True)
    url = reverse("news:article_print", kwargs={"slug": draft.slug, "pk": draft.pk})
    assert client.get(url).status_code == 404


def test_the_print_view_costs_a_few_queries(client, article, django_assert_max_num_queries):
    url = reverse("news:article_print", kwargs={"slug": article.slug, "pk": article.pk})
    client.get(url)
    with django_assert_max_num_queries(3):
        assert client.get(url).status_code == 200
