"""Django settings, all from the environment (see docs/web.md for the list).

Development (DEBUG=1) and a local run of the production settings (LOCAL_RUN=1, what
`make serve` sets): nothing to set; SQLite in var/, a secret generated into var/secret_key,
plain HTTP. Production (DEBUG off, no LOCAL_RUN) fails closed: it refuses to start without
SECRET_KEY, ALLOWED_HOSTS and REDIS_URL, and redirects to HTTPS with HSTS and secure
cookies unless told otherwise one by one.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from twitchcheck.web.env import (
    development_secret,
    env_bool,
    env_int,
    env_list,
    required,
    var_dir,
)

VAR_DIR = var_dir()
DEBUG = env_bool("DEBUG", False)
# a local run of the production settings, on this machine over plain HTTP (`make serve`)
LOCAL_RUN = env_bool("LOCAL_RUN", False)
PRODUCTION = not DEBUG and not LOCAL_RUN
SECRET_KEY = os.environ.get("SECRET_KEY") or (
    required("SECRET_KEY", "the same random secret on every server")
    if PRODUCTION
    else development_secret(VAR_DIR)
)
if PRODUCTION and not os.environ.get("ALLOWED_HOSTS", "").strip():
    required("ALLOWED_HOSTS", "the host names the site answers to, comma-separated")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_ratelimit",
    "ninja",
    "twitchcheck.web.store",
    "twitchcheck.web.comments",
    "twitchcheck.web.guide",
    "twitchcheck.web.check",
    "twitchcheck.web.api",
    "twitchcheck.web.diary",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "twitchcheck.web.api.middleware.ApiErrorsAsJson",
    "twitchcheck.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "twitchcheck.web.diary.middleware.OwnerTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "twitchcheck.web.urls"
WSGI_APPLICATION = "twitchcheck.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "twitchcheck.web.store.context_processors.announcement",
                "twitchcheck.web.diary.context_processors.diary_alerts",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if PRODUCTION and not REDIS_URL:
    required("REDIS_URL", "a cache shared by every worker, so rate limits hold across them")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "twitchcheck",
            # Redis unreachable: a cache read is a miss and a write is skipped (and logged),
            # never a 500; a rate limit that cannot count refuses (RATELIMIT_FAIL_OPEN off)
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    SILENCED_SYSTEM_CHECKS: list[str] = []
else:
    # one process's memory: fine for `make run`; rate limits are per process without Redis
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# sessions live in the database, so logging in works while Redis is down
SESSION_ENGINE = "django.contrib.sessions.backends.db"
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = False
# the client address used for rate limits and log-in lock-outs; behind a proxy, set
# RATELIMIT_IP_META_KEY to the header it fills (read by logins.client_ip)
CLIENT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or "REMOTE_ADDR"
RATELIMIT_IP_META_KEY = "twitchcheck.web.logins.client_ip"

# log-in throttling (twitchcheck/web/logins.py): failures counted in the database per account
# and per address; the lock-out lifts by itself after LOGIN_LOCKOUT_MINUTES
AUTHENTICATION_BACKENDS = [
    "twitchcheck.web.logins.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_LOCKOUT_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]  # either one alone locks
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "twitchcheck.web.logins.login_username"
AXES_CLIENT_IP_CALLABLE = "twitchcheck.web.logins.client_ip"
AXES_LOCKOUT_CALLABLE = "twitchcheck.web.logins.locked_out"
AXES_VERBOSE = False
PASSWORD_RESET_RATE = os.environ.get("PASSWORD_RESET_RATE", "5/h")  # per address and account

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [Path(__file__).parent / "static"]
STATIC_ROOT = os.environ.get("STATIC_ROOT") or str(VAR_DIR / "staticfiles")
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT") or str(VAR_DIR / "media")
# hashed, pre-compressed files served by whitenoise after collectstatic (`make serve`);
# with DEBUG, or STATICFILES_BACKEND set to plain storage (the tests), whitenoise serves
# the source files directly and nothing needs collecting
STATICFILES_BACKEND = os.environ.get("STATICFILES_BACKEND") or (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
    if DEBUG
    else "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
# uploads: MEDIA_ROOT on this machine (behind the web server in production), or an S3
# bucket through django-storages (`pip install '.[s3]'`); docs/web.md, "Uploaded files"
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    _MEDIA_BACKEND = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("MEDIA_S3_BUCKET")
            or required("MEDIA_S3_BUCKET", "the bucket that holds the uploads"),
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "location": "media",
            "file_overwrite": False,
        },
    }
elif MEDIA_STORAGE == "local":
    _MEDIA_BACKEND = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3 (got {MEDIA_STORAGE!r})")
# Django itself serves the public uploads (store images) in development and a local run
SERVE_MEDIA = env_bool("SERVE_MEDIA", not PRODUCTION and MEDIA_STORAGE == "local")
STORAGES = {
    "default": _MEDIA_BACKEND,
    "staticfiles": {"BACKEND": STATICFILES_BACKEND},
}
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = "Manifest" not in STATICFILES_BACKEND
if WHITENOISE_USE_FINDERS:
    Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "twitchcheck <noreply@localhost>")
MODERATOR_EMAILS = env_list("MODERATOR_EMAILS", ["moderators@localhost"])
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# comments: a form must be at least this old and at most this old when posted,
# and one address may post this many per the period
COMMENT_MIN_SECONDS = env_int("COMMENT_MIN_SECONDS", 3)
COMMENT_MAX_AGE_SECONDS = env_int("COMMENT_MAX_AGE_SECONDS", 24 * 3600)
COMMENT_RATE = os.environ.get("COMMENT_RATE", "5/10m")

# ---- task queue, comment spam limits, the guide's cache (docs/deploy.md) ----
# task queue (Celery; twitchcheck/web/celery.py). With a broker (REDIS_URL,
# or CELERY_BROKER_URL) a worker runs the tasks and the beat starts the periodic ones;
# without one (`make run`, the tests) each task runs at once in the process that asks.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or REDIS_URL
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = env_bool("CELERY_TASK_EAGER_PROPAGATES", False)
CELERY_TASK_IGNORE_RESULT = True  # nothing reads results: no result backend to run
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies mid-way is run again, not lost
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120)
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 30
# a task is redelivered if not acknowledged within this; longer than the longest retry wait
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 3600}
# a request that enqueues a task waits at most ~1 s for an unreachable broker, then the
# task runs in that process instead (celery.enqueue)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0.2, "interval_step": 0.3}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# moderators get one email listing the comments that arrived since the last one
COMMENT_DIGEST_MINUTES = env_int("COMMENT_DIGEST_MINUTES", 15)
CELERY_BEAT_SCHEDULE = {
    "comments-moderators-digest": {
        "task": "twitchcheck.web.comments.tasks.moderators_digest",
        "schedule": COMMENT_DIGEST_MINUTES * 60,
    },
    "comments-stamps-forget": {
        "task": "twitchcheck.web.comments.tasks.stamps_forget",
        "schedule": 3600,
    },
}
# a mail that fails is tried again after 30 s, 60 s, 2 min, ... (at most 30 min apart),
# MAIL_RETRIES times; then it is logged as lost at ERROR
MAIL_RETRIES = env_int("MAIL_RETRIES", 8)
# the mail server, for EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
# comment spam: besides COMMENT_RATE per address, this many per email address and per page
# (a burst from many addresses); each signed form stamp is good for one comment
COMMENT_EMAIL_RATE = os.environ.get("COMMENT_EMAIL_RATE", "5/h")
COMMENT_PAGE_RATE = os.environ.get("COMMENT_PAGE_RATE", "30/m")
COMMENTS_PER_PAGE = env_int("COMMENTS_PER_PAGE", 20)
# the guide's shared parts (never a visitor's own) are kept this long in the cache, and
# dropped at once when staff edit the store's content or a comment is approved or removed
GUIDE_CACHE_SECONDS = env_int("GUIDE_CACHE_SECONDS", 24 * 3600)
# ---- end of task queue, comment spam limits, the guide's cache ----


# security headers: on by default with DEBUG off; LOCAL_RUN=1 (or each setting) turns them off
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
if env_bool("BEHIND_HTTPS_PROXY", SECURE_SSL_REDIRECT):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SECURE_SSL_REDIRECT else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# the header only allows preloading; joining the browsers' list is a separate, manual step
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_HSTS_SECONDS >= 31536000)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", SECURE_SSL_REDIRECT)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", SECURE_SSL_REDIRECT)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
# Swagger UI sets inline styles; only its page gets them
CONTENT_SECURITY_POLICY_OVERRIDES = {
    "/api/v1/docs": CONTENT_SECURITY_POLICY.replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'"
    ),
}

# the episode diary (docs/diary.md): accounts, time zone, uploads, report links, API tokens
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "diary:home"
LOGOUT_REDIRECT_URL = "guide:home"
DIARY_TIME_ZONE = os.environ.get("DIARY_TIME_ZONE", "UTC")  # a new owner's, until they pick one
DIARY_REPORT_LINK_DAYS = env_int("DIARY_REPORT_LINK_DAYS", 7)
DIARY_API_TOKEN_DAYS = env_int("DIARY_API_TOKEN_DAYS", 30)
DIARY_INVITATION_DAYS = env_int("DIARY_INVITATION_DAYS", 14)
DIARY_MAX_PHOTO_BYTES = env_int("DIARY_MAX_PHOTO_MB", 10) * 1024 * 1024
DIARY_MAX_VIDEO_BYTES = env_int("DIARY_MAX_VIDEO_MB", 50) * 1024 * 1024
DIARY_TOKEN_RATE = os.environ.get("DIARY_TOKEN_RATE", "10/m")  # POST /api/v1/token per address

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
