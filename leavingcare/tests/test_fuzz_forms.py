"""Every HTML form, fuzzed with Hypothesis: no server error, and a refused post saves nothing.

The pages are found by walking the URL resolver (every route outside the API and the Django admin), filling each
route's ids from one small world (a young person in the manager's team with a contact, an episode of care, a
plan with an action, a money request and a payment run). Each page is fetched as that team's manager; every
``<form method="post">`` on it (and the htmx ``hx-post`` of a form, such as the plan's autosave) is posted with
Hypothesis-chosen values for each of its fields: the page's own values and options mixed with NUL characters,
very long text, unicode, 1e9, negative and non-numeric numbers and spreadsheet formulas.

Bounded so the file runs in well under a minute: a handful of examples per form, derandomized (the same
examples on every run), no deadline, no example database.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contacts.actions import record_contact
from money import actions as money_actions
from money.models import Entitlement, PaymentRun
from money.presets import load_catalogue
from people.models import CareEpisode
from people.tests.factories import young_person
from plans import actions as plan_actions

pytestmark = pytest.mark.django_db

# allauth's own pages (sign-in, MFA, single sign-on) are tested in accounts/tests
SKIP_PREFIXES = ("api:", "admin:", "account_", "mfa_", "openid_connect", "socialaccount_", "accounts:set_password")
SKIP = {"logout", "healthz", "plans:pdf"}  # the PDF has no form (and takes seconds to draw)
EXAMPLES = 8

NASTY = ["", " ", "\x00", "a\x00b", "x" * 5000, "é" * 400, "😀" * 70, "1e9", "1e999", "-1", "-0.01", "0",
         "999999999999999999999", "NaN", "abc", "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "2024", "31", "13",
         "1900", "00:00", "25:99", "<script>alert(1)</script>", "' OR 1=1 --", "\r\n", "\t"]


def routes() -> list[tuple[str, list[str]]]:
    """(route name, its URL keyword names) for every named route outside the API and the admin."""
    found: list[tuple[str, list[str]]] = []

    def walk(patterns: list[Any], namespace: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{namespace}{p.namespace}:" if p.namespace else namespace)
            elif isinstance(p, URLPattern) and p.name:
                name = f"{namespace}{p.name}"
                if name in SKIP or name.startswith(SKIP_PREFIXES):
                    continue
                found.append((name, list(p.pattern.converters)))

    walk(get_resolver().url_patterns, "")
    return sorted(set((n, tuple(k)) for n, k in found))  # type: ignore[arg-type]


# ids for each URL keyword; "pk" is the young person's unless the route is one of the plan's
PLAN_ROUTES = {"plans:edit", "plans:autosave", "plans:add_action", "plans:complete_action", "plans:lifecycle",
               "plans:compare", "plans:pdf"}


@pytest.fixture
def world(staff: dict[str, Any], teams: dict[str, Any]) -> dict[str, Any]:
    load_catalogue()
    pa, manager = staff["pa_north"], staff["tm_north"]
    yp = young_person(teams["north"], pa=pa, dob=dt.date(2006, 5, 1))
    contact, _ = record_contact(pa, yp, {"occurred_at": dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
                                         "kind": "home_visit", "made_by": "pa", "successful": True,
                                         "reason_unsuccessful": "", "seen_alone": True, "note": "Fine"})
    plan = plan_actions.start_plan(pa, yp)
    area = plan.areas.first()
    act = plan_actions.add_action(pa, area, "Open a bank account", "Alex", dt.date.today() + dt.timedelta(days=30))
    req = money_actions.raise_request(pa, yp, Entitlement.objects.get(code="SUHA"), "100.00", "A bed")
    run = PaymentRun.objects.create(period_ending=dt.date.today())
    ids = {"pk": yp.pk, "contact_pk": contact.pk, "episode_pk": CareEpisode.objects.filter(young_person=yp).first().pk,
           "area_pk": area.pk, "action_pk": act.pk, "request_pk": req.pk, "run_pk": run.pk,
           "year": dt.date.today().year}
    client = Client(raise_request_exception=True)
    client.force_login(manager)
    return {"ids": ids, "plan": plan, "client": client}


def url_for(name: str, keywords: tuple[str, ...], world: dict[str, Any]) -> str:
    ids = dict(world["ids"])
    if name in PLAN_ROUTES:
        ids["pk"] = world["plan"].pk
    unknown = [k for k in keywords if k not in ids]
    assert not unknown, f"teach the form fuzzer an id for {unknown} (route {name})"
    return reverse(name, kwargs={k: ids[k] for k in keywords})


class Forms(HTMLParser):
    """The post forms of a page: action, htmx post URL and fields (name -> values offered by the page)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self.current = {"action": a.get("action", ""), "hx_post": a.get("hx-post"), "fields": {}}
            self.forms.append(self.current)
        if self.current is None:
            return
        fields = self.current["fields"]
        name = a.get("name")
        if tag == "input" and name and name != "csrfmiddlewaretoken":
            fields.setdefault(name, []).append(a.get("value", "on" if a.get("type") == "checkbox" else ""))
        elif tag == "textarea" and name:
            fields.setdefault(name, [])
            self.textarea = name
        elif tag == "select" and name:
            fields.setdefault(name, [])
            self.select = name
        elif tag == "option" and self.select:
            fields[self.select].append(a.get("value", ""))
        elif tag == "button" and name:
            fields.setdefault(name, []).append(a.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self.current is not None and self.textarea:
            self.current["fields"][self.textarea].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None


COUNTED = [m for m in apps.get_models() if m._meta.app_label not in {"audit", "sessions", "admin", "worklists"}]


def counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in COUNTED}


def value(offered: list[str]) -> st.SearchStrategy[str]:
    own = [v for v in offered if v is not None]
    choices = [st.sampled_from(NASTY), st.text(max_size=30)]
    if own:
        choices.insert(0, st.sampled_from(own))
    return st.one_of(*choices)


# The ids this fuzzer builds records for. Routes that name other kinds of record (a housing offer, a document, a
# homelessness episode, a health or circumstances form by kind, the young person's app) are fuzzed by their own
# apps' bad-input tests, not here.
KNOWN = {"pk", "contact_pk", "episode_pk", "area_pk", "action_pk", "request_pk", "run_pk", "year"}
# Open Referral UK is a read-only JSON API with no forms; its own tests send it bad filters (localoffer/tests)
ROUTES = [(name, keywords) for name, keywords in routes() if set(keywords) <= KNOWN
          and not name.startswith("openreferral:")
          and not (name.startswith(("housing:", "safeguarding:", "circumstances:", "health:", "documents:", "tasks:",
                                    "corporate:", "youngapp:", "notifications:")) and "pk" in keywords)]


def test_the_walk_finds_the_form_pages() -> None:
    names = {n for n, _ in ROUTES}
    for expected in ("people:create", "people:edit", "contacts:add", "plans:edit", "money:request",
                     "accommodation:move", "people:allocate"):
        assert expected in names


@pytest.mark.parametrize("name, keywords", ROUTES, ids=[n for n, _ in ROUTES])
def test_every_form_survives_bad_input(name: str, keywords: tuple[str, ...], world: dict[str, Any]) -> None:
    client: Client = world["client"]
    url = url_for(name, keywords, world)
    page = client.get(url)
    assert page.status_code < 500
    if page.status_code != 200 or not page.get("Content-Type", "").startswith("text/html"):
        return
    parser = Forms()
    parser.feed(page.content.decode())
    targets = []
    for form in parser.forms:
        if not form["fields"] or form["action"].endswith(reverse("logout")):
            continue
        targets.append((urljoin(url, form["action"] or url), form["fields"]))
        if form["hx_post"]:
            targets.append((form["hx_post"], form["fields"]))
    if not targets:
        return

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large])
    @given(st.data())
    def post_bad_input(data: st.DataObject) -> None:
        target, fields = data.draw(st.sampled_from(targets), label="form")
        # mostly what the page offers (so the form gets past its other checks), with one or two fields bad
        payload = {k: data.draw(st.sampled_from(v) if v else st.just(""), label=k) for k, v in fields.items()}
        for name in data.draw(st.lists(st.sampled_from(sorted(fields)), min_size=1, max_size=2, unique=True),
                              label="bad fields"):
            payload[name] = data.draw(value(fields[name]), label=f"bad {name}")
        before = counts()
        response = client.post(target, payload)
        assert response.status_code < 500, (target, payload)
        if response.status_code in (301, 302, 303):  # accepted: the page it leads to still works with what was kept
            assert client.get(response["Location"]).status_code < 500, (target, payload)
        else:  # refused (or shown again): nothing may have been kept
            changed = {k: (before[k], n) for k, n in counts().items() if n != before[k]}
            allowed = {"plans.PlanDraft"} if target.endswith("/autosave/") and response.status_code == 200 else set()
            assert set(changed) <= allowed, (target, payload, changed)

    post_bad_input()
