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
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "byc_site.middleware.ApiErrorMiddleware",
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
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["byc_site.auth.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["byc_site.auth.HasActiveSubscription"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "byc_site.errors.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
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

# Outbound webhooks refuse private targets unless the operator allows them (tests do).
WEBHOOK_ALLOW_PRIVATE_NETWORKS = envbool("BYC_WEBHOOK_ALLOW_PRIVATE_NETWORKS")
WEBHOOK_TIMEOUT_SECONDS = envint("BYC_WEBHOOK_TIMEOUT", 10)

EMAIL_BACKEND = os.environ.get("BYC_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("BYC_FROM_EMAIL", "covers@localhost")

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

if PRODUCTION:
    SESSION_COOKIE_SECURE = envbool("BYC_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = envbool("BYC_SECURE_COOKIES", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": sys.stderr}},
    "root": {"handlers": ["console"], "level": os.environ.get("BYC_LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
