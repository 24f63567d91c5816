"""Settings for the book-cover service.

One file, configured by environment variables. With no variables at all it runs the
embedded default: SQLite, files on the local disk and django-q2 on the ORM broker, all
kept under BYC_DATA_DIR.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlparse

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("BYC_DATA_DIR") or BASE_DIR / "var").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = envbool("BYC_DEBUG")
PRODUCTION = envbool("BYC_PRODUCTION")


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept in the data dir.

    Production refuses to start without an explicit key: a key stored beside the data
    would be lost or differ between web machines.
    """
    key = os.environ.get("SECRET_KEY", "")
    if key:
        return key
    if PRODUCTION:
        raise RuntimeError("BYC_PRODUCTION=1 needs SECRET_KEY to be set")
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()

PUBLIC_URL = os.environ.get("BYC_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
_public_host = urlparse(PUBLIC_URL).hostname or "127.0.0.1"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", sorted({"127.0.0.1", "localhost", "[::1]", "testserver", _public_host}))
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [PUBLIC_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_q",
    "billing",
    "books",
    "covers",
    "web",
]

MIDDLEWARE = [
    "byc_site.logcontext.RequestIdMiddleware",
    "byc_site.metrics.RequestMetricsMiddleware",
    "ops.middleware.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "byc_site.middleware.ApiErrorMiddleware",
    "byc_site.middleware.RequestGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "byc_site.urls"
WSGI_APPLICATION = "byc_site.wsgi.application"

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
            ],
        },
    },
]


def _database_from_url(url: str) -> dict:
    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql"}:
        raise RuntimeError(f"DATABASE_URL scheme {parsed.scheme!r} is not supported (use postgres://)")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parsed.path.lstrip("/") or "postgres",
        "USER": parsed.username or "",
        "PASSWORD": parsed.password or "",
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "CONN_MAX_AGE": envint("BYC_DB_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"NAME": os.environ.get("BYC_TEST_DB_NAME") or None},
    }


if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": _database_from_url(os.environ["DATABASE_URL"])}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
            # Opening a connection (and setting WAL) costs about as much as a whole small request.
            "CONN_MAX_AGE": envint("BYC_DB_CONN_MAX_AGE", 600),
            "CONN_HEALTH_CHECKS": True,
            # A web process and a worker share the file: wait for locks instead of failing.
            "OPTIONS": {
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns about a missing folder
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"

# Files: the local disk by default, an S3-compatible bucket in production.
BYC_STORAGE = os.environ.get("BYC_STORAGE", "local")
if BYC_STORAGE not in {"local", "s3"}:
    raise RuntimeError("BYC_STORAGE must be 'local' or 's3'")
S3_ENDPOINT_URL = os.environ.get("BYC_S3_ENDPOINT_URL", "")
S3_BUCKET = os.environ.get("BYC_S3_BUCKET", "")
S3_ACCESS_KEY_ID = os.environ.get("BYC_S3_ACCESS_KEY_ID", "")
S3_SECRET_ACCESS_KEY = os.environ.get("BYC_S3_SECRET_ACCESS_KEY", "")
S3_REGION = os.environ.get("BYC_S3_REGION", "us-east-1")
SIGNED_URL_SECONDS = envint("BYC_SIGNED_URL_SECONDS", 3600)

if BYC_STORAGE == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "access_key": S3_ACCESS_KEY_ID,
            "secret_key": S3_SECRET_ACCESS_KEY,
            "region_name": S3_REGION,
            "querystring_auth": True,
            "querystring_expire": SIGNED_URL_SECONDS,
            "signature_version": "s3v4",
            "addressing_style": "path",
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT, "base_url": MEDIA_URL},
    }

STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve static files straight from the finders so a fresh checkout works without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# API requests are small JSON documents; refuse anything larger before parsing it.
API_MAX_BODY_BYTES = envint("BYC_API_MAX_BODY_BYTES", 64 * 1024)
# ... except a batch: up to 1,000 books, each with a summary of up to 1,000 characters.
API_LARGE_BODY_PATHS = {"/api/v1/batches": envint("BYC_API_BATCH_MAX_BODY_BYTES", 4 * 1024 * 1024)}
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2 * 1024 * 1024, *API_LARGE_BODY_PATHS.values())
# Deeper JSON is refused before parsing (the parser recurses once per level).
API_MAX_JSON_DEPTH = envint("BYC_API_MAX_JSON_DEPTH", 32)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["byc_site.auth.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["byc_site.auth.HasActiveSubscription"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["byc_site.parsers.GuardedJSONParser"],
    "EXCEPTION_HANDLER": "byc_site.errors.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["byc_site.throttling.ApiKeyThrottle", "byc_site.throttling.AccountThrottle"],
    # Behind N proxies the client is the Nth address from the right of X-Forwarded-For; with 0 the
    # header is ignored (a client could write anything in it).
    "NUM_PROXIES": envint("BYC_NUM_PROXIES", 0),
}

# Rate limits (byc_site/throttling.py): "<requests>/<s|min|hour|day>" per scope, BYC_RATE_<SCOPE>
# to change one ("off" turns it off). They count in the shared cache below.
THROTTLE_ENABLED = envbool("BYC_THROTTLE", True)
_DEFAULT_RATES = {
    "api_key": "600/min",
    "account": "1200/min",
    "api_auth_failure": "30/min",
    "login_ip": "30/min",
    "login_account": "10/min",
    "signup_ip": "10/hour",
    "signup_account": "3/hour",  # each may send a confirmation e-mail to that address
    "password_reset_ip": "10/hour",
    "password_reset_account": "3/hour",
}
THROTTLE_RATES = {
    scope: (None if value.lower() == "off" else value)
    for scope, default in _DEFAULT_RATES.items()
    for value in [os.environ.get(f"BYC_RATE_{scope.upper()}") or default]
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Book Cover Service API",
    "DESCRIPTION": "Create books, generate and refine covers, and download signed assets.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # 3.1: the version of OpenAPI that describes webhooks (covers/webhook_schema.py).
    "OAS_VERSION": "3.1.0",
    "WEBHOOKS": [
        "covers.webhook_schema.JOB_COMPLETED",
        "covers.webhook_schema.JOB_FAILED",
        "covers.webhook_schema.JOB_PARTIAL",
        "covers.webhook_schema.BATCH_COMPLETED",
        "covers.webhook_schema.WEBHOOK_TEST",
    ],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "covers.webhook_schema.webhook_headers_hook",
    ],
    # Choice sets that share a field name ("status") with the jobs' get names of their own.
    "ENUM_NAME_OVERRIDES": {
        "BatchStatusEnum": "covers.representations.BATCH_STATUSES",
        "BatchBookStatusEnum": "covers.representations.BATCH_ROW_STATUSES",
    },
}

# Background work: django-q2 on the ORM broker by default, Redis in production.
QUEUE_BROKER = os.environ.get("BYC_QUEUE_BROKER", "orm")
REDIS_URL = os.environ.get("BYC_REDIS_URL", "redis://127.0.0.1:6379/0")
if QUEUE_BROKER not in {"orm", "redis"}:
    raise RuntimeError("BYC_QUEUE_BROKER must be 'orm' or 'redis'")
# The slowest render (five full-size covers) stays well under the timeout, and retry waits
# longer than the timeout so a slow task is never handed to a second worker.
Q_TIMEOUT = envint("BYC_TASK_TIMEOUT", 300)
# Under pytest each process gets its own queue, so test runs sharing one Redis never take each
# other's tasks (a worker a test starts is handed the name explicitly).
_default_queue_name = f"byc-test-{os.getpid()}" if os.environ.get("PYTEST_VERSION") else "byc"
_q_workers = envint("BYC_WORKERS", 2)
Q_CLUSTER = {
    "name": os.environ.get("BYC_QUEUE_NAME") or _default_queue_name,
    "workers": _q_workers,
    "timeout": Q_TIMEOUT,
    "retry": Q_TIMEOUT + 60,
    "max_attempts": 1,
    # Tasks a cluster takes from the broker ahead of its workers. Small: a token held by one node
    # is one another idle node cannot take (and one lost if this node is killed).
    "queue_limit": envint("BYC_QUEUE_LIMIT", _q_workers),
    "bulk": 1,
    "catch_up": False,
    "save_limit": 1000,
    "ack_failures": True,
    "poll": 0.2,
    "label": "Task queue",
}
if QUEUE_BROKER == "redis":
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# The cache holds the rate limits' counters, so every web process must share it: Redis when there is
# one (BYC_CACHE_URL, else the queue's Redis), else files in the data dir (one machine, any number
# of processes). Under pytest each process has its own key prefix.
CACHE_URL = os.environ.get("BYC_CACHE_URL") or (REDIS_URL if QUEUE_BROKER == "redis" else "")
_cache_prefix = f"byc-test-{os.getpid()}" if os.environ.get("PYTEST_VERSION") else "byc"
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        raise RuntimeError("BYC_CACHE_URL must be a redis:// URL")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": _cache_prefix,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": DATA_DIR / "cache",
            "KEY_PREFIX": _cache_prefix,
        }
    }

# Outbound webhooks go to public addresses on ports 80/443 only, unless the operator allows
# private networks (then any address and port: receivers on the service's own network; tests).
WEBHOOK_ALLOW_PRIVATE_NETWORKS = envbool("BYC_WEBHOOK_ALLOW_PRIVATE_NETWORKS")
WEBHOOK_ALLOWED_PORTS = [int(port) for port in envlist("BYC_WEBHOOK_PORTS", ["80", "443"])]
WEBHOOK_TIMEOUT_SECONDS = envint("BYC_WEBHOOK_TIMEOUT", 10)  # each connect or read
WEBHOOK_TOTAL_SECONDS = envint("BYC_WEBHOOK_TOTAL_TIMEOUT", 15)  # a whole attempt

# Sign-up: open (anyone, at once), verify-email (log in once the address is confirmed), invite (with
# an invitation staff make in the admin) or closed. New accounts get SIGNUP_CREDITS to try it out.
SIGNUP_MODE = os.environ.get("BYC_SIGNUP") or ("verify-email" if PRODUCTION else "open")
if SIGNUP_MODE not in {"open", "verify-email", "invite", "closed"}:
    raise RuntimeError("BYC_SIGNUP must be open, verify-email, invite or closed")
SIGNUP_CREDITS = envint("BYC_SIGNUP_CREDITS", 10)

# E-mail (sign-up confirmation, password reset): an SMTP server when BYC_EMAIL_HOST is set; without
# one, messages are printed on the console, which production refuses (they would silently vanish).
EMAIL_HOST = os.environ.get("BYC_EMAIL_HOST", "")
EMAIL_PORT = envint("BYC_EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("BYC_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("BYC_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = envbool("BYC_EMAIL_TLS", EMAIL_PORT == 587)  # STARTTLS
EMAIL_USE_SSL = envbool("BYC_EMAIL_SSL", EMAIL_PORT == 465)  # TLS from the first byte
EMAIL_TIMEOUT = envint("BYC_EMAIL_TIMEOUT", 10)
EMAIL_BACKEND = os.environ.get("BYC_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
if PRODUCTION and EMAIL_BACKEND.endswith("console.EmailBackend"):
    raise RuntimeError("BYC_PRODUCTION=1 needs an SMTP server: set BYC_EMAIL_HOST (and BYC_EMAIL_USER/PASSWORD)")
DEFAULT_FROM_EMAIL = os.environ.get("BYC_FROM_EMAIL", "covers@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto (and must strip the
# clients' own). `manage.py check --deploy` is clean with these (tests/api/test_deploy_check.py).
if PRODUCTION:
    if DEBUG:
        raise RuntimeError("BYC_DEBUG=1 is refused with BYC_PRODUCTION=1: it shows settings and code to visitors")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("BYC_SSL_REDIRECT", True)
    # Probes and Prometheus talk to a process directly, over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
    SECURE_HSTS_SECONDS = envint("BYC_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("BYC_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("BYC_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Preloading is a commitment an operator makes for their whole domain; not ours to make.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SESSION_COOKIE_SECURE = envbool("BYC_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = envbool("BYC_SECURE_COOKIES", True)
    # Hashed file names (cached for a year by browsers) from STATIC_ROOT: run `collectstatic` on deploy.
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    WHITENOISE_USE_FINDERS = False

# /metrics is for operators: a bearer token (BYC_METRICS_TOKEN), or an address in
# BYC_METRICS_ALLOW (networks; loopback by default outside production, none in production, where a
# proxy on the same machine would make every visitor look local).
METRICS_TOKEN = os.environ.get("BYC_METRICS_TOKEN", "")
METRICS_ALLOWED_NETWORKS = envlist("BYC_METRICS_ALLOW", [] if PRODUCTION else ["127.0.0.1/32", "::1/128"])

# Logs: one JSON object a line (BYC_LOG_FORMAT=json, the default in production) or plain text; every
# line carries the request id, the account id and the job id it concerns (byc_site/logcontext.py).
LOG_FORMAT = os.environ.get("BYC_LOG_FORMAT") or ("json" if PRODUCTION else "text")
if LOG_FORMAT not in {"json", "text"}:
    raise RuntimeError("BYC_LOG_FORMAT must be json or text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "byc_site.logcontext.ContextFilter"}},
    "formatters": {
        "json": {"()": "byc_site.logcontext.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": sys.stderr,
            "filters": ["context"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("BYC_LOG_LEVEL", "INFO")},
    # pikepdf announces its C++ logger bridge at INFO on every import: noise in every command.
    "loggers": {"django.request": {"level": "ERROR"}, "pikepdf": {"level": "WARNING"}},
}
