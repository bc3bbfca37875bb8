"""The site in a real gunicorn process, for tests that take its database or cache away.

``LiveApp(env)`` starts gunicorn (2 sync workers, DEBUG off) on a free port with the
environment given (DATABASE_URL, REDIS_URL pointing through a tests.tcp_proxy.TcpProxy),
and ``fetch()`` makes one plain HTTP request, timed, without following redirects.
"""

import http.cookiejar
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.tcp_proxy import free_port, stop_process

BASE_DIR = Path(__file__).resolve().parent.parent


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def __repr__(self):
        return f"<{self.status} in {self.seconds:.2f}s>"


class LiveApp:
    def __init__(self, env, tmp_path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / f"gunicorn-{self.port}.log"
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            _NoRedirect, urllib.request.HTTPCookieProcessor(self.cookies)
        )
        full_env = {
            **os.environ,
            "DJANGO_DEBUG": "false",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
            "DJANGO_LOG_LEVEL": "WARNING",
            "DATABASE_STATEMENT_TIMEOUT": "10",  # the site's default (the suite turns it off)
            **env,
        }
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "tests.live_wsgi:application",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    "2",
                    "--timeout",
                    "60",
                ],
                cwd=BASE_DIR,
                env=full_env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.wait_until(lambda: self.fetch("/robots.txt").status == 200, 30, "gunicorn start")

    def fetch(self, path, *, method="GET", data=None, headers=None, timeout=20):
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers=headers or {}
        )
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=timeout) as answer:
                status, answer_headers, body = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, answer_headers, body = error.code, error.headers, error.read()
        except (urllib.error.URLError, ConnectionError):
            status, answer_headers, body = 0, {}, b""
        return Response(status, answer_headers, body, time.monotonic() - started)

    def wait_until(self, condition, seconds, what):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited: {self.log.read_text()[-3000:]}")
            if condition():
                return
            time.sleep(0.2)
        raise AssertionError(f"no {what} within {seconds} s: {self.log.read_text()[-3000:]}")

    def stop(self):
        stop_process(self.process)
