"""The settings the test suite runs with (pyproject: DJANGO_SETTINGS_MODULE): the service's own settings, read
from an environment given these defaults first.

Tests run with DEBUG off, as in production, but over plain HTTP and without the second factor being demanded
of every fixture user (accounts/tests switch REQUIRE_MFA on to test it).
"""

import os

for name, value in {
    "SECRET_KEY": "test-only-" + "x" * 50,
    "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_COOKIES": "0",
    "SECURE_HSTS_SECONDS": "0",
    "REQUIRE_MFA": "0",
    "WHITENOISE_USE_FINDERS": "1",
    # Pages are rendered afresh in tests (their writes never commit); leavingcare/tests/test_pagecache.py turns it on
    "PAGE_CACHE": "off",
    # One connection per request, as Django's test server expects when it drops the test database
    "DB_CONN_MAX_AGE": "0",
}.items():
    os.environ.setdefault(name, value)

from leavingcare.settings import *  # noqa: E402, F403

# Fixture users are created with passwords in almost every test: a fast hasher keeps the suite quick.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
