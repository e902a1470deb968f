"""Safe by default: DEBUG off unless set, no start without a key and hosts, `check --deploy` clean with only those
and a database, a Content-Security-Policy that no page breaks, styled error pages, the Django admin off."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

ROOT = Path(__file__).resolve().parent.parent.parent
PRODUCTION = {"SECRET_KEY": "k3J9!vQx7@pLm2#Zr8Tw$Ye4%Ua6^Ib1&Oc5*Nd0(Hf)Gg_Sj+Kl=Mn-Bv",
              "ALLOWED_HOSTS": "care.example.gov.uk", "DATABASE_URL": "sqlite:////tmp/lc-deploy-check.sqlite3"}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=180)


def test_check_deploy_is_clean_with_only_key_hosts_and_database():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_without_debug_the_service_refuses_to_start_without(missing):
    result = manage("check", env={k: v for k, v in PRODUCTION.items() if k != missing})
    assert result.returncode != 0 and "ImproperlyConfigured" in result.stderr and missing in result.stderr


def test_debug_is_off_unless_set(settings):
    assert settings.DEBUG is False
    assert "DEBUG ?= 1" in (ROOT / "Makefile").read_text()


def test_responses_carry_the_security_headers(client, db):
    response = client.get("/sign-in/")
    csp = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)
    assert "'self'" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


TEMPLATE_DIRS = [p for p in ROOT.glob("**/templates") if ".venv" not in p.parts and "node_modules" not in p.parts]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
EVENT_ATTRIBUTE = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize("template", sorted(str(t.relative_to(ROOT)) for d in TEMPLATE_DIRS for t in d.rglob("*.html")))
def test_no_template_has_inline_script(template):
    text = (ROOT / template).read_text()
    assert not INLINE_SCRIPT.search(text), "inline <script>: move it to a static file"
    assert not EVENT_ATTRIBUTE.search(text), "on...= attribute: use a data- attribute and static/init.js"
    assert "javascript:" not in text


def test_the_django_admin_is_off(client, staff, settings):
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
    assert client.get("/django-admin/").status_code == 404


def test_administrators_start_on_a_page_that_exists(client, staff):
    client.force_login(staff["admin"])
    response = client.get("/", follow=True)
    assert response.status_code == 200 and "Administration" in response.content.decode()
    client.force_login(staff["pa_north"])
    assert client.get("/administration/").status_code == 403


def test_404_and_403_are_styled(client, staff):
    client.force_login(staff["pa_north"])
    page = client.get("/no-such-page/")
    assert page.status_code == 404
    assert "Page not found" in page.content.decode() and "govuk-footer" in page.content.decode()
    page = client.get("/administration/")
    assert "You cannot see this page" in page.content.decode() and "govuk-footer" in page.content.decode()


def test_500_needs_no_request_context(db):
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body and "govuk-frontend.min.css" in body
