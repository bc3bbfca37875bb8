"""The register's pages: list, filters, search, a document's page, RSS, sitemap, articles."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    DocumentFactory,
    DocumentFileFactory,
    DocumentTypeFactory,
    OrganizationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("documents:document_list")


def numbers(response):
    return [document.number for document in response.context["page"]]


def test_list_shows_published_documents_newest_issued_first(client):
    older = DocumentFactory(issued_on=datetime.date(2025, 1, 5))
    newer = DocumentFactory(issued_on=datetime.date(2026, 2, 1))
    DocumentFactory(unpublished=True)
    DocumentFactory(scheduled=True)
    response = client.get(LIST)
    assert response.status_code == 200
    assert numbers(response) == [newer.number, older.number]
    assert "Văn bản" in response.content.decode()


def test_list_filters_by_type(client):
    plan = DocumentTypeFactory(name="Kế hoạch")
    resolution = DocumentTypeFactory(name="Nghị quyết")
    wanted = DocumentFactory(document_type=resolution)
    DocumentFactory(document_type=plan)
    assert numbers(client.get(LIST, {"type": resolution.slug})) == [wanted.number]


def test_list_filters_by_issuer(client):
    union = OrganizationFactory(name="Tỉnh đoàn Kiên Giang")
    wanted = DocumentFactory(issuer=union)
    DocumentFactory()
    assert numbers(client.get(LIST, {"issuer": union.slug})) == [wanted.number]


def test_list_filters_by_year_issued(client):
    wanted = DocumentFactory(issued_on=datetime.date(2024, 12, 31))
    DocumentFactory(issued_on=datetime.date(2025, 1, 1))
    DocumentFactory(issued_on=datetime.date(2023, 6, 1))
    response = client.get(LIST, {"year": "2024"})
    assert numbers(response) == [wanted.number]
    assert [c[0] for c in response.context["form"].fields["year"].choices] == [
        "",
        "2025",
        "2024",
        "2023",
    ]


def test_filters_combine_and_survive_pagination_links(client):
    kind = DocumentTypeFactory(name="Hướng dẫn")
    for _n in range(25):
        DocumentFactory(document_type=kind, issued_on=datetime.date(2026, 1, 2))
    DocumentFactory(issued_on=datetime.date(2026, 1, 2))
    response = client.get(LIST, {"type": kind.slug, "year": "2026"})
    assert response.context["page"].paginator.count == 25
    assert f"type={kind.slug}&amp;year=2026&amp;page=2" in response.content.decode()


@pytest.mark.parametrize("query", ["thang thanh nien", "THÁNG THANH NIÊN", "Tháng Thanh niên"])
def test_search_ignores_case_and_diacritics(client, query):
    wanted = DocumentFactory(summary="Tổ chức Tháng Thanh niên năm 2026")
    DocumentFactory(summary="Kế hoạch Hội trại tòng quân")
    assert numbers(client.get(LIST, {"q": query})) == [wanted.number]


def test_search_finds_the_number_and_symbol(client):
    wanted = DocumentFactory(number="125-KH/TĐTN-TCKT")
    DocumentFactory(number="9-CT/TĐTN")
    assert numbers(client.get(LIST, {"q": "125 kh tdtn"})) == [wanted.number]


@pytest.mark.parametrize(
    "params",
    [{"type": "khong-co"}, {"issuer": "x"}, {"year": "abc"}, {"year": "1800"}, {"year": "2024x"}],
)
def test_a_bad_filter_is_a_400_with_a_vietnamese_message(client, params):
    DocumentFactory(issued_on=datetime.date(2024, 5, 5))
    response = client.get(LIST, params)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Vui lòng sửa các bộ lọc" in content
    assert "Hãy chọn một lựa chọn hợp lệ" in content or "hợp lệ" in content


def test_a_long_search_is_cut_not_refused(client):
    DocumentFactory()
    assert client.get(LIST, {"q": "tháng " * 1000}).status_code == 200


def test_list_queries_stay_flat(client, django_assert_max_num_queries):
    for _n in range(5):
        DocumentFileFactory()
    client.get(LIST)
    with django_assert_max_num_queries(8):
        assert client.get(LIST).status_code == 200
    for _n in range(45):
        DocumentFileFactory(document=DocumentFactory(issuer=OrganizationFactory()))
    client.get(LIST)  # saving organisations emptied the cached site blocks
    with django_assert_max_num_queries(8):
        response = client.get(LIST, {"page": 2})
    assert len(response.context["page"]) == 20


def test_detail_page_shows_the_facts_and_files(client):
    document = DocumentFactory(
        number="125-KH/TĐTN-TCKT",
        signer="Trần Thị Bí Thư",
        effective_on=datetime.date(2026, 4, 1),
    )
    document_file = DocumentFileFactory(document=document, title="Phụ lục 1")
    response = client.get(document.get_absolute_url())
    content = response.content.decode()
    assert response.status_code == 200
    for text in ["125-KH/TĐTN-TCKT", "Trần Thị Bí Thư", "26/03/2026", "01/04/2026", "Phụ lục 1"]:
        assert text in content
    assert document_file.get_absolute_url() in content
    assert document.issuer.name in content


def test_detail_with_another_slug_redirects_for_good(client):
    document = DocumentFactory()
    url = reverse("documents:document_detail", kwargs={"slug": "cu", "pk": document.pk})
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == document.get_absolute_url()


def test_unpublished_documents_are_hidden_from_readers_not_from_editors(client):
    document = DocumentFactory(unpublished=True)
    assert client.get(document.get_absolute_url()).status_code == 404
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(document.get_absolute_url()).status_code == 200


def test_detail_pk_too_large_is_a_404(client):
    assert client.get("/van-ban/x-99999999999999999/").status_code == 404


def test_rss_lists_new_documents_newest_first(client):
    old = DocumentFactory(summary="Văn bản cũ")
    new = DocumentFactory(summary="Văn bản mới")
    old.published_at = new.published_at - datetime.timedelta(days=1)
    old.save()
    DocumentFactory(unpublished=True, summary="Chưa đăng")
    response = client.get(reverse("documents:document_feed"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    titles = [item.findtext("description") for item in root.iter("item")]
    assert len(titles) == 2
    assert titles[0].startswith("Văn bản mới") and titles[1].startswith("Văn bản cũ")
    links = [item.findtext("link") for item in root.iter("item")]
    assert links[0].endswith(new.get_absolute_url())


def test_documents_are_in_the_sitemap(client):
    document = DocumentFactory()
    hidden = DocumentFactory(unpublished=True)
    content = client.get("/sitemap-documents.xml").content.decode()
    assert document.get_absolute_url() in content
    assert hidden.get_absolute_url() not in content


def test_a_document_linked_from_an_article_shows_under_it(client):
    article = ArticleFactory()
    document = DocumentFactory(number="88-HD/TĐTN")
    document.articles.add(article)
    document_file = DocumentFileFactory(document=document)
    hidden = DocumentFactory(unpublished=True, number="99-HD/TĐTN")
    hidden.articles.add(article)
    content = client.get(article.get_absolute_url()).content.decode()
    assert "Văn bản liên quan" in content
    assert "88-HD/TĐTN" in content and document_file.get_absolute_url() in content
    assert "99-HD/TĐTN" not in content
    # and the document's page links back to the article
    assert article.get_absolute_url() in client.get(document.get_absolute_url()).content.decode()


def test_an_articles_document_list_follows_the_editors_changes(client):
    article = ArticleFactory()
    document = DocumentFactory(number="77-KH/TĐTN")
    url = article.get_absolute_url()
    assert "77-KH/TĐTN" not in client.get(url).content.decode()
    document.articles.add(article)
    assert "77-KH/TĐTN" in client.get(url).content.decode()
    document.number = "78-KH/TĐTN"
    document.save()
    assert "78-KH/TĐTN" in client.get(url).content.decode()
    document.is_published = False
    document.save()
    assert "78-KH/TĐTN" not in client.get(url).content.decode()


def test_the_site_search_shows_matching_documents(client):
    document = DocumentFactory(summary="Kế hoạch tổ chức Hội trại tòng quân năm 2026")
    DocumentFactory(summary="Thông báo khác")
    DocumentFactory(unpublished=True, summary="Hội trại tòng quân chưa đăng")
    content = client.get("/tim-kiem/", {"q": "hoi trai tong quan"}).content.decode()
    assert document.get_absolute_url() in content
    assert "chưa đăng" not in content
    assert "/van-ban/?q=hoi%20trai%20tong%20quan" in content


def test_a_document_change_makes_cached_article_pages_old(client):
    from portal.caching import site_version

    article = ArticleFactory()
    client.get(article.get_absolute_url())
    before = site_version()
    document = DocumentFactory(number="55-KH/TĐTN")
    document.articles.add(article)
    assert site_version() != before
    assert "55-KH/TĐTN" in client.get(article.get_absolute_url()).content.decode()
