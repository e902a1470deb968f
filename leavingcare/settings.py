"""One settings module, driven by the environment (after healthchecks' hc/settings.py).

SQLite is the embedded default; set DATABASE_URL (postgres://...) for PostgreSQL.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


# Safe by default: DEBUG is off unless the environment turns it on (`make run` does, for the demo).
# With DEBUG off there is no fallback key and no default host: the service refuses to start without them.
DEBUG = envbool("DEBUG", "False")
SECRET_KEY = os.getenv("SECRET_KEY", "dev-only-not-secret-change-me-in-production" if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (50 or more random characters): DEBUG is off.")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated host names): DEBUG is off.")
CSRF_TRUSTED_ORIGINS = [o for o in os.getenv("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# The Django admin is off unless DJANGO_ADMIN=1: the service's own pages are how staff change records.
DJANGO_ADMIN = envbool("DJANGO_ADMIN", "False")

INSTALLED_APPS = [
    *(["django.contrib.admin"] if DJANGO_ADMIN else []),
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "rules",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "csp",
    "leavingcare",  # shared pieces: every save checked against the columns (leavingcare.validation)
    # Domain apps, one per area
    "org",
    "accounts",
    "audit",
    "people",
    "contacts",
    "worklists",
    "plans",
    "accommodation",
    "money",
    "housing",
    "performance",
    "returns",
    "corporate",
    "safeguarding",
    "health",
    "circumstances",
    "api",
    "youngapp",
    "notifications",
    "tasks",
    "casenotes",
    "documents",
    "participation",
    "surveys",
    "localoffer",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A page read (GET) and its writes (audit VIEW events, the session) commit once, on PostgreSQL
    "leavingcare.middleware.OneCommitPerRead",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.IdleTimeoutMiddleware",
    "accounts.middleware.RequireMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "leavingcare.validation.BadInputMiddleware",
    # A young person's session stays in the app (/app/): staff pages redirect there, the API refuses it
    "youngapp.middleware.YoungPersonBoundaryMiddleware",
]

ROOT_URLCONF = "leavingcare.urls"
WSGI_APPLICATION = "leavingcare.wsgi.application"

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
                "org.context_processors.authority",
                "leavingcare.navigation.navigation",
                "accounts.context_processors.session_timeout",
                "csp.context_processors.nonce",
                "notifications.context_processors.inbox",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{os.getenv('SQLITE_PATH', BASE_DIR / 'db.sqlite3')}",
        # Each worker keeps its connection (checked before reuse) rather than opening one per request
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    # A file, not memory, so tests can start a second process (an interrupted payment run) on the same data
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler spends more than a second compiling the measures' queries at national scale
    # and saves nothing on them (benchmarks/README.md); PG_JIT=on gives it back
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = f"-c jit={os.getenv('PG_JIT', 'off')}"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# Object-level permissions (accounts/policy.py) through rules, then Django's own.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "signed_out"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",  # object-level permissions: accounts/policy.py
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]

# ---------------------------------------------------------------- sign-in (django-allauth; docs/security.md)
# Staff sign in with a username and password plus a second factor, or by single sign-on with the council's
# identity provider. Nobody signs themselves up: accounts are made by the service's administrators.
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False  # signing in as someone else from a signed-in browser
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Leaving Care: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Failed sign-ins: at most 10 a minute from one address (slowed), 5 in 5 minutes for one username (a pause),
# then 15 in an hour locks that username for the rest of the hour. The same whether or not the username exists.
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.getenv("SIGN_IN_RATE_LIMITS", "10/m/ip,5/5m/key,15/1h/key"),
    "reset_password": "20/m/ip,5/m/key",
}
# Behind a proxy, the client's address for the per-address limit: how many proxies append to X-Forwarded-For
ALLAUTH_TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")
SOCIALACCOUNT_ONLY = envbool("SSO_ONLY", "False")
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # matched by our adapter, against existing staff only
# Single sign-on over OpenID Connect (Microsoft Entra ID, or any OIDC provider), entirely from the environment.
OIDC_PROVIDER_ID = os.getenv("OIDC_PROVIDER_ID", "council")
SOCIALACCOUNT_PROVIDERS: dict = {"openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": []}}
if os.getenv("OIDC_CLIENT_ID"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"].append({
        "provider_id": OIDC_PROVIDER_ID,
        "name": os.getenv("OIDC_PROVIDER_NAME", "your council account"),
        "client_id": os.getenv("OIDC_CLIENT_ID", ""),
        "secret": os.getenv("OIDC_CLIENT_SECRET", ""),
        "settings": {
            "server_url": os.getenv("OIDC_SERVER_URL", ""),
            "scope": ["openid", "profile", "email"],
            **({"token_auth_method": os.getenv("OIDC_TOKEN_AUTH_METHOD")} if os.getenv("OIDC_TOKEN_AUTH_METHOD")
               else {}),
        },
    })
# Second factor for local accounts: authenticator app (TOTP), passkeys/security keys, recovery codes.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = os.getenv("MFA_TOTP_ISSUER", "Leaving Care")
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Every local staff account must have a second factor before it can do anything else (not for single sign-on:
# the identity provider asks for its own).
REQUIRE_MFA = envbool("REQUIRE_MFA", "False" if DEBUG else "True")

# Sessions end after SESSION_IDLE_MINUTES without a request (warned two minutes before), and after
# SESSION_COOKIE_AGE whatever happens. Plan drafts survive a timeout in the browser; sign-out clears them.
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", "30")
SESSION_WARNING_SECONDS = envint("SESSION_WARNING_SECONDS", "120")
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(60 * 60 * 8))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True

EMAIL_BACKEND = os.getenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "leaving-care@localhost")
EMAIL_HOST = os.getenv("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "False")

# Rate limits live in the cache: one process by default; CACHE=database shares them between workers
# (run `manage.py createcachetable` once).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
          # Rendered staff pages, kept per session in each worker's own memory (leavingcare.pagecache)
          "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages",
                    "OPTIONS": {"MAX_ENTRIES": envint("PAGE_CACHE_ENTRIES", "500")}}}
PAGE_CACHE = os.getenv("PAGE_CACHE", "on").lower() not in ("off", "0", "false", "no")
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", "300")
if os.getenv("CACHE") == "database":
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "leavingcare_cache"}

# ---------------------------------------------------------------- transport and browser security
# With DEBUG off: HTTPS only (a TLS proxy in front names its header with SECURE_PROXY_HEADER, e.g.
# HTTP_X_FORWARDED_PROTO), secure cookies, a year of HSTS. Tests turn SECURE_SSL_REDIRECT off (pyproject).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "False" if DEBUG else "True")
if os.getenv("SECURE_PROXY_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.getenv("SECURE_PROXY_HEADER", ""), os.getenv("SECURE_PROXY_HEADER_VALUE", "https"))
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "False" if DEBUG else "True")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0" if DEBUG else str(60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "True")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "True")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: scripts only from this site (no inline script anywhere: templates load static files).
# Inline style attributes stay allowed (the dashboard's chart keys and htmx's indicator style).
_oidc_origin = ["/".join(os.getenv("OIDC_SERVER_URL", "").split("/")[:3])] if os.getenv("OIDC_SERVER_URL") else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        # A sign-in form redirects to the identity provider: form-action must allow its origin
        "form-action": ["'self'", *_oidc_origin, *envlist("CSP_FORM_ACTION")],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "leavingcare.validation.api_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Leaving Care API",
    "DESCRIPTION": "Records of care leavers, scoped by the caller's role and caseload. Every read is audit-logged.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # every operation documents its error answers (400 keyed by field, 401, 403, 404, ...)
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_error_responses"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "leavingcare.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler"},
                 "json": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
    # One JSON line per request (leavingcare.logs.RequestLogMiddleware) and per scheduled job: no personal data
    "loggers": {name: {"handlers": ["json"], "level": os.getenv("LOG_LEVEL_SERVICE", "INFO"), "propagate": False}
                for name in ("leavingcare.requests", "leavingcare.jobs", "leavingcare.health")},
}
# Scheduled work (leavingcare.jobs): Django's tasks framework, its queue in the service's own database
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The request log is the outermost middleware, so its duration covers the whole request
MIDDLEWARE.insert(0, "leavingcare.logs.RequestLogMiddleware")

# Serve static files from the app folders without collectstatic in development and tests.
WHITENOISE_USE_FINDERS = DEBUG or envbool("WHITENOISE_USE_FINDERS", "False")
WHITENOISE_AUTOREFRESH = DEBUG
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# The young person's app (youngapp): GOV.UK Notify sends codes and "you have a message" notices when a key is
# set; otherwise they go to the local outbox (manage.py outbox). Templates: see youngapp/notify.py.
NOTIFY_API_KEY = os.getenv("NOTIFY_API_KEY", "")
NOTIFY_EMAIL_TEMPLATE_ID = os.getenv("NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_SMS_TEMPLATE_ID = os.getenv("NOTIFY_SMS_TEMPLATE_ID", "")
APP_BASE_URL = os.getenv("APP_BASE_URL", "http://127.0.0.1:8000")
# Notifications (notifications/send.py): emails go through GOV.UK Notify only when both are set; otherwise they
# stay in the local outbox (notifications.OutboxEmail). An email never carries personal details.
NOTIFY_TEMPLATE_ID = os.getenv("NOTIFY_TEMPLATE_ID", "")
SITE_URL = os.getenv("SITE_URL", "")

# Documents (documents/storage.py): kept outside the web root and served only through documents.views, which
# checks the viewer and logs every download. Local disk by default; S3-compatible storage when
# DOCUMENTS_S3_BUCKET is set (django-storages; AWS_S3_ENDPOINT_URL etc. from the environment).
DOCUMENTS_ROOT = Path(os.getenv("DOCUMENTS_ROOT", BASE_DIR / "private-documents"))
DOCUMENT_MAX_BYTES = envint("DOCUMENT_MAX_BYTES", str(10 * 1024 * 1024))
_documents_storage: dict = {"BACKEND": "django.core.files.storage.FileSystemStorage",
                            "OPTIONS": {"location": DOCUMENTS_ROOT, "base_url": None}}
if os.getenv("DOCUMENTS_S3_BUCKET"):
    _documents_storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": os.getenv("DOCUMENTS_S3_BUCKET"), "endpoint_url": os.getenv("AWS_S3_ENDPOINT_URL") or None,
        "default_acl": "private", "querystring_auth": True, "file_overwrite": False}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "documents": _documents_storage,
}
