"""The site in gunicorn loses its cache or its database, for real, and comes back by itself.

Each test puts a tests.tcp_proxy.TcpProxy between gunicorn and the shared Redis or
PostgreSQL, then refuses or black-holes the traffic: the shared servers are never touched.
Each case checks the status, the time taken (under 3 s) and the recovery once the proxy
forwards again. The database cases need the suite to run on PostgreSQL
(DATABASE_URL=postgres://...); the cache cases need Redis (TEST_REDIS_URL).
"""

import time
import urllib.parse
import uuid

import pytest
from django.contrib.sessions.models import Session
from django.db import connection

from news.models import Article, Tag
from organizations.models import SponsorClick
from portal.sessions import REFRESHED_KEY
from tests.factories import ArticleFactory, SponsorFactory, UserFactory
from tests.live_app import LiveApp
from tests.tcp_proxy import TcpProxy

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_SECONDS = 3
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"


def _database_url(proxy=None, options=""):
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings_dict['NAME']}"
    address = proxy.address if proxy else f"{settings_dict['HOST']}:{settings_dict['PORT']}"
    query = f"?options={urllib.parse.quote(options)}" if options else ""
    return f"postgres://{settings_dict['USER']}@{address}/{settings_dict['NAME']}{query}"


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip(
            "database outage tests need PostgreSQL: run the suite with "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal"
        )
    proxy = TcpProxy(
        connection.settings_dict["HOST"] or "127.0.0.1", connection.settings_dict["PORT"] or 5432
    )
    yield proxy
    proxy.close()


@pytest.fixture
def redis_proxy(redis_url):
    parts = urllib.parse.urlsplit(redis_url)
    proxy = TcpProxy(parts.hostname, parts.port or 6379)
    proxy.url = f"redis://{proxy.address}{parts.path or '/0'}"
    proxy.prefix = f"outage-{uuid.uuid4().hex}"
    yield proxy
    proxy.close()
    import redis

    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(f"{proxy.prefix}:*"):
        client.delete(key)


@pytest.fixture
def start_app(tmp_path):
    apps = []

    def start(**env):
        app = LiveApp({"DATABASE_RETRY_SECONDS": "1", "REDIS_RETRY_SECONDS": "1", **env}, tmp_path)
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.stop()


def _content():
    article = ArticleFactory()
    sponsor = SponsorFactory()
    return article, sponsor


def _pages(article):
    return [
        "/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        "/tim-kiem/?q=doan",
    ]


# --- Redis ------------------------------------------------------------------------------------


@pytest.mark.redis
@pytest.mark.parametrize("fault", ["refuse", "blackhole"])
def test_with_the_cache_down_every_page_answers_200_quickly_and_the_cache_comes_back(
    fault, redis_proxy, start_app
):
    article, sponsor = _content()
    app = start_app(
        REDIS_URL=redis_proxy.url,
        REDIS_RETRY_SECONDS="5",
        CACHE_KEY_PREFIX=redis_proxy.prefix,
        DATABASE_URL=_database_url(),
    )
    pages = _pages(article)
    assert [app.fetch(page).status for page in pages] == [200] * len(pages)

    getattr(redis_proxy, fault)()
    answers = [app.fetch(page) for page in pages * 3]
    assert [a.status for a in answers] == [200] * len(answers), answers
    assert max(a.seconds for a in answers) < PAGE_SECONDS, answers
    # A down cache does not cost each page a timeout per cache call (a page makes more than
    # five, so at REDIS_TIMEOUT 0.5 s each it would take 2.5 s or more): after one failure each
    # of gunicorn's 2 workers skips Redis for REDIS_RETRY_SECONDS (5, the default).
    times = sorted(a.seconds for a in answers)
    assert times[len(times) // 2] < 1.5, answers
    home = app.fetch("/").text
    assert article.title in home and sponsor.name in home  # blocks built from the database
    health = app.fetch("/healthz")
    assert health.status == 200 and health.text.count("ok") == 1  # database ok, cache not

    redis_proxy.forward()
    import redis

    client = redis.Redis(
        host="127.0.0.1", port=redis_proxy.port, db=int(redis_proxy.url.rsplit("/", 1)[1])
    )
    client.delete(*client.keys(f"{redis_proxy.prefix}:*") or ["none"])
    app.wait_until(
        lambda: app.fetch("/").status == 200 and bool(client.keys(f"{redis_proxy.prefix}:*")),
        10,
        "cache in use again",
    )
    app.wait_until(lambda: app.fetch("/healthz").text.count("ok") == 2, 10, "healthy cache")


# --- PostgreSQL refusing or not answering -----------------------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize("fault", ["refuse", "blackhole"])
def test_with_the_database_down_pages_are_a_quick_503_maintenance_page_then_recover(
    fault, postgres, start_app
):
    article, _sponsor = _content()
    _administrator()
    app = start_app(DATABASE_URL=_database_url(postgres))
    assert app.fetch("/admin/login/").status == 200  # the form, and its CSRF cookie
    pages = _pages(article)
    # Warm both workers up: each keeps a persistent connection, which must not stay broken.
    for _ in range(4):
        assert [app.fetch(page).status for page in pages] == [200] * len(pages)

    getattr(postgres, fault)()
    # Pages already in the whole-page cache are still served from it (200); every page the
    # site has to build is the maintenance page, quickly. Never-visited pages must build.
    unseen = [ArticleFactory().get_absolute_url(), "/tim-kiem/?q=thanh+nien"]
    answers = {page: [app.fetch(page) for _ in range(3)] for page in pages + unseen}
    for page, tries in answers.items():
        for answer in tries:
            assert answer.seconds < PAGE_SECONDS, (page, answer)
            assert answer.status in (200, 503), (page, answer, answer.text[:300])
            if answer.status == 503 or page in unseen:
                assert answer.status == 503, (page, answer)
                assert answer.headers["Retry-After"] == "60"
                assert "Trang web đang bảo trì" in answer.text
    login = _admin_login(app, "quantri")
    assert login.status == 503 and login.seconds < PAGE_SECONDS
    health = app.fetch("/healthz")
    assert health.status == 503 and health.seconds < PAGE_SECONDS
    assert "database" in health.text and "error" in health.text

    postgres.forward()
    # Pages kept by the page cache answer 200 at once; /healthz asks the database itself, which
    # the backend tries again only once its few seconds of failing fast have passed. Each of the
    # two workers keeps its own fail-fast window, so /healthz must answer 200 several times in a
    # row (either worker may take any request) before the site counts as recovered.
    app.wait_until(
        lambda: all(app.fetch(page).status == 200 for page in [*pages * 2, *["/healthz"] * 6]),
        20,
        "recovery",
    )
    assert article.title in app.fetch(article.get_absolute_url()).text


# --- PostgreSQL read-only ---------------------------------------------------------------------


@pytest.mark.postgres
def test_with_a_read_only_database_pages_answer_and_writes_are_a_503_that_loses_nothing(
    postgres, start_app
):
    from django.contrib.sessions.backends.db import SessionStore

    article, sponsor = _content()
    admin = _administrator()
    session = SessionStore()
    session["_auth_user_id"] = str(admin.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = admin.get_session_auth_hash()
    session[REFRESHED_KEY] = int(time.time())  # renewed just now: no renewal due
    session.create()
    stale_session = SessionStore()
    stale_session.update({key: session[key] for key in session.keys() if key != REFRESHED_KEY})
    stale_session.create()
    app = start_app(
        DATABASE_URL=_database_url(postgres, options="-c default_transaction_read_only=on")
    )
    for page in _pages(article) * 2:  # the second round: both workers warm
        answer = app.fetch(page)
        assert answer.status == 200, (page, answer)
    for page in _pages(article):
        answer = app.fetch(page)
        assert answer.status == 200 and answer.seconds < PAGE_SECONDS, (page, answer)

    # Admin login: the form shows; signing in must write (session, last login).
    assert app.fetch("/admin/login/").status == 200
    answer = _admin_login(app, admin.username)
    assert answer.status == 503, answer.text[:500]
    assert "chỉ đọc" in answer.text

    # An admin save, by an administrator signed in before the database went read-only.
    _set_cookie(app, "sessionid", session.session_key)
    assert app.fetch("/admin/news/tag/add/").status == 200
    answer = app.fetch(
        "/admin/news/tag/add/",
        method="POST",
        data=urllib.parse.urlencode(
            {"name": "Thanh niên tình nguyện", "slug": "", "csrfmiddlewaretoken": _csrf_token(app)}
        ).encode(),
        headers={"Referer": app.url + "/admin/news/tag/add/"},
    )
    assert answer.status == 503 and "chỉ đọc" in answer.text, answer.text[:500]

    # A session due for renewal (portal/sessions.py) cannot be renewed: even a GET of the
    # admin says it is read-only, instead of Django's 400 "session deleted".
    _set_cookie(app, "sessionid", stale_session.session_key)
    page = app.fetch("/admin/news/tag/")
    assert page.status == 503 and "chỉ đọc" in page.text, page.text[:300]

    click = app.fetch(f"/tai-tro/{sponsor.pk}/")
    assert click.status == 503 and click.seconds < PAGE_SECONDS
    assert "chỉ đọc" in click.text
    beacon = app.fetch(f"/luot-doc/{article.pk}/", method="POST", headers={"User-Agent": BROWSER})
    assert beacon.status == 503

    # Nothing was half-written, and all that was there is still there.
    assert not Tag.objects.exists()
    assert not SponsorClick.objects.exists()
    assert Article.objects.get(pk=article.pk).read_count == 0
    assert Session.objects.filter(session_key=session.session_key).exists()


PASSWORD = "mat-khau-thu-nghiem"


def _administrator():
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    # Hashed as gunicorn's settings can check it (the suite's own hasher is MD5, for speed).
    password = PBKDF2PasswordHasher().encode(PASSWORD, "muoi-thu-nghiem", iterations=1000)
    user = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    type(user).objects.filter(pk=user.pk).update(password=password)
    user.refresh_from_db()
    return user


def _admin_login(app, username):
    return app.fetch(
        "/admin/login/",
        method="POST",
        data=urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": _csrf_token(app)}
        ).encode(),
        headers={"Referer": app.url + "/admin/login/"},
    )


def _csrf_token(app):
    return next(cookie.value for cookie in app.cookies if cookie.name == "csrftoken")


def _set_cookie(app, name, value):
    import http.cookiejar

    app.cookies.set_cookie(
        http.cookiejar.Cookie(
            0,
            name,
            value,
            None,
            False,
            "127.0.0.1",
            False,
            False,
            "/",
            True,
            False,
            None,
            False,
            None,
            None,
            {},
        )
    )
