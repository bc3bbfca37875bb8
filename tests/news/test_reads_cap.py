"""Reads that cannot be inflated: a cap per address and article, and a beacon that tells
nothing about which ids hold unpublished articles."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from news.models import Article
from news.reads import address_key
from tests.factories import ArticleFactory
from tests.support import BROWSER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    for alias in ("default", "reads"):
        caches[alias].clear()


def read(client, article_id, n=0, ip="203.113.1.1", method="post"):
    url = reverse("news:article_read", kwargs={"pk": article_id})
    # A different user agent each time: a new "reader" for the once-per-reader rule.
    return getattr(client, method)(url, HTTP_USER_AGENT=f"{BROWSER} v/{n}", REMOTE_ADDR=ip)


def reads_of(article):
    return Article.objects.values_list("read_count", flat=True).get(pk=article.pk)


def test_the_documented_cap_is_120_reads_per_address_and_article_per_half_hour(settings):
    assert settings.READS_MAX_PER_ADDRESS == 120
    assert settings.READS_WINDOW_MINUTES == 30


def test_one_address_rotating_user_agents_counts_at_most_the_cap(client, settings):
    settings.READS_MAX_PER_ADDRESS = 20
    article = ArticleFactory()
    for n in range(60):
        assert read(client, article.pk, n).status_code == 204
    assert reads_of(article) == 20


def test_a_school_behind_one_address_counts_a_class_of_40_in_full(client):
    article = ArticleFactory()
    for pupil in range(40):
        read(client, article.pk, pupil, ip="113.161.50.7")
    assert reads_of(article) == 40


def test_the_cap_is_per_article_and_per_address(client, settings):
    settings.READS_MAX_PER_ADDRESS = 5
    article, other = ArticleFactory(), ArticleFactory()
    for n in range(10):
        read(client, article.pk, n, ip="203.113.1.1")
        read(client, other.pk, n, ip="203.113.1.1")
        read(client, article.pk, n, ip="203.113.1.2")
    assert (reads_of(article), reads_of(other)) == (10, 5)


def test_the_cap_opens_again_in_the_next_window(client, settings):
    settings.READS_MAX_PER_ADDRESS = 3
    article = ArticleFactory()
    for n in range(5):
        read(client, article.pk, n)
    assert reads_of(article) == 3
    # The window has passed: the address's counter and its readers' marks expired.
    caches["reads"].clear()
    for n in range(5):
        read(client, article.pk, n)
    assert reads_of(article) == 6


def test_ipv6_addresses_of_one_network_share_the_cap(client, settings, rf):
    settings.READS_MAX_PER_ADDRESS = 5
    article = ArticleFactory()
    for n in range(20):
        read(client, article.pk, n, ip=f"2001:ee0:4f01:1a2b::{n + 1:x}")
    assert reads_of(article) == 5

    def key(ip):
        return address_key(rf.post("/", REMOTE_ADDR=ip), article.pk)

    assert key("2001:ee0:4f01:1a2b::1") == key("2001:ee0:4f01:1a2b:ffff::9")
    assert key("2001:ee0:4f01:1a2b::1") != key("2001:ee0:4f01:1a2c::1")
    assert key("203.113.1.1") != key("203.113.1.2")


@pytest.mark.parametrize("method", ["post", "get", "head"])
def test_the_beacon_answers_the_same_for_unknown_and_unpublished_ids(client, method):
    published = ArticleFactory()
    draft = ArticleFactory(draft=True)
    scheduled = ArticleFactory(scheduled=True)
    unknown = max(published.pk, draft.pk, scheduled.pk) + 1000

    answers = {}
    for name, pk in [
        ("unknown", unknown),
        ("draft", draft.pk),
        ("scheduled", scheduled.pk),
        ("counted", published.pk),
        ("not counted again", published.pk),
    ]:
        response = read(client, pk, ip="203.113.7.7", method=method)
        headers = dict(response.headers)
        headers.pop("Expires")  # "now", to the second: a slow machine crosses a second here
        answers[name] = (response.status_code, headers, response.content)

    first = answers["unknown"]
    for name, answer in answers.items():
        assert answer == first, name
    assert first[0] == (204 if method == "post" else 200)
    assert reads_of(published) == (0 if method == "head" else 1)
    assert reads_of(draft) == reads_of(scheduled) == 0
