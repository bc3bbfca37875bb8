"""Fixtures shared by the whole suite; helpers that tests import live in tests/support.py."""

import os
import uuid

import pytest
from django.contrib.auth.models import Permission

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
    """A staff member who may write articles, and nothing else."""
    user = UserFactory(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="news",
            codename__in=["add_article", "change_article", "view_article"],
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
