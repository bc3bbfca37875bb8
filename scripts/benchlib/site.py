"""The throw-away site a benchmark runs: its environment, its scratch PostgreSQL database,
gunicorn on a free port, the Redis keys it leaves, and the machine it runs on."""

import os
import platform
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine():
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory": memory,
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def load():
    one, five, fifteen = os.getloadavg()
    return {"1min": round(one, 2), "5min": round(five, 2), "15min": round(fifteen, 2)}


def site_env(tmp, *, database_url, redis_url, prefix, secret_key):
    """The environment of a throw-away site (DEBUG off) whose files live under ``tmp``: a
    SQLite file there unless ``database_url``; reads buffered in Redis with ``redis_url``."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": database_url or f"sqlite:///{tmp / 'bench.sqlite3'}",
        "DJANGO_STATIC_ROOT": str(tmp / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp / "media"),
        "SITE_VERSION_FILE": str(tmp / "site-version"),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "READS_BUFFERED": "true" if redis_url else "false",
        "READS_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
    }


def setup_django(env):
    """Put ``env`` in this process's environment and set Django up with it."""
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()


def migrate_and_collect():
    """The site's tables and static files, as a deployment makes them."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


def start_gunicorn(env, port, workers):
    """gunicorn (sync workers) on 127.0.0.1:``port``, once its /healthz answers; stop it with
    ``stop_gunicorn``."""
    gunicorn = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return gunicorn
        except OSError:
            time.sleep(0.1)
    stop_gunicorn(gunicorn)
    sys.exit("gunicorn did not start")


def stop_gunicorn(gunicorn):
    os.killpg(gunicorn.pid, 15)
    gunicorn.wait(timeout=30)


def remove_redis_keys(redis_url, prefix):
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def postgres_prepare(url):
    """Create the scratch database named in ``url`` (dropped first if it exists)."""
    import psycopg2

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"--database-url must name a scratch database with 'bench' in its name: {name}")
    admin = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=urllib.parse.unquote(parts.username or "postgres"),
        password=urllib.parse.unquote(parts.password or ""),
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    return admin, name


def postgres_drop(admin, name):
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()
