"""Issue 13: a phone is a first-class screen. At 390 x 844, as a personal adviser and as a team manager, no staff page
scrolls sideways; wide tables become lists of labelled cards; the filter boxes keep the grid's margin."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from people.management.commands.demo_data import DEMO_PASSWORD
from people.models import YoungPerson

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


def pages(yp: YoungPerson) -> dict[str, str]:
    plan = yp.pathway_plans.order_by("-started_on").first()
    return {
        "young people": "/young-people/", "my team": "/young-people/?view=team", "summary": f"/young-people/{yp.pk}/",
        "my worklist": "/worklists/", "team worklist": "/worklists/team/", "plans": "/plans/",
        "their plans": f"/plans/young-person/{yp.pk}/", **({"plan": f"/plans/{plan.pk}/"} if plan else {}),
        "money": "/money/", "their money": f"/money/young-person/{yp.pk}/",
        "contacts": f"/contacts/young-person/{yp.pk}/", "record a contact": f"/contacts/young-person/{yp.pk}/new/",
        "housing": "/housing/", "housing queue": "/housing/queue/", "their housing": f"/housing/young-person/{yp.pk}/",
        "accommodation": f"/accommodation/young-person/{yp.pk}/", "performance": "/performance/",
        "returns": "/returns/", "access history": f"/audit/young-person/{yp.pk}/",
    }


def test_no_staff_page_scrolls_sideways_on_a_phone(browser, live_server, tmp_path):
    call_command("demo_data", "--young-people", "150", "--seed", "5", "--as-at",
                 timezone.localdate().isoformat(), stdout=StringIO())
    yp = (YoungPerson.objects.filter(allocations__worker__username="pa1", allocations__end_date__isnull=True,
                                     status="open")
          .annotate(n=Count("contacts", distinct=True) + Count("pathway_plans", distinct=True)).order_by("-n").first())
    YoungPerson.objects.filter(pk=yp.pk).update(  # long words and a long name must wrap, not widen the page
        last_name="Featherstonehaugh-Montmorency-Wolfeschlegelsteinhausen",
        address="Flat 12, Supercalifragilisticexpialidocious House, Preston")
    opened: dict[str, list[str]] = {}
    # without JavaScript a wide table scrolls inside itself: the page still does not
    for username, script in (("pa1", True), ("tm1", True), ("tm1", False)):
        context = browser.new_context(viewport=PHONE, java_script_enabled=script)
        page = context.new_page()
        page.goto(live_server.url + "/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in", exact=True).click()
        page.wait_for_load_state()
        for name, url in pages(yp).items():
            response = page.goto(live_server.url + url)
            assert response is not None and response.status in (200, 403), (username, name, response.status)
            if response.status == 200 and script:
                opened.setdefault(username, []).append(name)
            page.wait_for_load_state("networkidle")
            width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            page.screenshot(path=str(tmp_path / f"{username}-{script}-{name.replace(' ', '-')}.png"), full_page=True)
            assert width <= inner, f"{username}: {name} ({url}) scrolls sideways: {width}px in a {inner}px window"
            if not script:
                continue
            # every table in the page is a list of cards, each cell labelled with its column
            for table in page.locator("main table.govuk-table").all():
                assert "app-stack-table" in (table.get_attribute("class") or ""), (username, name)
                if table.locator("thead").count():
                    assert not table.locator("thead").is_visible() or table.locator("thead").bounding_box()[
                        "height"] <= 1, (username, name)
                cells = table.locator("tbody td[data-label]")
                if cells.count():
                    assert cells.first.evaluate("c => getComputedStyle(c).display") == "block", (username, name)
                    assert cells.first.evaluate("c => getComputedStyle(c, '::before').content") not in (
                        "none", "normal", ""), (username, name)
            if name == "young people":
                # the filter boxes keep the grid's margin, inside the page
                for box in page.locator(".app-filter__select").all():
                    left = box.bounding_box()["x"]
                    assert 15 <= left and left + box.bounding_box()["width"] <= inner - 15, (username, left)
        context.close()
    # the manager opens every page; the personal adviser every page but the figures, returns and access history
    assert set(opened["tm1"]) == set(pages(yp))
    assert set(pages(yp)) - set(opened["pa1"]) <= {"performance", "returns", "access history"}
