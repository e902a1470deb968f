"""Every URL route × every role × GET and POST, against a record in scope and one out of it, compared with the policy.

The routes are read from the URL resolver, so a new page or API endpoint is covered without anyone writing its
test; a route that declares no policy fails here until it does (or is listed below as open, with a reason).
For each answer the test also checks that a refusal wrote nothing, and that a page that opened offers no link or
form that would be refused.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone

from accounts.models import User
from audit.models import Action, AuditEvent
from leavingcare import access
from leavingcare.access import policy_of
from people.scope import young_people_for
from people.tests.helpers import allocate_now, make_yp

pytestmark = pytest.mark.django_db

# Routes open to anyone or to every signed-in person, and why.
OPEN = {
    "": "the start page sends each role to its own first page",
    "healthz": "the load balancer's health check",
    "api/v1/openapi.json": "the published API description",
    "api/v1/me/": "who a token belongs to, for every role",
}
# Sign-in and the signed-in person's own account (allauth, accounts/views.py), and the young person's app, which
# has its own sign-in and its own route test (youngapp/tests/test_routes.py)
OPEN_PREFIXES = ("sign-in/", "sign-out/", "signed-out/", "session/", "account/", "django-admin/", "static/", "app/",
                 "openreferral/")


def walk(patterns: list[Any], prefix: str = "") -> list[tuple[str, Any]]:
    found = []
    for p in patterns:
        if isinstance(p, URLResolver):
            found += walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            found.append((prefix + str(p.pattern), p.callback))
    return found


ROUTES = sorted({route: view for route, view in walk(get_resolver().url_patterns)}.items())
STAFF_ROUTES = [(r, v) for r, v in ROUTES if r not in OPEN and not r.startswith(OPEN_PREFIXES)]


def test_every_route_declares_its_policy() -> None:
    missing = [route for route, view in STAFF_ROUTES if policy_of(view) is None]
    assert not missing, f"Routes with no declared policy (use leavingcare.access.rule or a Policy): {missing}"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and (a.get("href") or "").startswith("/"):
            self.found.append(("GET", a["href"] or ""))
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self.found.append(("POST", a.get("action") or ""))


UNKNOWN = 987654321


def build(team: Any, staff: dict[str, User], pa: User, sw: User) -> dict[str, Any]:
    """A young person with something of every kind a route can name."""
    from contacts.models import Contact
    from money.models import Entitlement, Payment, PaymentRequest, PaymentRun
    from plans.models import PathwayPlan, PlanAction, PlanArea

    yp = make_yp(age=19, team=team)
    allocate_now(yp, pa)
    allocate_now(yp, sw, role="sw")
    now = timezone.now()
    contact = Contact.objects.create(young_person=yp, occurred_at=now - dt.timedelta(days=3), kind="visit",
                                     made_by="pa", worker=pa, created_by=pa)
    plan = PathwayPlan.objects.create(young_person=yp, status="draft", started_on=timezone.localdate(), author=pa)
    area = PlanArea.objects.create(plan=plan, area="accommodation")
    action = PlanAction.objects.create(area=area, what="Find a flat", who="PA", by_when=timezone.localdate())
    entitlement, _ = Entitlement.objects.get_or_create(code="CLOTH", defaults={
        "name": "Clothing", "budget_code": "LC-CL", "active": True, "frequency": "one_off"})
    req = PaymentRequest.objects.create(young_person=yp, entitlement=entitlement, amount="50.00", reason="Coat",
                                        requested_by=pa)
    run, _ = PaymentRun.objects.get_or_create(period_ending=timezone.localdate())
    Payment.objects.create(young_person=yp, entitlement=entitlement, amount="10.00", paid_on=timezone.localdate(),
                           period_key=f"t-{yp.pk}", run=run, team=team, budget_code="LC-CL")
    return {"yp": yp, "plan": plan, "area": area, "action": action, "contact": contact,
            "episode": yp.care_episodes.first(), "request": req, "run": run}


def fill(route: str, world: dict[str, Any], policy: Any) -> str:
    # <pk> is whatever the view's loader says it is: a young person, a plan, or (no loader) a kind not built here
    pk = {access.young_person: world["yp"].pk, access.plan: world["plan"].pk}.get(policy.of, UNKNOWN)
    values = {"pk": pk, "area_pk": world["area"].pk,
              "action_pk": world["action"].pk,
              "episode_pk": world["episode"].pk if route.startswith("young-people/") else UNKNOWN,
              "contact_pk": world["contact"].pk, "request_pk": world["request"].pk, "run_pk": world["run"].pk,
              "year": 2026}

    def one(m: re.Match[str]) -> str:
        # A kind of record this test does not build: an id that names nothing, which every role must be refused
        return str(values.get(m.group(2), UNKNOWN))

    path = re.sub(r"<(?:(\w+):)?(\w+)>", one, route)
    return "/" + path.replace("^", "").replace("$", "")


def expected(user: User, policy: Any, method: str, world: dict[str, Any], url: str) -> bool:
    """The policy's own answer, worked out without the view: in scope (people.scope) and has_perm."""
    if str(UNKNOWN) in url:
        return False  # nothing by that id: a 404 (or a refusal) for everyone
    permission = policy.permission(method)
    if permission is None:
        return False
    obj = None
    if policy.of is not None:
        known = {access.young_person: world["yp"], access.plan: world["plan"],
                 access.payment_request: world["request"]}
        if policy.of not in known:  # another app's loader: ask it, as the request would
            request = RequestFactory().get("/")
            request.user = user
            try:
                obj = policy.of(request, resolve(url).kwargs)
            except Http404:
                return False
            return bool(user.has_perm(permission, obj))
        obj = known[policy.of]
        if not young_people_for(user).filter(pk=world["yp"].pk).exists():
            return False
    return bool(user.has_perm(permission, obj))


@pytest.mark.parametrize("route", [r for r, _ in STAFF_ROUTES])
def test_route_answers_as_the_policy_says(route: str, staff: dict[str, User], teams: dict[str, Any]) -> None:
    view = dict(STAFF_ROUTES)[route]
    policy = policy_of(view)
    assert policy is not None, f"{route} declares no policy"
    worlds = {"north": build(teams["north"], staff, staff["pa_north"], staff["sw_north"]),
              "south": build(teams["south"], staff, staff["pa_south"], staff["sw_north"])}
    api = route.startswith("api/")
    cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
    methods = ["GET", "POST"] + [m.upper() for m in ("patch", "put", "delete") if cls and hasattr(cls, m)]
    handled = {m for m in methods if cls is None or hasattr(cls, m.lower())}
    for target, world in worlds.items():
        url = fill(route, world, policy)
        anonymous = Client()
        for method in methods:
            answer = anonymous.generic(method, url)
            assert answer.status_code in ((401, 403, 405) if api else (302, 401, 405)), (route, method, "anonymous")
        for name, user in staff.items():
            client = Client()
            client.force_login(user)
            for method in methods:
                writes = AuditEvent.objects.filter(action__in=[Action.CREATE, Action.CHANGE]).count()
                answer = client.generic(method, url, "{}" if api else "",
                                        content_type="application/json" if api else "application/x-www-form-urlencoded")
                status = answer.status_code
                where = f"{method} {url} as {name} ({target})"
                assert status < 500, where
                if policy.permission(method) is None or method not in handled:
                    # refused: 405, or 403 from the API when the role is refused before the method is looked at
                    assert status in (403, 405), f"{where}: gave {status}, the route takes no {method}"
                    continue
                if expected(user, policy, method, world, url):
                    assert status not in (403, 404, 405), f"{where}: refused ({status}) but the policy allows it"
                else:
                    assert status in (403, 404), f"{where}: answered {status} but the policy refuses it"
                    now = AuditEvent.objects.filter(action__in=[Action.CREATE, Action.CHANGE]).count()
                    assert now == writes, f"{where}: refused, yet something was written"
                if (method == "GET" and status == 200 and not api
                        and answer.get("Content-Type", "").startswith("text/html")):
                    offered_only_what_is_allowed(answer.content.decode(), user, where)


def offered_only_what_is_allowed(html: str, user: User, where: str) -> None:
    parser = Links()
    parser.feed(html)
    request = RequestFactory().get("/")
    request.user = user
    refused = [f"{method} {url}" for method, url in parser.found
               if url and not url.startswith(("/static/", "/sign-out")) and not access.allowed(request, url, method)]
    assert not refused, f"{where}: offers what would be refused: {refused}"
