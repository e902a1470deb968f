"""In a real browser, with axe: a team manager adds a Local Offer entry (refused without an area or a contact,
then previewed as a young person sees it, then saved) and changes it through the preview; a young person reads
the Local Offer on a phone (390 x 844), searches it, and reads it again offline."""

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
from localoffer import actions
from localoffer.models import Entry
from localoffer.tests.helpers import entry_values
from money.models import Entitlement
from money.presets import load_catalogue
from people.tests.factories import young_person
from youngapp import actions as app_actions

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


def test_staff_add_with_refusal_preview_and_save_then_change(staff: dict[str, Any], sign_in: Any,
                                                              live_server: Any) -> None:
    page = sign_in("tm_north")
    page.goto(live_server.url + "/local-offer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Local Offer")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Add to the Local Offer").click()
    page.get_by_label("Name", exact=True).fill("Driving lessons")
    page.get_by_label("What it is").fill("Ten driving lessons paid for you.")
    page.get_by_role("button", name="Preview").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the area of the Local Offer this is under")
    expect(summary).to_contain_text("Enter who to contact")
    expect(page.get_by_label("Name", exact=True)).to_have_value("Driving lessons")
    assert page.title().startswith("Error:")
    assert axe_violations(page) == []
    summary.get_by_role("link", name="Select the area of the Local Offer this is under").click()
    expect(page.get_by_label("Health and wellbeing")).to_be_focused()

    page.get_by_label("Participation in society").check()
    page.get_by_label("Young people in custody").check()
    page.get_by_label("Who to contact").fill("Your PA")
    page.get_by_label("Phone", exact=True).fill("01632 960000")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check it before you save")
    card = page.get_by_test_id("local-offer-entry")
    expect(card).to_contain_text("Driving lessons")
    expect(card).to_contain_text("young people in custody")
    expect(card.get_by_test_id("cost")).to_have_text("Free")
    assert not Entry.objects.exists()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Driving lessons is saved in the Local Offer")).to_be_visible()
    assert axe_violations(page) == []
    entry = Entry.objects.get()
    assert (entry.area, entry.circumstances) == ("participation", ["custody"])

    page.get_by_role("link", name="Change this entry").click()
    page.get_by_label("Name", exact=True).fill("Driving lessons and theory test")
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("button", name="Change it").click()  # back to the form, with what was typed
    expect(page.get_by_label("Name", exact=True)).to_have_value("Driving lessons and theory test")
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Driving lessons and theory test")
    entry.refresh_from_db()
    assert entry.version == 2


def code_from_outbox(address: str) -> str:
    out = StringIO()
    call_command("outbox", "--to", address, "--last", stdout=out)
    return re.search(r"code is (\d{6})", out.getvalue()).group(1)


def test_young_person_reads_searches_and_reads_offline(staff: dict[str, Any], teams: dict[str, Any],
                                                       browser: Any, live_server: Any) -> None:
    load_catalogue()
    admin = staff["admin"]
    actions.add_entry(admin, entry_values(name="Birthday money", area="participation", cost_kind="entitlement",
                                          entitlement=Entitlement.objects.get(code="BIRTHDAY").pk))
    actions.add_entry(admin, entry_values(name="Free gym", area="health", summary="Swim and use the gym.",
                                          location_name="Leisure centre", address="1 Example Street",
                                          town="Preston", postcode="PR1 1AA", when="Every day"))
    today = timezone.localdate()
    yp = young_person(teams["north"], first_name="Jordan", pa=staff["pa_north"],
                      dob=today.replace(year=today.year - 19) - dt.timedelta(days=30))
    app_actions.invite(staff["pa_north"], yp, "jordan@example.org")

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/app/sign-in/")
    page.get_by_label("Your email address or mobile number").fill("jordan@example.org")
    page.get_by_role("button", name="Send me a code").click()
    page.get_by_label("Code").fill(code_from_outbox("jordan@example.org"))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hi Jordan")

    page.get_by_role("navigation", name="App menu").get_by_role("link", name="What I can get").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What I can get")
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now under the service worker, which keeps this page and every area's
    expect(page.get_by_test_id("local-offer-areas")).to_contain_text("Participation in society")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.get_by_role("link", name="Participation in society").click()
    card = page.get_by_test_id("local-offer-entry").filter(has_text="Birthday money")
    expect(card.get_by_test_id("cost")).to_have_text("Free. You get £25 a year")  # 19: the from-18 rate
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto(live_server.url + "/app/local-offer/")
    page.get_by_label("Search the Local Offer").fill("swim")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("1 result")
    expect(page.get_by_test_id("local-offer-entry")).to_contain_text("Leisure centre")
    assert axe_violations(page) == []

    # Wait until the worker has kept every area's page, then lose the signal
    page.wait_for_function("""async () => {
        const cache = await caches.open("leaving-care-local-offer-v1");
        return (await cache.keys()).length >= 6;
    }""")
    context.set_offline(True)
    page.goto(live_server.url + "/app/local-offer/health/")  # never opened, kept when the list was opened
    expect(page.get_by_role("heading", level=1)).to_have_text("Health and wellbeing")
    expect(page.get_by_test_id("local-offer-entry")).to_contain_text("Free gym")
    page.goto(live_server.url + "/app/local-offer/participation/")
    expect(page.get_by_test_id("cost")).to_have_text("Free. You get £25 a year")
    page.goto(live_server.url + "/app/local-offer/?q=swim")
    expect(page.get_by_test_id("local-offer-entry")).to_contain_text("Free gym")
    page.goto(live_server.url + "/app/money/")  # personal pages are never kept
    expect(page.get_by_role("heading", level=1)).to_have_text("You are offline")
    context.set_offline(False)

    # Signing out throws the kept pages away
    page.goto(live_server.url + "/app/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_function("""async () => !(await caches.has("leaving-care-local-offer-v1"))""")
    context.close()


def test_staff_pages_fit_a_phone(staff: dict[str, Any], sign_in: Any, live_server: Any) -> None:
    """As the crawl checks every page: no sideways scroll at 390 px, axe clean (with a partner, an entitlement
    entry, one past its review, so every part of each page shows)."""
    load_catalogue()
    partner = actions.add_partner(staff["admin"], {"name": "Local college and training partnership"})
    entry = actions.add_entry(staff["admin"], entry_values(
        name="Setting up your first home", area="accommodation", partner=partner.pk, cost_kind="entitlement",
        entitlement=Entitlement.objects.get(code="SUHA").pk, circumstances=["parents", "out_of_area"],
        contact_email="housing.team@example.org", contact_url="https://housing.example.org/first-home",
        location_name="Preston hub", address="10 Example Street", town="Preston", postcode="PR1 1AA",
        when="Tuesdays, 4pm to 7pm", review_on=timezone.localdate() - dt.timedelta(days=3)))
    page = sign_in("hos")
    page.set_viewport_size(PHONE)
    for path in ("/local-offer/", "/local-offer/?review=overdue", f"/local-offer/{entry.pk}/",
                 "/local-offer/partners/", "/local-offer/new/", f"/local-offer/{entry.pk}/edit/",
                 "/local-offer/partners/new/", f"/local-offer/partners/{partner.pk}/edit/"):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/local-offer/{entry.pk}/edit/")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check it before you save")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []
