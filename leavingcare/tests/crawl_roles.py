"""Signing in as a demo role for the crawl, and the starting pages (tests in test_browser_crawl_*.py)."""

from __future__ import annotations

import re
from io import StringIO
from typing import Any

from django.core.management import call_command

from leavingcare.tests.crawl import PHONE, CrawlResult, crawl

DEMO_PASSWORD = "leaving-care-demo"
YOUNG_PERSON = "young.person@example.org"  # the demo's young person in the app (youngapp/demo.py)

# Pages that scrolled sideways at 390 px when the crawl was written (a wide table or summary list), waiting for the
# phone-width styles of issue 13 item 8, written separately. Listed by route so that any other page that scrolls
# sideways fails the crawl; the crawl prints these as "wide (known)". EMPTY THIS LIST once those styles are in.
KNOWN_WIDE: set[str] = set()  # emptied: the phone-width styles of issue 13 item 8 are in (static/app.css)


# Roles that see the performance pages get the published comparators too (most of the demo's build time)
COMPARATORS = {"tm1", "hos", "analyst"}


def build_demo(comparators: bool = True) -> None:
    extra = [] if comparators else ["--skip", "performance"]
    call_command("demo_data", "--young-people", "40", "--seed", "3", *extra, stdout=StringIO())


def record_of(user: Any) -> str | None:
    """The record the crawl starts from: the demo's app young person when the role may see them, else the first
    young person the role sees; None for roles that see no named records."""
    from people.scope import young_people_for
    from youngapp.models import AppAccess

    people = young_people_for(user)
    app = AppAccess.objects.filter(email=YOUNG_PERSON).values_list("young_person_id", flat=True).first()
    chosen = people.filter(pk=app).first() or people.order_by("pk").first()
    return f"/young-people/{chosen.pk}/" if chosen else None


def crawl_staff(browser: Any, live_server: Any, username: str) -> CrawlResult:
    from accounts.models import User
    from leavingcare.navigation import NAV

    build_demo(username in COMPARATORS)
    user = User.objects.get(username=username)
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(live_server.url + "/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in", exact=True).click()
        page.wait_for_load_state()
        assert "/sign-in/" not in page.url, f"{username} could not sign in"
        page.close()
        from django.urls import reverse

        starts = ["/"] + [reverse(name) for _label, name, roles in NAV if user.role in roles]
        record = record_of(user)
        if record:
            starts.append(record)
        return crawl(context, live_server.url, username, user, starts)
    finally:
        context.close()


def crawl_young_person(browser: Any, live_server: Any) -> CrawlResult:
    from youngapp.models import AppAccess, OutboxMessage

    build_demo(comparators=False)
    access = AppAccess.objects.select_related("user").get(email=YOUNG_PERSON)
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(15000)
        page.goto(live_server.url + "/app/sign-in/")
        page.get_by_label("Your email address or mobile number").fill(YOUNG_PERSON)
        page.get_by_role("button", name="Send me a code").click()
        body = OutboxMessage.objects.filter(to=YOUNG_PERSON).order_by("-pk").first().body
        page.get_by_label("Code").fill(re.search(r"code is (\d{6})", body).group(1))
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        assert page.url.rstrip("/").endswith("/app"), page.url
        page.close()
        starts = ["/app/", "/app/plan/", "/app/money/", "/app/messages/", "/app/record/"]
        return crawl(context, live_server.url, "young person", access.user, starts)
    finally:
        context.close()


def check(result: CrawlResult) -> None:
    from leavingcare.tests.crawl import route_of

    print(result.summary())
    for line in result.opened:
        print("  opened", line)
    problems = [f"error: {f}" for f in result.errors] + [f"axe: {f}" for f in result.axe]
    problems += [f"wide: {f}" for f in result.wide if route_of(f.url.split("?")[0]) not in KNOWN_WIDE]
    for f in result.wide:
        print("  wide (known)" if route_of(f.url.split("?")[0]) in KNOWN_WIDE else "  wide", f)
    assert len(result.opened) >= 3, result.summary()
    assert not problems, f"{result.summary()}\n" + "\n".join(problems)
