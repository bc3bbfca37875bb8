import datetime
import re

import pytest
from django.utils import timezone

from organizations.models import SiteIdentity
from tests.factories import ArticleFactory, SourceFactory, TagFactory
from tests.support import page_queries

pytestmark = pytest.mark.django_db

URL = "/tim-kiem/"


@pytest.fixture(autouse=True)
def _site_identity(db):
    SiteIdentity.load()


def titles(response):
    return [a.title for a in response.context["page"]]


@pytest.mark.parametrize("query", ["dan van kheo", "DÂN VẬN KHÉO", "Dân vận khéo", "  kheo  DAN "])
def test_search_is_blind_to_case_and_diacritics(client, query):
    ArticleFactory(title="Dân vận khéo ở Kiên Giang")
    ArticleFactory(title="Tin khác")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert titles(response) == ["Dân vận khéo ở Kiên Giang"]


def test_search_handles_the_letter_d_with_stroke(client):
    ArticleFactory(title="Đoàn viên xuất sắc")
    assert titles(client.get(URL, {"q": "doan vien"})) == ["Đoàn viên xuất sắc"]
    assert titles(client.get(URL, {"q": "ĐOÀN"})) == ["Đoàn viên xuất sắc"]


def test_search_finds_lead_and_body_and_puts_title_matches_first(client):
    now = timezone.now()
    in_body = ArticleFactory(
        title="Hoạt động hè",
        body="<p>Chiến dịch <b>mùa hè xanh</b> năm nay.</p>",
        published_at=now - datetime.timedelta(hours=1),
    )
    in_lead = ArticleFactory(
        title="Tin tức tổng hợp",
        lead="(KGO) - Tổng kết mùa hè xanh.",
        published_at=now - datetime.timedelta(hours=2),
    )
    in_title = ArticleFactory(
        title="Mùa hè xanh 2026", published_at=now - datetime.timedelta(days=9)
    )
    assert titles(client.get(URL, {"q": "mua he xanh"})) == [
        in_title.title,
        in_body.title,
        in_lead.title,
    ]


def test_search_needs_every_word(client):
    ArticleFactory(title="Thanh niên tình nguyện")
    ArticleFactory(title="Thanh niên khởi nghiệp")
    assert titles(client.get(URL, {"q": "thanh nien khoi nghiep"})) == ["Thanh niên khởi nghiệp"]


def test_search_never_shows_drafts_or_scheduled(client):
    ArticleFactory(title="Dân vận nháp", draft=True)
    ArticleFactory(title="Dân vận hẹn giờ", scheduled=True)
    ArticleFactory(title="Dân vận đã đăng")
    assert titles(client.get(URL, {"q": "dan van"})) == ["Dân vận đã đăng"]


def test_search_does_not_treat_like_wildcards_as_wildcards(client):
    ArticleFactory(title="Tin axb bình thường")
    assert titles(client.get(URL, {"q": "a_b"})) == []
    assert titles(client.get(URL, {"q": "axb"})) == ["Tin axb bình thường"]


@pytest.mark.parametrize(
    "query", ["", "   ", "!!! ??? ###", "%%%", "'; DROP TABLE news_article; --"]
)
def test_empty_or_symbol_only_query_gives_a_normal_page(client, query):
    ArticleFactory(title="Dân vận khéo")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dân vận khéo" not in body.split('id="main"')[1].split("</main>")[0]
    assert "Tìm kiếm" in body


def test_missing_query_parameter_gives_a_normal_page(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Nhập vài từ trong tiêu đề" in response.content.decode()


def test_over_long_query_is_cut_and_still_answers(client):
    ArticleFactory(title="Dân vận khéo")
    response = client.get(URL, {"q": "dan van " + "x" * 5000})
    assert response.status_code == 200
    assert "Từ khóa quá dài" in response.content.decode()
    response = client.get(URL, {"q": "dan van " + "kheo " * 1000})
    assert response.status_code == 200
    assert titles(response) == ["Dân vận khéo"]


def test_search_results_are_paginated_keeping_the_query(client):
    for i in range(25):
        ArticleFactory(title=f"Tuổi trẻ sáng tạo {i}")
    first = client.get(URL, {"q": "tuoi tre"})
    assert len(titles(first)) == 20
    assert "25 kết quả cho “tuoi tre”" in first.content.decode()
    assert 'href="?q=tuoi+tre&amp;page=2"' in first.content.decode()
    second = client.get(URL, {"q": "tuoi tre", "page": "2"})
    assert len(titles(second)) == 5
    assert client.get(URL, {"q": "tuoi tre", "page": "x"}).status_code == 404


def test_page_links_keep_the_query_and_drop_other_parameters(client):
    # The cached page is shared by every address that differs only in other parameters, so a
    # link must not carry the first reader's ?fbclid= to the next one.
    for i in range(25):
        ArticleFactory(title=f"Tuổi trẻ sáng tạo {i}")
    page = client.get(URL, {"q": "tuoi tre", "fbclid": "abc", "page": "2"}).content.decode()
    assert 'href="?q=tuoi+tre&amp;page=1"' in page
    assert "fbclid" not in page


def test_the_query_is_shown_escaped(client):
    body = client.get(URL, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def count_queries(client, params):
    return page_queries(client, URL, params)


def test_search_queries_do_not_grow_with_results(client):
    tags = [TagFactory()]
    source = SourceFactory()
    for i in range(5):
        ArticleFactory(title=f"Tuổi trẻ Kiên Giang {i}", tags=tags, source=source)
    few = count_queries(client, {"q": "tuoi tre"})
    for i in range(5, 50):
        ArticleFactory(title=f"Tuổi trẻ Kiên Giang {i}", tags=tags, source=source)
    # the fourth: matching documents of the register (documents_tags.document_search_results)
    assert count_queries(client, {"q": "tuoi tre"}) == few == 4


def test_search_field_is_labelled(client):
    body = client.get(URL).content.decode()
    assert re.search(r'<label for="search-page-q">Từ khóa cần tìm</label>', body)
