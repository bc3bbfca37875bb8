"""Settings of the portal, read from the environment (see README, "Settings")."""

import datetime
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from .ckeditor import CKEDITOR_TOOLBAR
from .env import database, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A git-ignored .env is read if present; real environment variables win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = secret_key(env, debug=DEBUG)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
ADMIN_URL = env("DJANGO_ADMIN_URL", default="admin/").strip("/") + "/"

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.humanize",
    "django_ckeditor_5",
    "csp",
    "portal.apps.SignInRecordsConfig",  # django-axes
    "django_otp",
    "django_otp.plugins.otp_totp",
    "reversion",
    "library",
    "news",
    "organizations",
    "documents",
    "galleries",
    "events",
    "contact",
    "videos",
    "visits",
    "pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.permissions_policy",
    "portal.middleware.ContentSecurityPolicyMiddleware",  # django-csp's, beacons skipped
    "portal.middleware.reject_nul_bytes",
    "portal.middleware.OutageMiddleware",  # database down or read-only, disk full: 503/507
    "news.reads.read_beacon_first",  # the read beacon needs nothing below (news/reads.py)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.sessions.refresh_active_sessions",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.two_factor.two_factor_required",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Both answer only a 404: old WordPress addresses, then the redirects administrators manage.
    "news.legacy.WordPressRedirectMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account or address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
# The redirects app needs the sites framework. Its one Site names the host that sitemaps and
# feeds put in their absolute addresses; every migrate sets it from DJANGO_SITE_DOMAIN (or the
# first allowed host), so it never stays "example.com".
SITE_ID = 1
SITE_DOMAIN = env("DJANGO_SITE_DOMAIN", default=ALLOWED_HOSTS[0] if ALLOWED_HOSTS else "localhost")
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# Database: a SQLite file under var/ by default, PostgreSQL through DATABASE_URL.
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {"default": database(env, VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default; Redis (shared by every app server) through REDIS_URL.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    # A cache that is down must never take a page down, nor slow it down (README, "Khi một
    # thành phần ngừng chạy"): django-redis reads a failed call as a miss (IGNORE_EXCEPTIONS),
    # short timeouts bound a call to a Redis that accepts connections and never answers, and
    # portal.cache skips Redis for a few seconds after a failure instead of waiting on each call.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="portal"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
                "SOCKET_TIMEOUT": env.float("REDIS_TIMEOUT", default=0.5),
                "CONNECTION_POOL_CLASS": "portal.cache.CircuitBreakerConnectionPool",
                "CONNECTION_POOL_KWARGS": {
                    "retry_seconds": env.float("REDIS_RETRY_SECONDS", default=5.0)
                },
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The "already counted" marks of read counting (news/reads.py): shared through Redis when
# there is one; otherwise kept by each app server process, in a cache of their own so that
# pages cached meanwhile never push them out (a local cache keeps only 300 entries by default).
CACHES["reads"] = (
    CACHES["default"]
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "reads",
        "OPTIONS": {"MAX_ENTRIES": env.int("READS_LOCAL_MARKS", default=100_000)},
    }
)
# Whole pages for anonymous readers (portal/caching.py, README "Where the time goes"): in the
# default cache when it is Redis (one connection pool, one circuit breaker); otherwise in each
# process's memory, in a cache of their own so that they never push the small entries (blocks,
# read marks) out, and bounded in number.
if not REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": env.int("PAGE_CACHE_LOCAL_ENTRIES", default=1000)},
    }
# Ready-drawn pieces of pages (the article cards, news/caching.py): kept in each process's
# memory under a key made of everything they are drawn from, so they are never stale, need no
# invalidation and cost no round trip to Redis.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": env.int("FRAGMENT_CACHE_ENTRIES", default=5000)},
}
# Longest time a page is kept (0: no page cache). It is also kept no later than the next
# scheduled publication and the next midnight, and any change an editor saves ends it at once.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# max-age sent to browsers, nginx or a CDN along with the ETag; 0: they ask again every time
# (a 304 when nothing changed). More than 0 lets them show a page that old after a change.
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=0)
# The site version that every cached page and block depends on: in Redis with REDIS_URL (shared
# by every server), otherwise in this file, shared by every process of this machine.
SITE_VERSION_FILE = (
    "" if REDIS_URL else env("SITE_VERSION_FILE", default=str(VAR_DIR / "site-version"))
)
# Routes the benchmark's ceiling view (scripts/bench.py); never set it on a real site.
BENCH_CEILING = env.bool("BENCH_CEILING", default=False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese"))]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("DJANGO_MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    # Django's, minus the truncated file a full disk leaves behind (portal/storage.py).
    "default": {"BACKEND": "portal.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media on S3-compatible object storage (several app servers share one bucket, django-storages):
# on when AWS_STORAGE_BUCKET_NAME is set; docs/deploy.md lists the variables. Keys come from
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the machine's role), read by boto3 itself.
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    # "path" for most S3-compatible servers addressed by IP or without wildcard DNS.
    AWS_S3_ADDRESSING_STYLE = env("AWS_S3_ADDRESSING_STYLE", default=None)
    # A CDN or the bucket's public host name; media addresses then start with it.
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_S3_URL_PROTOCOL = env("AWS_S3_URL_PROTOCOL", default="https:")
    # Public, unsigned addresses: pages are cached whole and shared, a signed one would expire.
    AWS_QUERYSTRING_AUTH = False
    # Like the local disk: a name already taken gets a new one, never overwritten.
    AWS_S3_FILE_OVERWRITE = False
    # Stored names never change (a new upload gets a new random name): browsers keep them long.
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=2592000"}

# Uploads: every image is checked and re-encoded (portal/images.py).
IMAGE_MAX_UPLOAD_BYTES = env.int("IMAGE_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
IMAGE_MAX_PIXELS = env.int("IMAGE_MAX_PIXELS", default=40_000_000)
# Longer sides beyond this are scaled down when a picture is stored (GIF animations excepted).
IMAGE_MAX_DIMENSION = env.int("IMAGE_MAX_DIMENSION", default=2560)
# Files attached to documents of the register (documents/files.py).
DOCUMENT_MAX_UPLOAD_BYTES = env.int("DOCUMENT_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 15 * 1024 * 1024

# Security: safe defaults; HTTPS ones are switched on by the environment in production.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)
# Each HSTS flag is its own decision: includeSubDomains forces HTTPS on every subdomain of the
# site's domain (an HTTP-only sister site would break), and preload is a promise to browsers
# that takes months to undo. Left unset, Django's deploy check warns (security.W005/W021)
# until the operator says true or false; an explicit "false" is a decision and is not flagged.
_hsts_subdomains = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=None)
_hsts_preload = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=None)
SECURE_HSTS_INCLUDE_SUBDOMAINS = bool(_hsts_subdomains)
SECURE_HSTS_PRELOAD = bool(_hsts_preload)
SILENCED_SYSTEM_CHECKS = [
    check
    for check, value in (("security.W005", _hsts_subdomains), ("security.W021", _hsts_preload))
    if value is False
]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Content-Security-Policy (django-csp): no inline script anywhere, so every page's JavaScript
# is a file under static/js/ (README, "Security headers"). Inline styles stay allowed:
# CKEditor 5 writes its own <style> elements and style attributes. Images may come from any
# HTTPS site because imported article bodies show pictures hosted elsewhere; images cannot run
# code. Videos may be embedded from YouTube only.
_media_origin = (
    [f"https://{env('AWS_S3_CUSTOM_DOMAIN')}"] if env("AWS_S3_CUSTOM_DOMAIN", default="") else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF, *_media_origin],
        "frame-src": ["https://www.youtube.com", "https://www.youtube-nocookie.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy: the site uses none of these browser features; a script that got in
# anyway (or an embedded frame) may not use them either. Sharing (navigator.share) and the
# clipboard, which the article page's buttons use, keep their default (this site only).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    # The YouTube player, loaded only when a reader presses play (videos/), may start at once.
    "autoplay": ['"https://www.youtube-nocookie.com"'],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

# Sessions are the staff's (readers never log in). A working day without a request ends
# them: 9 hours (eight hours' work and lunch), counted from the last request, because an
# active session is saved again every SESSION_REFRESH_SECONDS (portal/sessions.py).
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=9 * 60 * 60)
SESSION_REFRESH_SECONDS = 5 * 60
# Database sessions, but a save that fails because the database is read-only or down is a 503
# maintenance page, not Django's 400 "session deleted" (portal/session_store.py).
SESSION_ENGINE = "portal.session_store"

# Failed logins (django-axes): after LOGIN_FAILURE_LIMIT failures in LOGIN_LOCKOUT_MINUTES,
# the account is locked whatever address it is tried from, and the address is locked whatever
# account it tries; an administrator unlocks earlier (README, "Failed logins").
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=60))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.views.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "news.reads.client_address"
AXES_VERBOSE = False

# Two-factor sign-in (TOTP, django-otp) for the "Quản trị viên" role and superusers, when on.
ADMIN_TWO_FACTOR = env.bool("ADMIN_TWO_FACTOR", default=False)
OTP_TOTP_ISSUER = env("ADMIN_TWO_FACTOR_ISSUER", default="Tỉnh đoàn")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="WARNING")},
}

# CKEditor 5: one toolbar for news (portal/ckeditor.py), matching what portal/html.py keeps.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "news:image_upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "gif", "webp"]
CKEDITOR_5_CONFIGS = {"default": CKEDITOR_TOOLBAR}

ADMIN_SITE_HEADER = _("News portal administration")
ADMIN_INDEX_TITLE = _("Site administration")

# Editors' safety nets (news/editing.py). An article in the trash can be restored for this
# many days; `manage.py purge_trash` (daily, from cron) then deletes it for good.
TRASH_KEEP_DAYS = env.int("TRASH_KEEP_DAYS", default=30)
# "Đang có người sửa": an open article form says so every EDITING_PRESENCE_SECONDS / 2; the
# marker disappears by itself this long after the last sign of life.
EDITING_PRESENCE_SECONDS = env.int("EDITING_PRESENCE_SECONDS", default=60)
# Pictures of other sites imported into an article (portal/fetch.py): each step's timeout in
# seconds (the whole download gets twice this), and networks that may be fetched from although
# they are not public (empty in production; the tests' local picture server is on 127.0.0.1).
REMOTE_IMAGES_TIMEOUT = env.float("REMOTE_IMAGES_TIMEOUT", default=5.0)
REMOTE_IMAGES_ALLOWED_NETWORKS = env.list("REMOTE_IMAGES_ALLOWED_NETWORKS", default=[])

# Read counting ("Số lần đọc", news/reads.py). A reader counts once per article per window.
READS_WINDOW_MINUTES = env.int("READS_WINDOW_MINUTES", default=30)
# Reads of one article counted from one address (an IPv6 /64) per window, whatever user
# agents it sends: 120 is three classes of 40 behind a school's one address reading the same
# article in the same half hour (README, "Reads that cannot be inflated").
READS_MAX_PER_ADDRESS = env.int("READS_MAX_PER_ADDRESS", default=120)
# Seconds the "most read" box is kept in the cache before it is queried again.
READS_MOST_READ_CACHE_SECONDS = env.int("READS_MOST_READ_CACHE_SECONDS", default=300)
# Buffer counted reads in Redis and write them to the database in batches: only with Redis,
# and only when asked for (direct SQL increments are fine for one server).
READS_BUFFERED = bool(REDIS_URL) and env.bool("READS_BUFFERED", default=False)
# With the buffer on: at most this many seconds pass between two flushes (made by the next
# counted read, or by `manage.py flush_reads --every` run as a service).
READS_FLUSH_SECONDS = env.int("READS_FLUSH_SECONDS", default=10)
# Behind a reverse proxy, the META key holding the client's address as the proxy saw it,
# e.g. HTTP_X_FORWARDED_FOR (its last address is used). Empty: REMOTE_ADDR.
READS_CLIENT_IP_HEADER = env("READS_CLIENT_IP_HEADER", default="")

# Contact form ("Liên hệ", contact/). Messages are stored and read in the admin; these
# addresses are e-mailed about each one when set (comma separated).
CONTACT_NOTIFY_EMAILS = env.list("CONTACT_NOTIFY_EMAILS", default=[])
# Spam without third-party services: a form sent faster than this after it was opened is
# refused, and so is one older than the maximum age; one address sends at most
# CONTACT_MAX_PER_HOUR messages an hour.
CONTACT_FORM_MIN_SECONDS = env.int("CONTACT_FORM_MIN_SECONDS", default=3)
CONTACT_FORM_MAX_AGE_SECONDS = env.int("CONTACT_FORM_MAX_AGE_SECONDS", default=24 * 60 * 60)
CONTACT_MAX_PER_HOUR = env.int("CONTACT_MAX_PER_HOUR", default=3)
# Outgoing e-mail: e.g. smtp+tls://user:password@smtp.example.vn:587 (console: printed).
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Videos (videos/): an uploaded MP4 up to this size; a YouTube video's thumbnail is fetched
# from this address when the video is saved, so readers' browsers never ask YouTube for it.
VIDEO_MAX_UPLOAD_BYTES = env.int("VIDEO_MAX_UPLOAD_BYTES", default=200 * 1024 * 1024)
VIDEOS_THUMBNAIL_URL = env(
    "VIDEOS_THUMBNAIL_URL", default="https://i.ytimg.com/vi/{id}/hqdefault.jpg"
)
VIDEOS_FETCH_TIMEOUT = env.int("VIDEOS_FETCH_TIMEOUT", default=5)
