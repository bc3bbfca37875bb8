"""Checks a deploy relies on: Django's checks, migrations in step with models, ruff, catalogue."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

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


def test_deploy_check_passes_with_the_readmes_production_environment():
    """The .env block of the README's "Running in production" passes Django's deploy audit
    at warning level (scripts/deploy_check.sh, which CI runs too)."""
    result = subprocess.run(
        ["bash", "scripts/deploy_check.sh"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DJANGO_SECURE_HSTS_SECONDS=31536000" in result.stdout
    assert "System check identified no issues" in result.stdout + result.stderr


def test_hsts_flags_are_separate_decisions(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    hsts = {"DJANGO_SECURE_HSTS_SECONDS": "31536000"}
    assert _settings_of(hsts, code, tmp_path) == "31536000 False False"
    subdomains = {**hsts, "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "true"}
    assert _settings_of(subdomains, code, tmp_path) == "31536000 True False"
    preload = {**subdomains, "DJANGO_SECURE_HSTS_PRELOAD": "true"}
    assert _settings_of(preload, code, tmp_path) == "31536000 True True"


def test_deploy_check_asks_for_a_decision_on_each_hsts_flag(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SECRET_KEY": "k" * 30 + "-a-long-random-production-secret-value-0123456789",
        "DJANGO_ALLOWED_HOSTS": "tinhdoan.example.vn",
        "DJANGO_SECURE_SSL_REDIRECT": "true",
        "DJANGO_SECURE_COOKIES": "true",
        "DJANGO_SECURE_HSTS_SECONDS": "31536000",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    unset = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert unset.returncode != 0
    assert "security.W005" in unset.stderr and "security.W021" in unset.stderr
    decided = {
        **env,
        "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
        "DJANGO_SECURE_HSTS_PRELOAD": "false",
    }
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=decided)
    assert result.returncode == 0, result.stderr


def test_without_a_secret_key_and_debug_off_the_site_refuses_to_start(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DJANGO_DEBUG": "false"},
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "Chưa đặt DJANGO_SECRET_KEY" in result.stderr


def test_a_local_run_with_debug_on_needs_no_secret_key(tmp_path):
    """What scripts/start.sh does: .env from .env.example (debug on), no key of its own."""
    example = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            example[name] = value
    assert example["DJANGO_DEBUG"] == "true" and "DJANGO_SECRET_KEY" not in example
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from django.conf import settings as s; print(s.DEBUG, s.SECRET_KEY)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **example},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "django-insecure-local-only"]


def _settings_of(env, code, tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DJANGO_SECRET_KEY": "x" * 50, **env},
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


def test_postgresql_connections_are_persistent_with_health_checks_and_timeouts(tmp_path):
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], "
        "d['CONNECT_TIMEOUT'], d['STATEMENT_TIMEOUT'], d['RETRY_SECONDS'])"
    )
    env = {"DATABASE_URL": "postgres://portal:secret@db.example:5432/portal"}
    # portal.postgresql: Django's backend with client-side deadlines (tests/test_outages.py).
    assert _settings_of(env, code, tmp_path) == "portal.postgresql 60 True 2.0 10.0 5.0"
    env = {**env, "DATABASE_CONNECT_TIMEOUT": "3", "DATABASE_STATEMENT_TIMEOUT": "0"}
    assert _settings_of(env, code, tmp_path) == "portal.postgresql 60 True 3.0 0.0 5.0"


def test_redis_url_switches_the_cache_to_redis(tmp_path):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    env = {"REDIS_URL": "redis://127.0.0.1:6379/0"}
    # django-redis, which can read a failed call as a miss (tests/test_outages.py)
    assert _settings_of(env, code, tmp_path) == "django_redis.cache.RedisCache"
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


@pytest.mark.django_db
def test_migrate_leaves_sqlite_with_planner_statistics():
    """Without ANALYZE, SQLite counts a category through the wrong index (portal/database.py)."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's autovacuum keeps the statistics; migrate does not ANALYZE there")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        assert cursor.fetchone()[0] == 1
