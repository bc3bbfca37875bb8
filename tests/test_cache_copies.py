"""Each process's copies of the shared cache's entries (portal/cache_copies.py), against a real
Redis: a drawn page reads the site version once and its blocks from memory, and what another
server changes still shows on the next page."""

import threading
import uuid

import pytest

from organizations.models import PartnerLink
from portal.caching import VERSION_KEY
from tests.factories import ArticleFactory, PartnerLinkFactory, SponsorFactory
from tests.support import text

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def shared(redis_cache, settings):
    """Redis as in production, each process's "fragments" cache beside it, no page cache (every
    request draws its page from blocks)."""
    settings.CACHES = {
        **settings.CACHES,
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"copies-{uuid.uuid4().hex}",
        },
    }
    settings.PAGE_CACHE_SECONDS = 0
    return redis_cache


def commands_naming(redis_url, prefix, action):
    """The commands Redis received that name this test's keys while ``action()`` ran."""
    import redis

    seen, watching, done = [], threading.Event(), f"done-{uuid.uuid4().hex}"

    def watch():
        with redis.Redis.from_url(redis_url).monitor() as monitor:
            watching.set()
            for command in monitor.listen():
                if done in command["command"]:
                    return
                if prefix in command["command"]:
                    seen.append(command["command"])

    thread = threading.Thread(target=watch)
    thread.start()
    assert watching.wait(5)
    try:
        action()
    finally:
        redis.Redis.from_url(redis_url).echo(done)
        thread.join(5)
    return seen


@pytest.mark.parametrize("page", ["home", "article", "category"])
def test_a_drawn_page_costs_one_round_trip_to_redis(client, shared, redis_url, settings, page):
    article = ArticleFactory()
    SponsorFactory()
    PartnerLinkFactory()
    url = {
        "home": "/",
        "article": article.get_absolute_url(),
        "category": article.category.get_absolute_url(),
    }[page]
    for _ in range(2):  # the blocks are made and copied
        assert client.get(url).status_code == 200
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    seen = commands_naming(redis_url, prefix, lambda: client.get(url))
    assert len(seen) == 1, seen  # the site version (with the first block's entry)
    assert VERSION_KEY in seen[0]


def test_what_another_server_changes_shows_on_the_next_page(client, shared):
    link = PartnerLinkFactory(name="Cổng Đoàn TNCS Hồ Chí Minh")
    assert "Cổng Đoàn TNCS Hồ Chí Minh" in text(client.get("/"))
    # Another server saves a change: its rows, then a new site version in Redis. This process
    # runs no receiver and still holds copies of the old blocks.
    PartnerLink.objects.filter(pk=link.pk).update(name="Báo Thanh Niên")
    shared.set(VERSION_KEY, "1234567890", None)
    page = text(client.get("/"))
    assert "Báo Thanh Niên" in page
    assert "Cổng Đoàn TNCS Hồ Chí Minh" not in page
