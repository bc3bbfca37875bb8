import pytest

from organizations.models import SiteIdentity
from tests.factories import ArticleFactory, OrganizationFactory, SourceFactory, TagFactory
from tests.support import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site_identity(db):
    SiteIdentity.load()


def test_organization_page_shows_introduction_contact_units_and_news(client):
    parent = OrganizationFactory(name="Tỉnh đoàn Kiên Giang")
    organization = OrganizationFactory(
        name="Huyện đoàn Châu Thành",
        parent=parent,
        introduction="<p>Giới thiệu <strong>Huyện đoàn</strong>.</p><script>x()</script>",
        address="Thị trấn Minh Lương",
        phone="0297 3616 111",
        email="hd.chauthanh@kiengiang.gov.vn",
    )
    OrganizationFactory(name="Đoàn xã Bình An", parent=organization)
    OrganizationFactory(name="Đoàn xã đã giải thể", parent=organization, is_active=False)
    ArticleFactory(title="Tin của huyện đoàn", organization=organization)
    ArticleFactory(title="Tin nháp của huyện đoàn", organization=organization, draft=True)
    ArticleFactory(title="Tin đơn vị khác", organization=parent)
    page = client.get(organization.get_absolute_url()).content.decode()
    body = page[page.index('id="main"') : page.index("</main>")]
    assert "<h1>Huyện đoàn Châu Thành</h1>" in body
    assert "<strong>Huyện đoàn</strong>" in body and "x()" not in body
    assert "Thị trấn Minh Lương" in body and "0297 3616 111" in body
    assert "hd.chauthanh@kiengiang.gov.vn" in body
    assert "Đoàn xã Bình An" in body and "Đoàn xã đã giải thể" not in body
    assert "Tin của huyện đoàn" in body
    assert "Tin nháp của huyện đoàn" not in body and "Tin đơn vị khác" not in body
    assert 'href="/to-chuc/tinh-doan-kien-giang/"' in body  # breadcrumb to the parent


def test_inactive_or_unknown_organization_is_404(client):
    organization = OrganizationFactory(is_active=False)
    assert client.get(organization.get_absolute_url()).status_code == 404
    assert client.get("/to-chuc/khong-co/").status_code == 404


def test_organization_news_pages_answer_404_past_the_end(client):
    organization = OrganizationFactory()
    ArticleFactory.create_batch(3, organization=organization)
    assert client.get(organization.get_absolute_url(), {"page": "2"}).status_code == 404
    assert client.get(organization.get_absolute_url(), {"page": "abc"}).status_code == 404


def count_queries(client, url):
    return page_queries(client, url)


def test_organization_queries_do_not_grow_with_articles(client):
    organization = OrganizationFactory(parent=OrganizationFactory())
    OrganizationFactory.create_batch(3, parent=organization)
    tags, source = [TagFactory()], SourceFactory()
    ArticleFactory.create_batch(5, organization=organization, tags=tags, source=source)
    few = count_queries(client, organization.get_absolute_url())
    ArticleFactory.create_batch(45, organization=organization, tags=tags, source=source)
    assert count_queries(client, organization.get_absolute_url()) == few == 4
