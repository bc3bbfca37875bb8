"""Organisation pages that readers can reach: the footer's tree, an article's organisation."""

import pytest
from django.db import connection

from organizations.models import SiteIdentity
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    OrganizationFactory,
    SourceFactory,
    TagFactory,
)
from tests.support import markup, page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _identity(db):
    SiteIdentity.load()


def footer(client, url="/"):
    page = client.get(url).content.decode()
    return page[page.index('<footer class="site-footer">') :]


def test_every_page_shows_the_organisation_tree_in_the_footer(client):
    province = OrganizationFactory(name="Tỉnh đoàn Kiên Giang", order=0)
    district = OrganizationFactory(name="Huyện đoàn Châu Thành", parent=province)
    commune = OrganizationFactory(name="Đoàn xã Bình An", parent=district)
    OrganizationFactory(name="Đoàn xã đã giải thể", parent=district, is_active=False)
    article = ArticleFactory()
    for url in ("/", article.get_absolute_url(), article.category.get_absolute_url()):
        html = footer(client, url)
        assert "Các tổ chức" in html
        # nested: the commune is inside the district's list, inside the province's
        start = html.index(province.get_absolute_url())
        assert (
            start < html.index(district.get_absolute_url()) < html.index(commune.get_absolute_url())
        )
        assert html.count('<ul class="organization-tree">') == 3
        assert "đã giải thể" not in html


def test_the_tree_changes_when_an_administrator_saves_an_organisation(client):
    organization = OrganizationFactory(name="Đoàn Khối")
    assert "Đoàn Khối" in footer(client)
    organization.name = "Đoàn Khối các cơ quan"
    organization.save()
    assert "Đoàn Khối các cơ quan" in footer(client)


def test_an_article_shows_its_organisation_linked(client):
    organization = OrganizationFactory(name="Huyện đoàn Giồng Riềng")
    article = ArticleFactory(organization=organization)
    page = markup(client.get(article.get_absolute_url()))
    main = page[page.index('id="main"') : page.index("</main>")]
    assert f'<a class="article-organization" href="{organization.get_absolute_url()}">' in main
    inactive = ArticleFactory(organization=OrganizationFactory(name="Đơn vị cũ", is_active=False))
    page = client.get(inactive.get_absolute_url()).content.decode()
    assert "Đơn vị cũ" in page and 'class="article-organization"' not in page


@pytest.mark.parametrize("rows", [5, 50])
def test_pages_with_the_tree_and_the_organisation_link_cost_pinned_queries(client, rows):
    OrganizationFactory.create_batch(rows, parent=OrganizationFactory())
    organization = OrganizationFactory()
    tags, source, category = [TagFactory()], SourceFactory(), CategoryFactory()
    ArticleFactory.create_batch(
        rows, organization=organization, tags=tags, source=source, category=category
    )
    assert page_queries(client, organization.get_absolute_url()) == 4
    # the ids of each list (one statement on PostgreSQL, three on SQLite), then the rows
    home = 2 if connection.features.supports_slicing_ordering_in_compound else 4
    assert page_queries(client, "/") == home
    article = ArticleFactory(organization=organization, tags=tags, category=category)
    # as without the link; related news ask for the category's articles only while the ones
    # sharing a tag do not fill the list (six)
    expected = 5 if rows >= 6 else 6
    assert page_queries(client, article.get_absolute_url()) == expected
