"""Two app servers behind nginx on this one machine, sharing PostgreSQL, Redis and an S3
bucket, as docs/deploy.md runs them on several: what tests/scaleout/ drives.

Everything is started here but PostgreSQL and Redis, which scripts/test-scale-out.sh starts
when they are not running. The database (whose name must contain "scaleout") is made anew, the
Redis database is emptied: give this test databases of its own.
"""

import http.cookiejar
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from tests.live_app import LiveApp
from tests.nginx_run import UPSTREAM, Nginx, nginx_missing_reason
from tests.s3_server import S3Server, S3Unavailable

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SECRET_KEY = "scale-out-test-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0"


class Missing(Exception):
    """A part the test needs is not there; the message says which and how to get it."""


def _check_parts(database_url, redis_url):
    missing = nginx_missing_reason()
    if missing:
        raise Missing(missing)
    import psycopg2
    import redis

    try:
        psycopg2.connect(_maintenance_dsn(database_url), connect_timeout=3).close()
    except psycopg2.Error as error:
        raise Missing(f"PostgreSQL does not answer at {database_url} ({error})") from error
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        raise Missing(f"Redis does not answer at {redis_url} ({error})") from error


def _maintenance_dsn(database_url):
    parts = urllib.parse.urlsplit(database_url)
    return urllib.parse.urlunsplit(parts._replace(path="/postgres"))


def _fresh_database(database_url):
    import psycopg2

    name = urllib.parse.urlsplit(database_url).path.lstrip("/")
    assert "scaleout" in name, f"refusing to drop {name!r}: its name must contain 'scaleout'"
    connection = psycopg2.connect(_maintenance_dsn(database_url))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def manage(env, *args, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


class Cluster:
    def __init__(self, folder, database_url, redis_url, extra_env=None):
        _check_parts(database_url, redis_url)
        import redis

        self.folder = Path(folder)
        self.database_url = database_url
        self.servers, self.nginx, self.s3 = [], None, None
        try:
            self.s3 = S3Server.start(self.folder / "moto.log")
        except S3Unavailable as error:
            raise Missing(str(error)) from error
        self.bucket = self.s3.new_bucket()
        self.bucket_url = f"{self.s3.endpoint}/{self.bucket}/"
        _fresh_database(database_url)
        redis.Redis.from_url(redis_url).flushdb()
        self.env = {
            **self.s3.environment(self.bucket),
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "READS_BUFFERED": "true",
            "READS_FLUSH_SECONDS": "1",
            "READS_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
            # Every reader of the test comes from 127.0.0.1: the per-address cap is lifted.
            "READS_MAX_PER_ADDRESS": "100000",
            # The suite's own limit (pyproject.toml) is off; the servers get the site's default.
            "DATABASE_STATEMENT_TIMEOUT": "10",
            **(extra_env or {}),
        }

    def migrate_together(self):
        """Both servers' start-up step at the same moment (docs/deploy.md, ExecStartPre)."""
        full_env = {**os.environ, **self.env}
        starts = [
            subprocess.Popen(
                [sys.executable, "manage.py", "migrate_locked", "--verbosity", "1"],
                cwd=BASE_DIR,
                env=full_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for _ in range(2)
        ]
        return [(start.wait(timeout=600), start.stdout.read()) for start in starts]

    def start_servers(self):
        for name in ("a", "b"):
            folder = self.folder / name
            folder.mkdir()
            self.servers.append(LiveApp(self.env, folder))
        upstreams = "\n    ".join(
            f"server 127.0.0.1:{server.port} max_fails=1 fail_timeout=30s;"
            for server in self.servers
        )
        (self.folder / "nginx").mkdir()
        self.nginx = Nginx(
            self.folder / "nginx",
            {
                UPSTREAM: upstreams,
                "/srv/portal/static/": f"{BASE_DIR / 'static'}/",
                "/srv/portal/media/": f"{self.folder / 'no-media'}/",
            },
            # Which app server answered: the test checks both take their share.
            http_extra="add_header X-Upstream $upstream_addr always;",
        )

    def stop(self):
        for part in [self.nginx, *self.servers, self.s3]:
            if part is not None:
                part.stop()


class Browser:
    """A browser of its own (cookies) that can be pointed at any of the servers."""

    def __init__(self, user_agent=BROWSER):
        self.cookies = http.cookiejar.CookieJar()
        self.user_agent = user_agent

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(
            NoRedirect, urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def fetch(self, url, *, data=None, headers=None, method=None):
        """(status, headers, body text); 0 when nothing answered."""
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(
            url,
            data=data,
            method=method,
            headers={"User-Agent": self.user_agent, **(headers or {})},
        )
        try:
            with self.opener.open(request, timeout=30) as answer:
                return answer.status, answer.headers, answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")
        except (urllib.error.URLError, ConnectionError):
            return 0, {}, ""

    def csrf_token(self):
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def log_in(self, base, username, password):
        status, _headers, page = self.fetch(f"{base}/admin/login/")
        assert status == 200, status
        form = form_fields(page, "login-form")
        form.update(username=username, password=password, next="/admin/")
        status, headers, _page = self.fetch(f"{base}/admin/login/", data=form)
        assert status == 302 and headers["Location"] == "/admin/", (status, _page[-2000:])


class _FormReader(HTMLParser):
    """The values a browser would send for one form, as the page gives them."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, {}
        self._select = self._textarea = None
        self._select_first, self._select_multiple = None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and name:
            # A multiple select with nothing chosen sends nothing; a single one its first.
            self._select, self._select_first = name, None
            self._select_multiple = "multiple" in attrs
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in attrs:
                self.fields[self._select] = value
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            if self._select not in self.fields and self._select_first and not self._select_multiple:
                self.fields[self._select] = self._select_first
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def form_fields(page, form_id):
    reader = _FormReader(form_id)
    reader.feed(page)
    assert reader.fields, f"no form #{form_id} in the page"
    return reader.fields
