"""Read counting ("Số lần đọc"): which requests count, once per reader, and the Redis buffer.

A read is counted by a small request the article page makes after it is shown (see
templates/news/includes/read_counter.html), never by the article page itself: the page can
then be served from Django's page cache or a CDN and every reader is still counted.

A reader is recognised, for READS_WINDOW_MINUTES, by a keyed hash (HMAC with SECRET_KEY) of
their address, user agent and the article, kept only in the cache with that timeout: no
session row, no cookie, no raw address stored anywhere. One address (an IPv6 address's /64
network) counts at most READS_MAX_PER_ADDRESS reads of one article per window, whatever user
agents it sends: a school behind one address still counts its classes, a script that
rotates its user agent cannot push an article into "most read".

Counts go to the database directly (two SQL increments), or, with READS_BUFFERED, into a
Redis hash that is written to the database in batches (reads_flush()).
"""

import datetime
import ipaddress
import logging
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from portal.caching import VERSION_KEY, site_version
from portal.middleware import outage_kind

from .caching import READABLE_TIMEOUT, article_readable_since, article_readable_since_in_database
from .models import Article, ArticleDailyRead, ReadFlush

logger = logging.getLogger(__name__)

# Crawlers, link previews (Facebook, Zalo, Telegram...), monitors, command-line and library
# HTTP clients, headless browsers. Checked after the in-app browsers below.
BOT_USER_AGENT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|archiver|facebookexternalhit|facebookcatalog|"
    r"meta-external|zalo|coccoc(?!_?browser)|preview|embedly|whatsapp|skypeuripreview|"
    r"curl|wget|python|httpx|aiohttp|go-http-client|okhttp|java/|apache-httpclient|"
    r"libwww|lwp::|httpclient|node-fetch|axios|undici|postman|insomnia|"
    r"headless|phantomjs|puppeteer|playwright|selenium|webdriver|lighthouse|pagespeed|"
    r"pingdom|uptime|monitor|statuscake|site24x7|nagios|zabbix|check_http|datadog|"
    r"newrelic|gtmetrix|validator|feed|rss|http_request|^mozilla/4\.0$|^mozilla/5\.0$",
    re.IGNORECASE,
)
# Zalo's in-app browser is a person reading: its user agent says "Zalo" too, along with
# these markers that the link-preview fetcher does not send.
IN_APP_BROWSER = re.compile(r"zalotheme/|zalo (?:android|ios)/|zalolanguage/", re.IGNORECASE)

PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_bot(user_agent):
    user_agent = (user_agent or "").strip()
    if len(user_agent) < 10:  # empty or a bare tool name
        return True
    if IN_APP_BROWSER.search(user_agent):
        return False
    return bool(BOT_USER_AGENT.search(user_agent))


def read_is_countable(request):
    """Whether this request may count as a person reading: not a bot, a prefetch or a HEAD."""
    if request.method not in ("GET", "POST"):
        return False
    for header in PREFETCH_HEADERS:
        value = request.META.get(header, "").lower()
        if "prefetch" in value or "prerender" in value or "preview" in value:
            return False
    # A page of another site may not make our readers' browsers count reads.
    if request.META.get("HTTP_SEC_FETCH_SITE", "") == "cross-site":
        return False
    return not is_bot(request.META.get("HTTP_USER_AGENT", ""))


def client_address(request):
    header = settings.READS_CLIENT_IP_HEADER
    if header and request.META.get(header):
        # The last address is the one our own proxy appended: the client as it saw it.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def reader_key(request, article_id):
    """The cache key that stands for this reader of this article: a keyed hash, not the IP."""
    value = f"{client_address(request)}\n{request.META.get('HTTP_USER_AGENT', '')}\n{article_id}"
    return "reads:seen:" + salted_hmac("news.reads.reader", value).hexdigest()[:32]


def address_key(request, article_id):
    """The cache key counting the reads of one article from one address, also a keyed hash.

    An IPv6 address counts by its /64 network: one subscriber usually holds a whole /64 and
    could otherwise read from a new address every time.
    """
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        ip = None
    if ip is not None and ip.version == 6 and ip.ipv4_mapped is None:
        address = str(ipaddress.ip_network(f"{ip}/64", strict=False))
    value = f"{address}\n{article_id}"
    return "reads:address:" + salted_hmac("news.reads.address", value).hexdigest()[:32]


def _address_has_room(marks, key, window):
    """Count one more read from this address; False once it passed READS_MAX_PER_ADDRESS."""
    marks.add(key, 0, timeout=window)  # the window starts at the address's first read
    try:
        count = marks.incr(key)
    except ValueError:  # expired between the two calls: a new window starts
        marks.set(key, 1, timeout=window)
        count = 1
    return count <= settings.READS_MAX_PER_ADDRESS


def read_beacon_first(get_response):
    """Answer the read beacon before the session, authentication, second-factor, CSRF, locale,
    messages and redirect middleware run: it needs none of them (it is anonymous by design,
    exempt from CSRF and never cached), and every page view sends it. Placed in MIDDLEWARE
    after the security headers and OutageMiddleware, so an outage is still a 503.
    """
    beacon = []  # (its address as a pattern, its view), found at the first request

    def middleware(request):
        if not beacon:
            example = reverse("news:article_read", kwargs={"pk": 1})
            pattern = re.compile(re.escape(example.removesuffix("1/")) + r"([0-9]+)/\Z")
            beacon.append((pattern, resolve(example).func))
        pattern, view = beacon[0]
        # The URL pattern's own <int:pk>, matched directly: resolve() would walk every route.
        if match := pattern.match(request.path_info):
            return view(request, pk=int(match[1]))
        return get_response(request)

    return middleware


def marks_cache():
    return caches["reads"] if "reads" in settings.CACHES else cache


def read_register(*, request, article_id):
    """Count a read of article ``article_id`` by this request's reader; True when counted.

    Refuses what read_is_countable() refuses, articles that are not published (drafts,
    scheduled ones, the trash, unknown ids), the same reader again within
    READS_WINDOW_MINUTES and an address past READS_MAX_PER_ADDRESS reads of the article in
    that window. Whether the article may be read comes from the cache, kept under the site
    version (news.caching.article_readable_since(); with the Redis buffer, inside the counting
    script itself): no query while it is kept. When the cache, Redis or the database fails,
    the read is not counted and the reader is not bothered; a database that is down or
    read-only is raised, for OutageMiddleware to answer 503.
    """
    if not read_is_countable(request):
        return False
    key = reader_key(request, article_id)
    per_address = address_key(request, article_id)
    window = settings.READS_WINDOW_MINUTES * 60
    try:
        if settings.READS_BUFFERED:
            return _buffer_read(key, per_address, window, article_id, timezone.localdate())
        published_at = article_readable_since(article_id)
        if published_at is None or published_at > timezone.now():
            return False
        marks = marks_cache()
        if not marks.add(key, 1, timeout=window):
            return False
        if not _address_has_room(marks, per_address, window):
            return False
        Article(pk=article_id).count_read()
    except Exception as error:  # an uncounted read must never turn into an error page...
        if outage_kind(error):  # ...but an outage is a 503 (OutageMiddleware), not a 204,
            marks_cache().delete(key)  # and the reader counts when the beacon is sent again
            raise
        logger.exception("Could not count a read of article %s", article_id)
        return False
    return True


# --- The Redis buffer -------------------------------------------------------------------------
# Counted reads are HINCRBY'd into one hash, field "<article id>:<YYYY-MM-DD>". A flush RENAMEs
# that hash to a batch key of its own (atomic: an increment lands either before the rename, in
# the batch, or after it, in a new pending hash), writes the batch and a ReadFlush row in one
# database transaction, and only then deletes the batch key. A flush that dies midway leaves
# its batch key behind; the next flush writes it, and the ReadFlush row makes that idempotent.

_clients = {}

# KEYS: seen key, pending hash, flush lock, address counter, the site version (the cache's
# key), the article's "readable since" entry. ARGV: window seconds, hash field, flush seconds,
# reads allowed per address, now (Unix seconds). Returns {counted, flush_due}; counted is -1
# when the article's entry is missing or was made under another site version: the caller
# writes it (_readable_store) and runs the script again. One round trip per read otherwise.
_COUNT_SCRIPT = """
local version = redis.call('GET', KEYS[5])
local readable = redis.call('GET', KEYS[6])
if not version or not readable then
  return {-1, 0}
end
local length = string.len(version)
if string.sub(readable, 1, length + 1) ~= version .. '\\n' then
  return {-1, 0}
end
local since = tonumber(string.sub(readable, length + 2))
if not since or since > tonumber(ARGV[5]) then
  return {0, 0}
end
if not redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1]) then
  return {0, 0}
end
local from_address = redis.call('INCR', KEYS[4])
if from_address == 1 then
  redis.call('EXPIRE', KEYS[4], ARGV[1])
end
if from_address > tonumber(ARGV[4]) then
  return {0, 0}
end
redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
if redis.call('SET', KEYS[3], 1, 'NX', 'EX', ARGV[3]) then
  return {1, 1}
end
return {1, 0}
"""
_scripts = {}


def redis_client():
    import redis

    url = settings.REDIS_URL
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=1)
    return _clients[url]


def _key(name):
    # Under the cache's own prefix, so several sites (or tests) can share one Redis.
    return cache.make_key(name)


def _buffer_read(seen_key, address_key, window, article_id, day):
    client = redis_client()
    if client not in _scripts:
        _scripts[client] = client.register_script(_COUNT_SCRIPT)  # EVALSHA: sent once
    readable_key = _key(f"reads:readable:{article_id}")
    keys = [
        _key(seen_key),
        _key("reads:pending"),
        _key("reads:flush-lock"),
        _key(address_key),
        cache.make_key(VERSION_KEY),
        readable_key,
    ]
    args = [
        window,
        f"{article_id}:{day.isoformat()}",
        max(1, settings.READS_FLUSH_SECONDS),  # Redis refuses an expiry of 0
        settings.READS_MAX_PER_ADDRESS,
        time.time(),
    ]
    counted, flush_due = _scripts[client](keys=keys, args=args)
    if counted == -1:
        _readable_store(client, readable_key, article_id)
        counted, flush_due = _scripts[client](keys=keys, args=args)
        if counted == -1:  # the site version changed meanwhile: this read is not counted
            return False
    if flush_due:
        # The first counted read after READS_FLUSH_SECONDS writes the buffer, on whichever
        # app server it arrives: no extra process is needed.
        try:
            reads_flush()
        except Exception:
            logger.exception("Could not flush buffered reads; the next flush retries them")
    return bool(counted)


def _readable_store(client, readable_key, article_id):
    """Write for the counting script whether article ``article_id`` may be read: the site
    version's stored bytes, a newline, then its publication time (Unix seconds), or nothing
    when it may not be read. The version is read before the database: a change committed in
    between bumps the version again (portal.caching.site_version_bump()), which makes this
    entry old."""
    version_key = cache.make_key(VERSION_KEY)
    version = client.get(version_key)
    if version is None:
        site_version()  # a new or emptied cache: start a version
        version = client.get(version_key)
        if version is None:
            return
    since = article_readable_since_in_database(article_id)
    value = version + b"\n" + (repr(since.timestamp()).encode() if since else b"")
    client.set(readable_key, value, ex=READABLE_TIMEOUT)


def reads_flush():
    """Write the reads buffered in Redis to the database; returns how many were written."""
    import redis

    client = redis_client()
    batch_prefix = _key("reads:batch:")
    try:
        client.rename(_key("reads:pending"), batch_prefix + uuid.uuid4().hex)
    except redis.ResponseError:  # "no such key": nothing was read since the last flush
        pass
    written = 0
    for batch_key in client.scan_iter(match=batch_prefix + "*", count=1000):
        batch_key = batch_key.decode()
        written += _flush_batch(client, batch_key, batch_key.removeprefix(batch_prefix))
    ReadFlush.objects.filter(flushed_at__lt=timezone.now() - datetime.timedelta(days=1)).delete()
    return written


def _flush_batch(client, batch_key, batch):
    counts = {}
    for field, value in client.hgetall(batch_key).items():
        article_id, day = field.decode().split(":")
        counts[(int(article_id), day)] = int(value)
    if not counts:
        client.delete(batch_key)
        return 0
    try:
        with transaction.atomic():
            # First, so that a second flusher of the same batch waits here, then fails.
            ReadFlush.objects.create(batch=batch)
            existing = set(
                Article.objects.filter(pk__in={pk for pk, _ in counts}).values_list("pk", flat=True)
            )
            rows = sorted(
                (pk, datetime.date.fromisoformat(day), count)
                for (pk, day), count in counts.items()
                if pk in existing  # an article deleted meanwhile has no count to keep
            )
            totals = {}
            for pk, _, count in rows:
                totals[pk] = totals.get(pk, 0) + count
            for pk, total in totals.items():
                Article.objects.filter(pk=pk).update(read_count=F("read_count") + total)
            ArticleDailyRead.objects.add_counts(rows)
    except IntegrityError:
        if not ReadFlush.objects.filter(batch=batch).exists():
            raise  # written by no one: the batch stays in Redis for the next flush
        client.delete(batch_key)  # another flusher wrote this very batch already
        return 0
    client.delete(batch_key)
    return sum(count for _, _, count in rows)
