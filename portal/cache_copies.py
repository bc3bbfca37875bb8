"""What one process keeps of the shared cache (portal/caching.py; README, "What is cached").

With Redis, a page would cost one round trip for each block it is made of (a dozen: the menu,
the footer, the sidebar, the site's identity, counts...). An entry made under a site version
never changes, so each process keeps a copy of the entries it read, in its "fragments" cache,
and uses it while the version is the same and until the entry's own end (when it was made
plus its timeout). The version is read once per request, at its first use, and holds for the
whole request (a bump during the request reads it again): so a page costs one round trip to
Redis, for the version, and a change an editor saves shows on the next page as before.

Without Redis the version is a file and the default cache is this process's memory already:
nothing is copied.
"""

import threading

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started

# The site version this request read: OUTSIDE when not in a request (it is then read at every
# use), UNREAD until the request's first use, then the version (None: the cache is down).
request_state = threading.local()
OUTSIDE = object()
UNREAD = object()


def _started(**kwargs):
    request_state.version = UNREAD


def _finished(**kwargs):
    request_state.version = OUTSIDE


request_started.connect(_started, dispatch_uid="portal.cache_copies.started")
request_finished.connect(_finished, dispatch_uid="portal.cache_copies.finished")


def _copies():
    if settings.SITE_VERSION_FILE or "fragments" not in settings.CACHES:
        return None
    return caches["fragments"]


def local_get(key):
    """This process's copy of the shared entry ``key``, or None."""
    copies = _copies()
    return None if copies is None else copies.get(f"shared:{key}")


def local_keep(key, value, timeout):
    """Keep a copy of the shared entry ``key`` for ``timeout`` seconds at most."""
    copies = _copies()
    if copies is not None and timeout > 0:
        copies.set(f"shared:{key}", value, timeout)
