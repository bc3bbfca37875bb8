"""Shared helper of the project: the settings that take more than one line to read from the
environment (portal/settings.py calls these; the variables are listed in README, "Settings")."""

from django.core.exceptions import ImproperlyConfigured


def secret_key(env, *, debug):
    """DJANGO_SECRET_KEY; a local-only key when it is unset and debug is on, else refuse."""
    key = env("DJANGO_SECRET_KEY", default="")
    if key:
        return key
    if not debug:
        # A public default key would let anyone forge sessions, password-reset links and the
        # read-counting hashes: a server without a key of its own must not start.
        # Settings load before translations exist: the operator's message is written in
        # Vietnamese here, as scripts/start.sh does, followed by the English.
        raise ImproperlyConfigured(
            "Chưa đặt DJANGO_SECRET_KEY trong khi DJANGO_DEBUG đang tắt: trang web không chạy "
            "bằng khoá mặc định công khai. Hãy đặt DJANGO_SECRET_KEY là một chuỗi ngẫu nhiên dài "
            '(python3 -c "import secrets; print(secrets.token_urlsafe(50))") trong biến môi '
            "trường hoặc tệp .env; chỉ khi chạy thử trên máy (DJANGO_DEBUG=true) mới được bỏ "
            "trống. / DJANGO_SECRET_KEY is not set and debug is off: set it to a long random "
            "value in the environment or in .env."
        )
    return "django-insecure-local-only"


def database(env, var_dir):
    """The default database: a SQLite file under var/ by default, PostgreSQL by DATABASE_URL."""
    db = env.db("DATABASE_URL", default=f"sqlite:///{var_dir / 'db.sqlite3'}")
    if db["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets several gunicorn workers read while one writes; IMMEDIATE transactions
        # take the write lock up front, so a busy database waits (timeout) instead of
        # failing with "database is locked" when a reader upgrades to a writer.
        db["OPTIONS"] = {
            "timeout": env.int("SQLITE_TIMEOUT", default=20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        # Tests use a file too, not Django's shared-cache in-memory database: there every
        # live-server thread shares one connection (no real concurrency) and shared-cache table
        # locks fail at once with "database table is locked" instead of waiting for the busy
        # timeout. A file in WAL mode behaves like production under concurrent readers.
        db["TEST"] = {"NAME": str(var_dir / "test.sqlite3")}
    else:
        db["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
        db["CONN_HEALTH_CHECKS"] = True
    if db["ENGINE"] == "django.db.backends.postgresql":
        # Django's backend plus deadlines the client keeps (portal/postgresql/base.py): a database
        # that refuses, or accepts and never answers, makes a page a 503 within about two
        # seconds instead of holding it until gunicorn kills the worker. The server cancels a
        # query at the statement timeout; 0 turns a timeout off (e.g. for a long migration).
        db.update(
            ENGINE="portal.postgresql",
            CONNECT_TIMEOUT=env.float("DATABASE_CONNECT_TIMEOUT", default=2.0),
            STATEMENT_TIMEOUT=env.float("DATABASE_STATEMENT_TIMEOUT", default=10.0),
            RETRY_SECONDS=env.float("DATABASE_RETRY_SECONDS", default=5.0),
        )
    return db
