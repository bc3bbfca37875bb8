"""Read counting buffered in a real Redis (READS_BUFFERED): exact, atomic, crash-safe flushes."""

import datetime
import threading

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news import reads
from news.models import Article, ArticleDailyRead, ReadFlush
from tests.factories import ArticleFactory, ReadFlushFactory
from tests.support import BROWSER, concurrent_reads

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture
def buffered(redis_cache, settings):
    settings.READS_BUFFERED = True
    settings.READS_FLUSH_SECONDS = 3600  # tests flush by hand unless they say otherwise
    # The first counted read would flush at once: take the flush lock as a running site would.
    reads.redis_client().set(cache.make_key("reads:flush-lock"), 1, ex=3600)
    return reads.redis_client()


def read(client, article, n=0):
    url = reverse("news:article_read", kwargs={"pk": article.pk})
    return client.post(url, HTTP_USER_AGENT=f"{BROWSER} reader/{n}", REMOTE_ADDR="203.113.9.9")


def reads_of(article):
    return Article.objects.values_list("read_count", flat=True).get(pk=article.pk)


def pending(redis):
    return {k.decode(): int(v) for k, v in redis.hgetall(cache.make_key("reads:pending")).items()}


def test_buffered_reads_wait_in_redis_until_a_flush_writes_them(client, buffered):
    article, other = ArticleFactory(), ArticleFactory()
    for n in range(3):
        read(client, article, n)
    read(client, other)
    read(client, other)  # the same reader again: not counted
    assert reads_of(article) == 0
    assert sum(pending(buffered).values()) == 4
    assert reads.reads_flush() == 4
    assert (reads_of(article), reads_of(other)) == (3, 1)
    assert ArticleDailyRead.objects.get(article=article).count == 3
    assert pending(buffered) == {}
    assert reads.reads_flush() == 0  # a second flush adds nothing
    assert reads_of(article) == 3


def test_the_reader_window_is_kept_in_redis_with_its_timeout(client, buffered, settings):
    settings.READS_WINDOW_MINUTES = 30
    article = ArticleFactory()
    read(client, article)
    read(client, article)
    assert sum(pending(buffered).values()) == 1
    request = RequestFactory().post(
        "/", HTTP_USER_AGENT=f"{BROWSER} reader/0", REMOTE_ADDR="203.113.9.9"
    )
    seen = cache.make_key(reads.reader_key(request, article.pk))
    assert 1790 < buffered.ttl(seen) <= 1800
    buffered.expire(seen, 0)  # the window is over
    read(client, article)
    assert sum(pending(buffered).values()) == 2


def test_the_first_read_after_the_flush_interval_flushes(client, buffered):
    article = ArticleFactory()
    read(client, article, 1)
    assert reads_of(article) == 0
    buffered.delete(cache.make_key("reads:flush-lock"))  # READS_FLUSH_SECONDS have passed
    read(client, article, 2)
    assert reads_of(article) == 2
    assert pending(buffered) == {}


def test_a_batch_left_by_a_flush_that_died_is_written_once(buffered):
    article = ArticleFactory()
    day = "2026-11-20"
    batch_prefix = cache.make_key("reads:batch:")
    # Died after taking its batch, before writing it: the next flush writes it.
    buffered.hset(batch_prefix + "dead1", f"{article.pk}:{day}", 7)
    # Died after writing its batch, before deleting it: the next flush only deletes it.
    buffered.hset(batch_prefix + "dead2", f"{article.pk}:{day}", 100)
    ReadFlushFactory(batch="dead2")
    assert reads.reads_flush() == 7
    assert reads_of(article) == 7
    assert ArticleDailyRead.objects.get(article=article).count == 7
    assert not list(buffered.scan_iter(match=batch_prefix + "*"))


def test_reads_of_an_article_deleted_meanwhile_are_dropped_not_blocking(buffered):
    kept, gone = ArticleFactory(), ArticleFactory()
    key = cache.make_key("reads:pending")
    buffered.hset(key, f"{kept.pk}:2026-11-20", 2)
    buffered.hset(key, f"{gone.pk}:2026-11-20", 5)
    gone.delete()
    assert reads.reads_flush() == 2
    assert reads_of(kept) == 2


@pytest.mark.django_db(transaction=True)
def test_flushing_while_reads_arrive_loses_no_increment(buffered):
    articles = ArticleFactory.create_batch(3)
    today = reads.timezone.localdate()
    per_thread, threads = 300, 4
    done = threading.Event()

    def readers(t):
        for n in range(per_thread):
            article = articles[n % 3]
            reads._buffer_read(
                f"reads:seen:t{t}-{n}", f"reads:address:t{t}-{n}", 60, article.pk, today
            )

    def flusher():
        try:
            while not done.is_set():
                reads.reads_flush()
        finally:
            connection.close()

    flushing = [threading.Thread(target=flusher) for _ in range(2)]  # two servers flushing
    reading = [threading.Thread(target=readers, args=(t,)) for t in range(threads)]
    for thread in flushing + reading:
        thread.start()
    for thread in reading:
        thread.join()
    done.set()
    for thread in flushing:
        thread.join()
    reads.reads_flush()
    total = per_thread * threads
    assert sum(Article.objects.values_list("read_count", flat=True)) == total
    assert sum(ArticleDailyRead.objects.values_list("count", flat=True)) == total
    assert ReadFlush.objects.count() >= 2  # it really did flush while reads arrived


def test_with_redis_down_articles_are_served_uncounted(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    settings.READS_BUFFERED = True
    article = ArticleFactory()
    page = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert page.status_code == 200
    assert read(client, article).status_code == 204
    assert reads_of(article) == 0


def test_flush_reads_command_writes_the_buffer(client, buffered):
    from io import StringIO

    from django.core.management import call_command

    article = ArticleFactory()
    read(client, article)
    out = StringIO()
    call_command("flush_reads", stdout=out)
    assert "1" in out.getvalue()
    assert reads_of(article) == 1


@pytest.mark.django_db(transaction=True)
def test_200_concurrent_buffered_reads_add_exactly_200(live_server, buffered, settings, caplog):

    settings.READS_FLUSH_SECONDS = 1  # reads flush while others arrive
    settings.READS_MAX_PER_ADDRESS = 10_000  # every reader comes from the live server's address
    buffered.delete(cache.make_key("reads:flush-lock"))
    article = ArticleFactory()
    concurrent_reads(live_server, article, 200)
    assert ReadFlush.objects.exists()  # the reads themselves flushed
    assert not [r for r in caplog.records if r.name == "news.reads"]  # no read failed
    reads.reads_flush()
    assert reads_of(article) == 200
    assert ArticleDailyRead.objects.get(article=article).count == 200


def test_flush_reads_command_says_when_reads_are_not_buffered(settings):
    from django.core.management import CommandError, call_command

    settings.READS_BUFFERED = False
    with pytest.raises(CommandError, match="not buffered"):
        call_command("flush_reads")


def test_buffered_reads_respect_the_cap_per_address(client, buffered, settings):
    settings.READS_MAX_PER_ADDRESS = 4
    article = ArticleFactory()
    for n in range(10):
        read(client, article, n)  # ten user agents, one address
    assert reads.reads_flush() == 4
    assert reads_of(article) == 4


def test_a_buffered_read_asks_the_database_nothing(client, editor, buffered):
    article = ArticleFactory()
    read(client, article, 0)  # the first reader of the article: is it published? (one query)
    with CaptureQueriesContext(connection) as queries:
        assert read(client, article, 1).status_code == 204
    assert len(queries) == 0
    client.force_login(editor)  # nor the session and the account behind a staff cookie
    with CaptureQueriesContext(connection) as queries:
        assert read(client, article, 2).status_code == 204
    assert len(queries) == 0
    assert reads.reads_flush() == 3
    assert reads_of(article) == 3


@pytest.mark.parametrize("change", ["withdraw", "trash", "delete", "schedule"])
def test_a_buffered_read_of_an_article_no_longer_public_counts_nothing(client, buffered, change):
    article = ArticleFactory()
    read(client, article, 0)  # whether it may be read is now in the cache
    if change == "withdraw":
        article.status = Article.Status.DRAFT
        article.save()
    elif change == "trash":
        article.move_to_trash(user=None)
    elif change == "delete":
        Article.objects.filter(pk=article.pk).delete()  # the instance keeps its id
    else:
        article.published_at = timezone.now() + datetime.timedelta(hours=1)
        article.save()
    assert read(client, article, 1).status_code == 204
    assert sum(pending(buffered).values()) == 1  # the first read only
