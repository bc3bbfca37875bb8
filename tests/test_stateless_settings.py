"""With the shared parts' variables set (docs/deploy.md), an app server keeps nothing of its own
that another server would need: every cache, the page cache and the site version in Redis,
sessions in the database, media in the bucket. Read from the settings as a server loads them."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SHOW = """
import json
from django.conf import settings
print(json.dumps({
    "caches": {alias: config["BACKEND"] for alias, config in settings.CACHES.items()},
    "site_version_file": settings.SITE_VERSION_FILE,
    "sessions": settings.SESSION_ENGINE,
    "media": settings.STORAGES["default"]["BACKEND"],
    "reads_buffered": settings.READS_BUFFERED,
}))
"""


def _settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {SHOW}"],
        cwd=BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings", "DJANGO_DEBUG": "true", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_the_shared_parts_set_no_state_stays_in_one_server():
    shared = _settings(
        REDIS_URL="redis://127.0.0.1:6379/9",
        DATABASE_URL="postgres://portal@127.0.0.1:5432/portal",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        READS_BUFFERED="true",
    )
    # No per-process local-memory cache may serve a page (or anything) another server changed.
    # The one local cache holds ready-drawn pieces kept under what they are drawn from
    # (news.caching): nothing another server changes can make them stale.
    fragments = shared["caches"].pop("fragments")
    assert fragments == "django.core.cache.backends.locmem.LocMemCache"
    assert set(shared["caches"].values()) == {"django_redis.cache.RedisCache"}
    assert shared["site_version_file"] == ""  # the site version is a Redis key
    assert shared["sessions"] == "portal.session_store"  # database sessions
    assert shared["media"] == "storages.backends.s3.S3Storage"
    assert shared["reads_buffered"] is True


def test_without_them_one_machine_keeps_its_pages_in_memory_and_media_on_disk():
    alone = _settings()
    assert alone["caches"]["pages"] == "django.core.cache.backends.locmem.LocMemCache"
    assert alone["site_version_file"]
    assert alone["media"] == "portal.storage.FileSystemStorage"
    assert alone["reads_buffered"] is False
