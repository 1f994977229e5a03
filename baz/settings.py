"""Settings for the BAZ platform: one module, driven by the environment, loud on bad values.

Every value that differs between a laptop and production comes from an environment variable.
A malformed value raises ImproperlyConfigured at start-up instead of misbehaving later.
"""

import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """Translate DATABASE_URL (sqlite:///path or postgres://user:pw@host:port/name)."""
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        if not path:
            raise ImproperlyConfigured("DATABASE_URL sqlite:/// needs a file path.")
        # IMMEDIATE: a writing transaction takes SQLite's write lock when it begins, so two
        # requests at once are serialised as SELECT ... FOR UPDATE does on PostgreSQL (and
        # wait up to 20 s for each other instead of failing with "database is locked").
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path,
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    if parts.scheme in {"postgres", "postgresql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL must name a database: postgres://…/NAME.")
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL must start with sqlite:// or postgres://, got {parts.scheme!r}."
    )


# Without a SECRET_KEY this is a developer's machine: DEBUG defaults to on (localhost only, a
# development key). Every deployment sets SECRET_KEY, and there DEBUG defaults to off.
DEBUG = env_bool("DEBUG", not os.environ.get("SECRET_KEY"))
# Under pytest the suite supplies its own safe values (pytest-django imports settings early).
TESTING = "pytest" in sys.modules or env_bool("BAZ_TESTING", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "onveilige-ontwikkelsleutel-enkel-voor-lokaal-gebruik-" + "x" * 20
elif len(SECRET_KEY) < 50 and not DEBUG:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not ALLOWED_HOSTS and not TESTING:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The public address of the site, used in e-mails, feeds and the sitemap.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"SITE_URL must start with http:// or https://, got {SITE_URL!r}.")

INSTALLED_APPS = [
    "baz.apps.BazAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "taggit",
    "django_filters",
    "baz.pakketten.TakenConfig",  # django_tasks_db, with Dutch names
    "django_otp",
    "baz.pakketten.OtpTotpConfig",  # django_otp.plugins.otp_totp, with Dutch names
    "baz",
    "inspiraties",
    "workshops",
    "netwerken",
    "jaarcijfers",
    "inspiratiemateriaal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "baz.middleware.GeenNulBytes",
    "baz.privaat.PriveVoorLeden",
    "baz.middleware.FoutpaginaInHetNederlands",
]

ROOT_URLCONF = "baz.urls"
WSGI_APPLICATION = "baz.wsgi.application"

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
                "django.template.context_processors.csp",
                "baz.context_processors.site",
                "netwerken.mijn_netwerken.in_kop",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory by default; Redis when REDIS_URL is set, so that several app servers share one
# cache (pages, facets). The cache only spares work: an unreachable Redis is a cache miss, never
# a 500 (baz/cache.py), with short timeouts and a pause of REDIS_PAUZE seconds before it tries
# again. Sessions, rate limits and the login cool-off live in the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"REDIS_URL must start with redis://, got {REDIS_URL!r}.")
    _redis_timeout_ms = env_int("REDIS_TIMEOUT_MS", 500)
    if not 1 <= _redis_timeout_ms <= 10_000:
        raise ImproperlyConfigured(
            f"REDIS_TIMEOUT_MS must be between 1 and 10000 (milliseconds), got {_redis_timeout_ms}."
        )
    _redis_pauze = env_int("REDIS_PAUZE", 30)
    if not 1 <= _redis_pauze <= 3600:
        raise ImproperlyConfigured(
            f"REDIS_PAUZE must be between 1 and 3600 (seconds), got {_redis_pauze}."
        )
    CACHES = {
        "default": {
            "BACKEND": "baz.cache.ZachteRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "baz"),
            "OPTIONS": {
                "socket_connect_timeout": _redis_timeout_ms / 1000,
                "socket_timeout": _redis_timeout_ms / 1000,
                "pauze": _redis_pauze,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's ModelBackend with a cool-off after repeated failed logins (baz/aanmelden.py).
AUTHENTICATION_BACKENDS = ["baz.aanmelden.AfgeremdeModelBackend"]
# Rate limits (baz/ratelimiet.py), counted in the database: {name: (limit, window in seconds)}.
# Per address for the forms; for the login per username and per address, the window running
# from the latest attempt (the cool-off).
RATELIMIETEN = {
    "aanvraag": (30, 600),  # workshop request form
    "aanvraag_bericht": (20, 3600),  # what a requester adds through their personal link
    "inschrijving": (30, 600),  # sign-up for a workshop session
    "interesse": (5, 3600),  # interest in a lerend netwerk
    "casus_reactie": (30, 3600),  # a member's reply to a case (netwerken)
    "tip": (10, 3600),  # tip een inspiratie (inspiraties/tips.py)
    "jaarcijfers_pdf": (30, 600),  # /in-cijfers/<jaar>/pdf/ (jaarcijfers/views.py)
    "wachtwoord": (5, 3600),  # password reset
    "tweestaps": (20, 600),  # second-factor codes
    "aanmelden_account": (5, 15 * 60),
    "aanmelden_ip": (20, 15 * 60),
}
# Themes (taggit): "soep", "Soep" and "SOEP" are one theme.
TAGGIT_CASE_INSENSITIVE = True
LOGIN_URL = "login"
# Staff pass a second factor (an authenticator app) before the admin opens (baz.tweestaps).
# On by default in production; `check --deploy` warns when it is off there.
BEHEER_TWEESTAPS = env_bool("BEHEER_TWEESTAPS", not DEBUG)
OTP_TOTP_ISSUER = "BurgersAanZet"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The erasure log (baz/persoonsgegevens/wislog.py) is a file, not a table, on purpose: restoring
# an older database backup must not take it back in time. Back it up apart from the database; with
# several app servers, put it on storage they share.
WISLOG_PAD = Path(os.environ.get("WISLOG_PAD") or BASE_DIR / "var" / "wislog.jsonl")
if WISLOG_PAD.is_dir():
    raise ImproperlyConfigured(f"WISLOG_PAD must be a file, not a directory: {WISLOG_PAD}.")
# An image staff chose in a form that came back with an error, kept until the next submit
# (baz/beheerformulieren/afbeelding.py): the raw upload, EXIF and GPS still in it, so in a
# folder nothing serves. With several app servers, on storage they share.
BEWAARDE_UPLOADS_MAP = Path(
    os.environ.get("BEWAARDE_UPLOADS_MAP") or BASE_DIR / "var" / "bewaarde-uploads"
)
if not BEWAARDE_UPLOADS_MAP.is_absolute():
    raise ImproperlyConfigured(
        f"BEWAARDE_UPLOADS_MAP must be an absolute path, got {str(BEWAARDE_UPLOADS_MAP)!r}."
    )
if BEWAARDE_UPLOADS_MAP.exists() and not BEWAARDE_UPLOADS_MAP.is_dir():
    raise ImproperlyConfigured(
        f"BEWAARDE_UPLOADS_MAP must be a directory, not a file: {BEWAARDE_UPLOADS_MAP}."
    )
for _publiek in [MEDIA_ROOT, STATIC_ROOT, *STATICFILES_DIRS]:
    if BEWAARDE_UPLOADS_MAP.resolve().is_relative_to(Path(_publiek).resolve()):
        raise ImproperlyConfigured(
            f"BEWAARDE_UPLOADS_MAP must not be inside {_publiek}, which is served publicly: "
            f"{BEWAARDE_UPLOADS_MAP}."
        )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded images on S3-compatible object storage when S3_BUCKET is set (several app servers
# then share them); on the local disk (MEDIA_ROOT) otherwise.
S3_BUCKET = os.environ.get("S3_BUCKET", "")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY", ""),
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    if not (os.environ.get("S3_ACCESS_KEY_ID") and os.environ.get("S3_SECRET_ACCESS_KEY")):
        raise ImproperlyConfigured("S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.")
# Uploads bigger than this are refused before they reach a form (bytes).
DATA_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Public forms: a submit sooner than this many seconds after loading is a bot (baz.spamwering).
FORMULIER_MIN_INVULTIJD = 3

# The page cache for anonymous visitors (baz.paginacache): at most this many pages stored per
# view in each stretch of the entries' lifetime, so a flood of query strings cannot fill Redis.
PAGINACACHE_MAX_PER_VIEW = env_int("PAGINACACHE_MAX_PER_VIEW", 500)

# /healthz names the mail as degraded when the oldest waiting mail is older than this many
# seconds, or when more mails than this have failed for good.
HEALTHZ_MAIL_MAX_WACHTTIJD = env_int("HEALTHZ_MAIL_MAX_WACHTTIJD", 15 * 60)
HEALTHZ_MAIL_MAX_MISLUKT = env_int("HEALTHZ_MAIL_MAX_MISLUKT", 0)
for _naam in ("PAGINACACHE_MAX_PER_VIEW", "HEALTHZ_MAIL_MAX_WACHTTIJD", "HEALTHZ_MAIL_MAX_MISLUKT"):
    if globals()[_naam] < 0:
        raise ImproperlyConfigured(f"{_naam} must be 0 or more, got {globals()[_naam]}.")

# Mail (Django 6.1 MAILERS). Development prints mails on the console; production sends SMTP.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "BurgersAanZet <info@burgersaanzet.be>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
STAFF_NOTIFICATION_EMAIL = os.environ.get("STAFF_NOTIFICATION_EMAIL", "info@burgersaanzet.be")
SECURITY_CONTACT_EMAIL = os.environ.get("SECURITY_CONTACT_EMAIL", "security@burgersaanzet.be")
_mail_backend = os.environ.get("EMAIL_BACKEND_KIND", "console" if DEBUG else "smtp")
if _mail_backend == "smtp":
    if not os.environ.get("EMAIL_HOST") and not (DEBUG or TESTING):
        raise ImproperlyConfigured("EMAIL_HOST must be set for the SMTP mail backend.")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 587),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                # Only the worker waits on this (no request talks to SMTP); it bounds how long a
                # hanging relay holds it, and must stay well below MAIL_CLAIM_SECONDEN.
                "timeout": env_int("EMAIL_TIMEOUT", 20),
            },
        }
    }
elif _mail_backend == "console":
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
elif _mail_backend == "file":
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": os.environ.get("EMAIL_FILE_PATH", BASE_DIR / "mails")},
        }
    }
else:
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND_KIND must be smtp, console or file, got {_mail_backend!r}."
    )

# The outbox (baz/mail.py). A mail claimed by a worker that died is claimed again after
# MAIL_CLAIM_SECONDEN; `manage.py worker` looks for due mails every MAIL_NALOOP_SECONDEN; after a
# failed attempt the next one waits MAIL_WACHTTIJDEN[n] seconds; after MAIL_MAX_POGINGEN it is
# 'mislukt' (visible in the admin, where staff can try again).
MAIL_CLAIM_SECONDEN = env_int("MAIL_CLAIM_SECONDEN", 300)
MAIL_NALOOP_SECONDEN = env_int("MAIL_NALOOP_SECONDEN", 60)
MAIL_MAX_POGINGEN = env_int("MAIL_MAX_POGINGEN", 8)
try:
    MAIL_WACHTTIJDEN = [
        int(s)
        for s in os.environ.get("MAIL_WACHTTIJDEN", "60,300,900,1800,3600,7200,14400").split(",")
    ]
except ValueError:
    raise ImproperlyConfigured("MAIL_WACHTTIJDEN must be seconds separated by commas.") from None
if not MAIL_WACHTTIJDEN or min(MAIL_WACHTTIJDEN) < 0:
    raise ImproperlyConfigured("MAIL_WACHTTIJDEN needs at least one non-negative number.")
if 2 * (MAILERS["default"].get("OPTIONS", {}).get("timeout") or 0) >= MAIL_CLAIM_SECONDEN:
    raise ImproperlyConfigured("MAIL_CLAIM_SECONDEN must be more than twice EMAIL_TIMEOUT.")
if MAIL_NALOOP_SECONDEN <= 0:
    raise ImproperlyConfigured("MAIL_NALOOP_SECONDEN must be positive.")

# Workshop requests: BAZ promises an answer within this many days (the form, the confirmation
# mail and the staff start page all say it).
AANVRAAG_ANTWOORDTERMIJN_DAGEN = env_int("AANVRAAG_ANTWOORDTERMIJN_DAGEN", 14)
if AANVRAAG_ANTWOORDTERMIJN_DAGEN < 1:
    raise ImproperlyConfigured("AANVRAAG_ANTWOORDTERMIJN_DAGEN must be at least 1.")

# Workshop sessions: confirmed participants get a reminder this many days before, at the same
# time of day on the Brussels clock (workshops/periodiek.py).
HERINNERING_DAGEN = env_int("HERINNERING_DAGEN", 2)
if not 1 <= HERINNERING_DAGEN <= 30:
    raise ImproperlyConfigured("HERINNERING_DAGEN must be between 1 and 30.")

# Work outside the request (mails) goes through django.tasks. Production queues tasks in the
# database and a separate worker process runs them (`manage.py db_worker`); development and
# tests run them at once.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate" if DEBUG or TESTING else "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be database or immediate, got {TASKS_BACKEND!r}."
    )

# Security. Production values are the defaults; DEBUG relaxes only what needs HTTPS.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "media-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
if S3_BUCKET:  # images and videos come from the bucket's public address
    for _bron in ("img-src", "media-src"):
        SECURE_CSP[_bron].append(
            "https://" + os.environ["S3_CUSTOM_DOMAIN"]
            if os.environ.get("S3_CUSTOM_DOMAIN")
            else os.environ.get("S3_ENDPOINT_URL") or f"https://{S3_BUCKET}.s3.amazonaws.com"
        )
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "baz.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No script of ours reads the CSRF cookie (forms carry the token), so scripts may not either.
CSRF_COOKIE_HTTPONLY = True
HTTPS = env_bool("HTTPS", not DEBUG and not TESTING)
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint logs every step of every PDF at INFO; its warnings are what matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
