"""Checks a deploy relies on: Django's checks, migrations in step with models, ruff, catalogue."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_django_check_is_clean():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_migrations_match_the_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("args", [["check", "."], ["format", "--check", "."]])
def test_ruff_is_clean(args):
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed in this environment (pip install '.[dev]')")
    result = subprocess.run([ruff, *args], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_on_the_unsafe_local_defaults():
    """The default secret key and no HTTPS must stop a production deploy."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_DEBUG": "false"},
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_deploy_check_passes_with_production_settings(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "k" * 30 + "-a-long-random-production-secret-value-0123456789",
        "DJANGO_ALLOWED_HOSTS": "tinhdoan.example.vn",
        "DJANGO_SECURE_SSL_REDIRECT": "true",
        "DJANGO_SECURE_COOKIES": "true",
        "DJANGO_SECURE_HSTS_SECONDS": "31536000",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr


def _settings_of(env, code, tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    code = (
        "from django.db import connection as c; cur = c.cursor(); "
        "cur.execute('PRAGMA journal_mode'); print(cur.fetchone()[0]); "
        "cur.execute('PRAGMA busy_timeout'); print(cur.fetchone()[0])"
    )
    out = _settings_of({"DATABASE_URL": f"sqlite:///{tmp_path / 'wal.sqlite3'}"}, code, tmp_path)
    assert out.split() == ["wal", "20000"]


def test_postgresql_connections_are_persistent_with_health_checks(tmp_path):
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    env = {"DATABASE_URL": "postgres://portal:secret@db.example:5432/portal"}
    assert _settings_of(env, code, tmp_path) == "django.db.backends.postgresql 60 True"


def test_redis_url_switches_the_cache_to_redis(tmp_path):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {"REDIS_URL": "redis://127.0.0.1:6379/0"}
    assert _settings_of(env, code, tmp_path) == "django.core.cache.backends.redis.RedisCache"
    assert _settings_of({}, code, tmp_path) == "django.core.cache.backends.locmem.LocMemCache"


def test_admin_prefix_comes_from_the_environment(tmp_path):
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    assert _settings_of({"DJANGO_ADMIN_URL": "quan-tri"}, code, tmp_path) == "/quan-tri/"


def test_catalogue_compiles_cleanly(tmp_path):
    if not shutil.which("msgfmt"):
        pytest.skip("msgfmt (GNU gettext) is not installed: apt-get install gettext")
    po = ROOT / "locale/vi/LC_MESSAGES/django.po"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(po)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
