"""A Redis connection pool that stops knocking on a Redis that has just failed.

django-redis's IGNORE_EXCEPTIONS turns an unreachable Redis into cache misses, and short
socket timeouts bound each call. But a page makes several cache calls (identity, sponsors,
partner links, most read, one per picture for srcset): with a Redis that accepts connections
and never answers, each of them would wait for its timeout. After one failure this pool
answers "down" at once for REDIS_RETRY_SECONDS (5), so a down cache costs a page one timeout at
most every few seconds, and the cache is used again by itself once Redis is back.
"""

import logging
import threading
import time

import redis

logger = logging.getLogger(__name__)

_down_until = {}  # (host, port, db) -> time.monotonic() before which we do not try
_lock = threading.Lock()


def _address(connection):
    return (getattr(connection, "host", None), getattr(connection, "port", None), connection.db)


def _mark_down(connection, error):
    address = _address(connection)
    with _lock:
        was_up = _down_until.get(address, 0) <= time.monotonic()
        _down_until[address] = time.monotonic() + connection.retry_seconds
    if was_up:  # one line per outage and retry period, not one per cache call
        logger.warning(
            "Redis at %s:%s is not answering (%s); pages are served without the cache, "
            "retrying in %s s",
            address[0],
            address[1],
            error,
            connection.retry_seconds,
        )


class CircuitBreakerConnection(redis.Connection):
    def __init__(self, retry_seconds=5.0, **kwargs):
        super().__init__(**kwargs)
        self.retry_seconds = retry_seconds

    def connect(self):
        if time.monotonic() < _down_until.get(_address(self), 0):
            raise redis.ConnectionError("Redis failed a moment ago; not trying again yet")
        try:
            super().connect()
        except (redis.ConnectionError, redis.TimeoutError) as error:
            _mark_down(self, error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            _mark_down(self, error)
            raise


class CircuitBreakerConnectionPool(redis.ConnectionPool):
    """The pool named by CACHES' CONNECTION_POOL_CLASS (redis:// addresses)."""

    def __init__(self, connection_class=redis.Connection, **kwargs):
        if connection_class is redis.Connection:
            connection_class = CircuitBreakerConnection
        super().__init__(connection_class=connection_class, **kwargs)
