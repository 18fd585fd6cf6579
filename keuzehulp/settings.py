"""Settings for Keuzehulp: one module, driven by environment variables.

Every setting that differs between a laptop and production is read from the
environment through the small typed helpers below; the defaults are safe for
``make run`` on SQLite.
"""

from __future__ import annotations

import os
import warnings
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    try:
        number = float(value) if value else default
    except ValueError:
        number = -1.0
    if not 0 < number < float("inf"):  # a timeout: positive and finite (not nan either)
        raise ImproperlyConfigured(f"{name} must be a positive number of seconds, not {value!r}.")
    return number


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The development key is public (it is in this file): only a DEBUG instance may run on it.
# Its "django-insecure-" prefix also makes `check --deploy` warn (security.W009) if it is used.
DEV_SECRET_KEY = "django-insecure-keuzehulp-development-only-never-in-production"
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off Keuzehulp refuses to start on the public "
            "development key: set SECRET_KEY to a long random value (for example the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`), or DEBUG=1 on a "
            "development machine."
        )
    SECRET_KEY = DEV_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",  # wraps the template loaders: "page.html#partial" names a partial
    "simple_history",
    "import_export",
    "axes",
    "csp",
    "sequences",
    "django_tasks",
    "django_tasks_db",
    "django_guid",
    "catalog",
    "keuzehulp",
    "sales",
]

MIDDLEWARE = [
    # First: every log line of the request, and its answer, carry the request id.
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "keuzehulp.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "keuzehulp.middleware.DatabaseUnavailableMiddleware",
    # Last: it answers a locked-out login before the view runs (django-axes).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "keuzehulp.urls"
WSGI_APPLICATION = "keuzehulp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one write lock. IMMEDIATE takes it at BEGIN, so a second writer (a wizard
    # save during a catalogue import) waits up to `timeout` seconds instead of failing at once
    # with "database is locked" when it upgrades a read; WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def cache_from_url(url: str) -> dict[str, Any]:
    """Django's cache settings for ``CACHE_URL``: redis://, rediss://, db:// or locmem://."""
    scheme = url.partition("://")[0].lower()
    if scheme in {"redis", "rediss", "unix"}:
        # django-redis, not Django's own backend: a Redis that is down or does not answer
        # within the timeouts reads as a cache miss and is logged (logger django_redis), so a
        # cache outage costs each request at most the timeouts and never a 500. The rate limits
        # fail open meanwhile (RATELIMIT_FAIL_OPEN) and /ready/ reports the cache as failing.
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": env_float("CACHE_CONNECT_TIMEOUT_S", 0.5),
                "SOCKET_TIMEOUT": env_float("CACHE_TIMEOUT_S", 1.0),
            },
        }
    if scheme == "db":
        # db://table: a table `manage.py createcachetable` makes (make run and the image do).
        # Django's database cache with an atomic increment, so the rate limits count a burst
        # of parallel requests in full (keuzehulp.dbcache).
        return {
            "BACKEND": "keuzehulp.dbcache.AtomicDatabaseCache",
            "LOCATION": url.partition("://")[2] or "keuzehulp_cache",
        }
    if scheme in {"locmem", ""}:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "keuzehulp"}
    raise ImproperlyConfigured(
        f"CACHE_URL must start with redis://, rediss://, unix://, db:// or locmem://, not {url!r}."
    )


# One cache for the small documents and the rate-limit counters. CACHE_URL makes it shared by
# every worker and host (production: Redis, or the database); without it each process keeps its
# own (development, tests). REDIS_URL, its older name, is still read when CACHE_URL is unset.
CACHE_URL = env_str("CACHE_URL", "") or env_str("REDIS_URL", "")
CACHES = {"default": cache_from_url(CACHE_URL)}
# django-ratelimit errors on a per-process cache and on Django's database cache (E003: locmem
# counts per process; Django's database cache increments by reading and writing back, which
# keuzehulp.dbcache replaces by a locked increment) and warns on backends it has not tested
# (W001). Our own deploy check (keuzehulp.W001) warns when production runs on a per-process cache.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Background work (rendering dossiers) through the django-tasks backport of Django 6's tasks
# framework. "database" queues in the database and `manage.py db_worker` runs the tasks, on any
# host that reaches the database (production); "immediate" runs each task inside the request
# that enqueues it, so `make run` and the tests need no worker.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
# The readiness check (/ready/) fails when the oldest queued task has waited this long: no
# worker runs, or the workers cannot keep up.
READY_MAX_QUEUE_AGE_S = env_int("READY_MAX_QUEUE_AGE_S", 120)
# After a catalogue change the workers make again the dossiers of configurations saved this
# many days back; older ones are made on their next download.
DOCUMENT_REFRESH_DAYS = env_int("DOCUMENT_REFRESH_DAYS", 90)


# django-axes first: a locked-out client is refused before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
# Without collectstatic (make run, tests) the files come from the finders; no need to warn.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

# A wizard visitor's draft lives a week; a signed-in account (staff, sales) a working day.
# Expired rows are removed by `manage.py clearsessions` (README: run it daily).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 24 * 7)
ACCOUNT_SESSION_AGE = env_int("ACCOUNT_SESSION_AGE", 60 * 60 * 8)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
# Behind HTTPS in production: SECURE_SSL_REDIRECT=1, SECURE_HSTS_SECONDS=31536000, and
# TRUST_PROXY_HTTPS=1 when a reverse proxy terminates TLS and sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# Only once the domain is submitted to the browsers' HSTS preload list (hstspreload.org).
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^ready/$"]
if env_bool("TRUST_PROXY_HTTPS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CSRF_FAILURE_VIEW = "keuzehulp.views.csrf_failure"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "price_list"
LOGOUT_REDIRECT_URL = "home"

# Each request has an id (django-guid): the one a proxy sends in X-Request-ID if it is a UUID,
# else a new one; it is returned in X-Request-ID, printed in gunicorn's access line and in every
# log line of the request, so one request's lines are found across hosts.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}
# One JSON object a line (LOG_FORMAT=json, production) for the log collector; plain text
# (LOG_FORMAT=text) is easier to read in a terminal.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "django_guid.log_filters.CorrelationId"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "{asctime}{levelname}{name}{message}{correlation_id}",
            "style": "{",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
            "rename_fields": {
                "asctime": "time",
                "levelname": "level",
                "name": "logger",
                "correlation_id": "request_id",
            },
        },
        "text": {
            "format": "{asctime} {levelname} [{correlation_id}] {name}: {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Abuse limits (django-ratelimit; counted per client address in the cache). A rate is
# "count/period" with period s, m, h or d. Only renders that miss the document cache count.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "keuzehulp.security.client_ip"
# When the cache cannot count (Redis down: django-redis answers None), a request is let through
# rather than refused: the wizard, the API and the downloads keep working through a cache
# outage, which /ready/ and the django_redis log lines report. Logins are limited by
# django-axes in the database, and renders queue behind the document workers either way.
RATELIMIT_FAIL_OPEN = True
RATE_API = env_str("RATE_API", "60/m")
RATE_DOCUMENT_RENDER = env_str("RATE_DOCUMENT_RENDER", "10/m")
# Quote requests sent per client address: each sends an e-mail to an address the visitor typed.
RATE_QUOTE_REQUEST = env_str("RATE_QUOTE_REQUEST", "5/h")
# Behind N reverse proxies that each append to X-Forwarded-For, the client is the N-th
# address from the right; 0 (default) trusts no header and uses the connection's address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# django-axes: failed logins (/inloggen/ and the admin) per client address, kept in the
# database so every worker sees them; a locked-out client gets a 429 page with the wait.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "keuzehulp.security.client_ip"
AXES_LOCKOUT_CALLABLE = "keuzehulp.security.login_locked_out"
AXES_VERBOSE = False

# Content-Security-Policy (django-csp): no inline script or style on the pages; htmx and
# the copy-link script are static files. The SVG download sets its own, stricter policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Permissions-Policy (django-permissions-policy): the pages use none of these features.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# django-import-export: the admin shows a dry-run preview before it writes anything.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Without these codes any staff user may import and export. Importing changes prices, so it
# needs the change right; the catalogue admin also asks change rights to view (and export).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# Exports are opened in spreadsheets, where a name like "=HYPERLINK(…)" would run as a formula;
# catalog/spreadsheets.py keeps such cells text.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# An import is parsed and previewed in one request, the preview in one transaction that other
# writers wait for: these bound both. The whole catalogue is about 200 rows.
CATALOG_IMPORT_MAX_BYTES = env_int("CATALOG_IMPORT_MAX_BYTES", 1024 * 1024)
CATALOG_IMPORT_MAX_ROWS = env_int("CATALOG_IMPORT_MAX_ROWS", 500)

# E-mail through Django's mail framework: SMTP from the environment in production, the
# console in `make run` (EMAIL_BACKEND set by the Makefile), memory in tests (pytest-django).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "offertes@keuzehulp.invalid")
# Who hears of a new request or a customer's decision; empty = every active Verkoop user.
SALES_NOTIFY_EMAILS = env_list("SALES_NOTIFY_EMAILS", "")
# AVG: months after which `manage.py anonymise_quotes` removes the personal data of quotes
# that were declined, expired or never sent (a product choice, not a legal figure).
QUOTE_RETENTION_MONTHS = env_int("QUOTE_RETENTION_MONTHS", 12)
# The address links in e-mails and on the quote PDF start with (no request to build them from
# in a command); empty = the address of the request that sends.
SITE_URL = env_str("SITE_URL", "")
