"""Issue 13: no link or button leads to a refusal, for the findings named in the issue; a refusal is the styled
page, not a bare "403 Forbidden". (test_route_policy walks every route as every role; these are the named cases.)"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from money.models import PaymentRun
from people.tests.factories import young_person
from plans import actions


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith("/static/"):
            self.hrefs.append(href.split("#")[0])


def links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def test_plan_quality_audits_only_for_those_it_opens_for(client, staff):
    for who in ("pa_north", "finance"):
        client.force_login(staff[who])
        page = client.get("/plans/").content.decode()
        assert "Plan quality audits" not in page, who
        refused = client.get("/plans/quality/")
        assert refused.status_code in (403, 404), who
    client.force_login(staff["tm_north"])
    page = client.get("/plans/").content.decode()
    assert "Plan quality audits" in page and client.get("/plans/quality/").status_code == 200


def test_finance_export_only_for_finance(client, staff):
    run = PaymentRun.objects.create(period_ending=dt.date(2025, 6, 13))
    client.force_login(staff["pa_north"])
    page = client.get("/money/").content.decode()
    assert "finance export (CSV)" not in page and f"/money/runs/{run.pk}/export.csv" not in page
    assert client.get(f"/money/runs/{run.pk}/export.csv").status_code == 403
    client.force_login(staff["finance"])
    assert f"/money/runs/{run.pk}/export.csv" in client.get("/money/").content.decode()


def test_no_green_sign_off_for_a_personal_adviser(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    client.force_login(staff["pa_north"])
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert not re.search(r">\s*Sign off\s*<", page) and "/sign-off/" not in page


def test_the_analysts_returns_page_lists_only_what_it_gives(client, staff):
    client.force_login(staff["analyst"])
    page = client.get("/returns/").content.decode()
    assert "Managers download it" in page  # Annex A holds names: said, not offered
    for href in links(page):
        if href.startswith("/returns/"):
            assert client.get(href).status_code == 200, href


def test_a_refusal_is_the_styled_page_saying_why(client, staff):
    client.force_login(staff["pa_north"])
    refused = client.get("/plans/quality/")
    html = refused.content.decode()
    assert refused.status_code == 403 and "govuk-template" in html and "403 Forbidden" not in html
    assert "<h1" in html
