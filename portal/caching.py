"""The site version that makes every cached thing old, and whole pages for anonymous readers.

Design (README, "What is cached"):

- The **site version** is one number shared by every app-server process: in Redis when
  ``REDIS_URL`` is set, otherwise in a small file (``SITE_VERSION_FILE``) that all processes on
  the machine read. Every cached page and block carries the version it was made under, and is
  used only while the version is unchanged. Any change an editor or administrator makes to
  something a page shows bumps it (the apps' ``caching.py`` receivers call
  ``site_version_bump()``), so nothing cached outlives a publish, an edit or a deletion.
- Time makes pages old too: a page is kept only until the next scheduled publication
  (each app registers when its next such moment is, ``register_next_change()``), the next local
  midnight (sponsorships start and end by date, "most read" covers days) and at most
  ``PAGE_CACHE_SECONDS``. Nothing is written when such a moment passes; the page simply stops
  being used.
- Only anonymous GET/HEAD requests get or make cached pages. Staff (anyone logged in) always
  get a fresh page marked ``private, no-store``. A page that set a cookie or used the CSRF token
  is never stored.
- A cache that is down (or a version file that cannot be read) means "no version": pages are
  then made fresh every time, never taken from or put into the cache, and nothing raises.
"""

import datetime
import hashlib
import logging
import os
import tempfile
import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, get_conditional_response

from portal.cache_copies import OUTSIDE, UNREAD, local_get, local_keep, request_state

logger = logging.getLogger(__name__)

VERSION_KEY = "site:version"
_next_change_providers = []


# --- the site version ---------------------------------------------------------------------


def site_version():
    """The current site version (a string), or None when it cannot be read: then nothing that
    was cached may be used.

    During a request it is read once, at its first use, and that reading holds for the whole
    request (see "What one process keeps" below); a bump during the request reads it again.
    """
    known = getattr(request_state, "version", OUTSIDE)
    if known is not OUTSIDE and known is not UNREAD:
        return known
    version = _site_version_read()
    if known is UNREAD:
        request_state.version = version
    return version


def _site_version_read():
    path = settings.SITE_VERSION_FILE
    if path:
        try:
            with open(path, encoding="ascii") as stamp:
                return stamp.read().strip() or "0"
        except FileNotFoundError:
            return "0"
        except OSError:
            logger.warning("The site version file %s cannot be read", path, exc_info=True)
            return None
    try:
        version = cache.get(VERSION_KEY)
        if version is None:  # a new or emptied cache: start a version never used before
            cache.add(VERSION_KEY, str(time.time_ns()), None)
            version = cache.get(VERSION_KEY)
    except Exception:  # a cache that is down must not take the page with it
        logger.warning("The site version cannot be read from the cache", exc_info=True)
        return None
    return version


def _write_version():
    if getattr(request_state, "version", OUTSIDE) is not OUTSIDE:
        request_state.version = UNREAD  # this request's next page or block sees the change
    version = str(time.time_ns())
    path = settings.SITE_VERSION_FILE
    try:
        if path:
            folder = os.path.dirname(path) or "."
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".site-version-")
            with os.fdopen(fd, "w", encoding="ascii") as stamp:
                stamp.write(version)
            os.replace(tmp, path)  # atomic: a reader sees the old or the new version
        else:
            cache.set(VERSION_KEY, version, None)
    except Exception:
        logger.error("The site version could not be changed: cached pages may be old until "
                     "PAGE_CACHE_SECONDS pass", exc_info=True)  # fmt: skip


def site_version_bump():
    """Make every cached page and block old: called after a change to anything pages show.

    Inside a transaction it bumps again once the transaction commits, so a page made meanwhile
    from the data before the change is not used either.
    """
    _write_version()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_write_version)


def register_next_change(provider):
    """``provider()`` returns the next moment (aware datetime or None) when pages change by
    themselves, without any save: a scheduled article's publication time, for example."""
    if provider not in _next_change_providers:
        _next_change_providers.append(provider)


def next_moment(key, find):
    """``find()``: the next moment (or None) when something pages show changes by itself,
    kept under the site version (one query per change) and found again once it has passed."""
    now = timezone.now()
    key = f"{key}:v{site_version()}"
    moment = local_get(key)
    if moment is None:
        try:
            moment = cache.get(key)
        except Exception:
            moment = None
    if moment is None or (moment and moment <= now):
        moment = find(now) or False  # False: nothing ahead (None would mean "not cached")
        try:
            cache.set(key, moment, 60 * 60)
        except Exception:
            logger.warning("Cache unavailable", exc_info=True)
    local_keep(key, moment, 60 * 60)  # the key holds the version: it never changes
    return moment or None


def next_scheduled(key, queryset, field="published_at"):
    """The next moment (or None) when a row of ``queryset`` reaches its ``field`` time: when a
    scheduled publication goes live, or an event ends (see ``next_moment()``)."""
    return next_moment(
        key,
        lambda now: (
            queryset.filter(**{f"{field}__gt": now})
            .order_by(field)
            .values_list(field, flat=True)
            .first()
        ),
    )


def _bump(sender, **kwargs):
    site_version_bump()


def bump_on_change(*models):
    """Bump the site version whenever a row of ``models`` is saved or deleted: for the apps'
    ``caching.connect()``, called from their ``AppConfig.ready()``."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        uid = f"portal.caching:{model._meta.label}"
        post_save.connect(_bump, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"{uid}:delete")


def _next_local_midnight(now):
    local = timezone.localtime(now)
    tomorrow = local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=local.tzinfo)


def page_valid_until(now):
    """Until when a page made ``now`` may be used (a timestamp)."""
    until = min(now + datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS),
                _next_local_midnight(now))  # fmt: skip
    moment = next_moment("portal:next-change", _next_change)  # one cache read for them all
    if moment is not None and moment < until:
        until = moment
    return until.timestamp()


def _next_change(now):
    moments = [moment for provider in _next_change_providers if (moment := provider())]
    return min(moments, default=None)


def _version_and_entry(store, key, *, local=False):
    """The site version and the entry under ``key`` in ``store``: (None, None) when the
    version cannot be read (nothing cached may then be used).

    When the version lives in the same cache (Redis), both come in one round trip: a cached
    page costs one call to Redis, not two. With ``local``, this process's copy of the entry
    is used while it holds for this version (see "What one process keeps"): then a block
    costs no round trip at all once the request has read the version.
    """
    if settings.SITE_VERSION_FILE or store is not cache:
        version = site_version()
        if version is None:
            return None, None
        try:
            return version, store.get(key)
        except Exception:
            logger.warning("Cache unavailable", exc_info=True)
            return None, None
    known = getattr(request_state, "version", OUTSIDE)
    if known is None:  # the cache was found down earlier in this request
        return None, None
    if known is not OUTSIDE and known is not UNREAD:
        entry = local_get(key) if local else None
        if _holds(entry, known):
            return known, entry
        try:
            entry = cache.get(key)
        except Exception:
            logger.warning("Cache unavailable", exc_info=True)
            return None, None
        if local and _holds(entry, known):
            local_keep(key, entry, entry[2] - time.time())
        return known, entry
    try:
        values = cache.get_many([VERSION_KEY, key])
    except Exception:  # a cache that is down must not take the page with it
        logger.warning("Cache unavailable", exc_info=True)
        if known is UNREAD:
            request_state.version = None
        return None, None
    if VERSION_KEY not in values:  # a new or emptied cache (or a miss of a cache that is down)
        return site_version(), None
    version, entry = values[VERSION_KEY], values.get(key)
    if known is UNREAD:
        request_state.version = version
    if local and _holds(entry, version):
        local_keep(key, entry, entry[2] - time.time())
    return version, entry


def _holds(entry, version):
    """Whether ``entry``, made by cached(), may be used under ``version`` now."""
    return (
        isinstance(entry, tuple)
        and len(entry) == 3
        and entry[0] == version
        and entry[2] > time.time()
    )


def cached(key, build, timeout):
    """``build()``, kept in the cache under ``key`` for the current site version, ``timeout``
    seconds at most.

    For the pieces pages are made of (the sidebar's blocks, "most read"). With no version (the
    cache is down) it is built every time and nothing raises.
    """
    version, entry = _version_and_entry(cache, key, local=True)
    if version is None:
        return build()
    if _holds(entry, version):
        return entry[1]
    value = build()
    entry = (version, value, time.time() + timeout)
    try:
        cache.set(key, entry, timeout)
    except Exception:
        logger.warning("Cache unavailable", exc_info=True)
    local_keep(key, entry, timeout)
    return value


def cache_get_or_build(key, build, timeout):
    """``build()``, kept under ``key`` for ``timeout`` seconds whatever the site version (for
    figures that no editor's change touches); a cache that is down costs the build, never an
    error. Each process keeps a copy until the entry's own end (portal/cache_copies.py)."""
    now = time.time()
    entry = local_get(key)
    if not _lasts(entry, now):
        try:
            entry = cache.get(key)
        except Exception:
            logger.warning("Cache unavailable", exc_info=True)
            return build()
        if _lasts(entry, now):
            local_keep(key, entry, entry[0] - now)
    if _lasts(entry, now):
        return entry[1]
    value = build()
    entry = (now + timeout, value)
    try:
        cache.set(key, entry, timeout)
    except Exception:
        logger.warning("Cache unavailable", exc_info=True)
    local_keep(key, entry, timeout)
    return value


def _lasts(entry, now):
    return isinstance(entry, tuple) and len(entry) == 2 and entry[0] > now


# --- whole pages --------------------------------------------------------------------------


def _pages():
    return caches["pages"] if "pages" in settings.CACHES else cache


def _page_key(request, params):
    query = urlencode([(name, request.GET.get(name)) for name in params if name in request.GET])
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "page:" + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _finish(request, response, etag, until):
    """Validators and a short max-age for the browser, nginx or a CDN, then 304 if it may."""
    response["ETag"] = etag
    max_age = max(0, min(settings.PAGE_CACHE_MAX_AGE, int(until - timezone.now().timestamp())))
    response["Cache-Control"] = f"public, max-age={max_age}, must-revalidate"
    return get_conditional_response(request, etag=etag, response=response)


def _etag(content):
    return '"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"'


def cache_for_readers(view=None, *, params=()):
    """Serve ``view`` whole from the cache to anonymous readers (see the module's docstring).

    ``params`` names the query parameters the page depends on (``page``, ``q``); others (such
    as ``?fbclid=``) share the page without them.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                # Staff (anyone logged in): never a cached page, and never make one.
                response = view(request, *args, **kwargs)
                add_never_cache_headers(response)  # private, no-store
                return response
            now = timezone.now()
            key = _page_key(request, params)
            version = entry = None
            if settings.PAGE_CACHE_SECONDS > 0:
                version, entry = _version_and_entry(_pages(), key)
            if entry and entry["version"] == version and entry["until"] > now.timestamp():
                response = HttpResponse(entry["content"], status=200)
                for header, value in entry["headers"]:
                    response[header] = value
                return _finish(request, response, entry["etag"], entry["until"])
            response = view(request, *args, **kwargs)
            if getattr(response, "is_rendered", True) is False:
                response.render()  # a TemplateResponse (the sitemap)
            if not _storable(request, response):
                return response
            until = page_valid_until(now)
            etag = _etag(response.content)
            if version is not None:
                entry = {
                    "version": version,
                    "until": until,
                    "etag": etag,
                    "content": response.content,
                    "headers": list(response.items()),
                }
                try:
                    _pages().set(key, entry, max(1, int(until - now.timestamp()) + 1))
                except Exception:
                    logger.warning("Page cache unavailable", exc_info=True)
            return _finish(request, response, etag, until)

        return wrapped

    return decorator if view is None else decorator(view)
