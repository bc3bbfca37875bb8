"""Fixtures shared by the whole suite; helpers that tests import live in tests/support.py."""

import datetime
import os
import uuid
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.factories import UserFactory


def pytest_configure(config):
    # The one Site (sitemaps, feeds) is the test client's host, as the request's host is for
    # canonical links: every absolute address in a test reads http://testserver/.
    from django.conf import settings

    settings.SITE_DOMAIN = "testserver"


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    if settings.SITE_VERSION_FILE:  # each test has a site version of its own
        settings.SITE_VERSION_FILE = str(tmp_path / "site-version")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_local_cache(settings):
    """Local-memory cache entries outlive a test's rolled-back data: start each test empty.

    (A real Redis is only ever used under a test's own prefix, see ``redis_cache``.)
    """
    from django.core.cache import caches

    for alias, config in settings.CACHES.items():
        if config["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
            caches[alias].clear()


@pytest.fixture
def editor(db):
    """A staff member who may write and review every article, and nothing else (publishing
    is news.publish_article)."""
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="news",
            codename__in=["add_article", "change_article", "view_article", "review_article"],
        )
    )
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(scope="session")
def redis_url():
    """The URL of a real Redis for shared-cache tests; skips, saying why, when none answers."""
    import redis

    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        pytest.skip(
            f"Redis is not reachable at {TEST_REDIS_URL} ({error}); start redis-server "
            "or set TEST_REDIS_URL to run the shared-cache tests"
        )
    return TEST_REDIS_URL


@pytest.fixture
def redis_cache(settings, redis_url):
    """Point Django's cache at the real Redis, under a key prefix of this test's own."""
    from django.core.cache import caches

    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    settings.REDIS_URL = redis_url
    settings.SITE_VERSION_FILE = ""  # the site version lives in Redis, as in production
    yield caches["default"]
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """moto's S3 server on loopback for this test session; skips, saying why, without it."""
    from tests.s3_server import S3Server, S3Unavailable

    try:
        server = S3Server.start(tmp_path_factory.mktemp("s3") / "moto.log")
    except S3Unavailable as error:
        pytest.skip(str(error))
    yield server
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_server):
    """Media in a fresh bucket of the real S3 server, configured as the site's settings do
    from its environment (AWS_STORAGE_BUCKET_NAME and the rest); returns the server."""
    bucket = s3_server.new_bucket()
    environment = s3_server.environment(bucket)
    settings.AWS_STORAGE_BUCKET_NAME = bucket
    settings.AWS_S3_ENDPOINT_URL = environment["AWS_S3_ENDPOINT_URL"]
    settings.AWS_S3_REGION_NAME = environment["AWS_S3_REGION_NAME"]
    settings.AWS_S3_ADDRESSING_STYLE = environment["AWS_S3_ADDRESSING_STYLE"]
    settings.AWS_S3_ACCESS_KEY_ID = environment["AWS_ACCESS_KEY_ID"]
    settings.AWS_S3_SECRET_ACCESS_KEY = environment["AWS_SECRET_ACCESS_KEY"]
    settings.AWS_QUERYSTRING_AUTH = False
    settings.AWS_S3_FILE_OVERWRITE = False
    # Last: changing STORAGES makes Django build default_storage again, with the lines above.
    s3 = {"BACKEND": "storages.backends.s3.S3Storage"}
    settings.STORAGES = {**settings.STORAGES, "default": s3}
    return SimpleNamespace(server=s3_server, bucket=bucket, url=f"{s3_server.endpoint}/{bucket}/")


@pytest.fixture
def clock(monkeypatch, settings):
    """A clock the test moves: noon today in Vietnam, and pages kept for up to two days."""
    settings.PAGE_CACHE_SECONDS = 2 * 24 * 3600
    local_noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    moment = [local_noon]
    monkeypatch.setattr(timezone, "now", lambda: moment[0])

    def advance(**delta):
        moment[0] += datetime.timedelta(**delta)

    return advance
