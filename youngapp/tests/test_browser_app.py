"""In a real browser at phone size (390 x 844), with axe: a PA invites a young person, who signs in with the code
from the outbox, sees their PA and what they are entitled to, and sends a message, which the PA then reads."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from conftest import axe_violations
from money.presets import load_catalogue
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


def code_from_outbox(address: str) -> str:
    out = StringIO()
    call_command("outbox", "--to", address, "--last", stdout=out)
    return re.search(r"code is (\d{6})", out.getvalue()).group(1)


def test_invite_sign_in_see_my_pa_and_money_and_message_my_pa(staff: dict[str, Any], teams: dict[str, Any],
                                                              sign_in: Any, browser: Any, live_server: Any) -> None:
    load_catalogue()
    today = timezone.localdate()
    yp = young_person(teams["north"], first_name="Jordan", last_name="Okafor", pa=staff["pa_north"],
                      dob=today.replace(year=today.year - 17) - dt.timedelta(days=30))

    # The PA invites Jordan from the record
    pa_page = sign_in("pa_north")
    pa_page.set_viewport_size(PHONE)
    pa_page.goto(f"{live_server.url}/young-people/{yp.pk}/")
    pa_page.get_by_role("link", name="Invite to the app").click()
    assert axe_violations(pa_page) == []
    pa_page.get_by_label("Email address").fill("jordan@example.org")
    pa_page.get_by_role("button", name="Send invitation").click()
    expect(pa_page.get_by_text("Jordan Okafor is invited to the app")).to_be_visible()

    # Jordan, on their phone
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/app/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to the Leaving Care app")
    assert axe_violations(page) == []
    page.get_by_label("Your email address or mobile number").fill("jordan@example.org")
    page.get_by_role("button", name="Send me a code").click()
    assert axe_violations(page) == []
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Code").fill(code_from_outbox("jordan@example.org"))
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Hi Jordan")
    expect(page.get_by_test_id("pa-name")).to_have_text("Pa_North Tester")
    expect(page.get_by_role("heading", name="I need help now")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.get_by_role("navigation", name="App menu").get_by_role("link", name="My money").click()
    expect(page.get_by_test_id("entitlements")).to_contain_text("Clothing allowance")
    expect(page.get_by_role("heading", name=re.compile("When I turn 18"))).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("navigation", name="App menu").get_by_role("link", name="Messages").click()
    too_long = "x" * 1001
    page.get_by_label("Your message").fill(too_long)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("must be 1,000 characters or fewer")).to_have_count(2)  # summary and field
    assert page.get_by_label("Your message").input_value() == too_long
    assert axe_violations(page) == []
    page.get_by_label("Your message").fill("Hi, can we meet about college?")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Message sent to your PA")).to_be_visible()
    expect(page.get_by_text("Hi, can we meet about college?")).to_be_visible()
    assert axe_violations(page) == []

    # At the narrowest phones, nothing scrolls sideways
    page.set_viewport_size({"width": 320, "height": 640})
    for url in ("/app/", "/app/plan/", "/app/money/", "/app/messages/", "/app/record/"):
        page.goto(live_server.url + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
    for url in ("/app/plan/", "/app/record/"):
        page.goto(live_server.url + url)
        assert axe_violations(page) == [], url
    context.close()

    # The PA sees it on the record
    pa_page.goto(f"{live_server.url}/young-people/{yp.pk}/")
    pa_page.get_by_role("link", name=re.compile("Messages and app requests")).click()
    expect(pa_page.get_by_text("Hi, can we meet about college?")).to_be_visible()
    assert axe_violations(pa_page) == []
