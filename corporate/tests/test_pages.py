"""The pages under /corporate-parenting/: who sees them, what a refusal looks like, downloads, and navigation."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from audit.models import Action, AuditEvent
from conftest import axe_violations
from corporate import actions
from corporate.models import BoardItem


@pytest.fixture
def board(staff):
    g = actions.add_priority_group(staff["hos"], number=2, title="Improving sufficiency", leads="CC Andrea Kay")
    actions.add_deliverable(staff["hos"], g, description="Review of the Staying Put Policy", due_text="Jan 2023",
                            due_on=dt.date(2023, 1, 31), rag="red")
    m = actions.schedule_meeting(staff["hos"], held_on=dt.date(2022, 5, 11), venue="County Hall")
    actions.add_attendee(staff["hos"], m, "Jake", "young_person", "LINX")
    actions.add_item(staff["hos"], m, kind="action", text="Find five local services", owner="All Board members",
                     due_on=dt.date(2022, 7, 26), group=g)
    plan = actions.create_plan(staff["hos"], title="Pathway to Excellence", kind="improvement")
    actions.add_step(staff["hos"], plan, theme="EET", where_we_are="44.4% at 19-21",
                     change_needed="Reach the North West rate", owner="Head of Service", due_on=dt.date(2026, 3, 31),
                     measure="eet", age_band="19-21", target="54")
    return {"group": g, "meeting": m, "plan": plan}


@pytest.mark.parametrize("who, status", [("analyst", 200), ("tm_north", 200), ("hos", 200), ("pa_north", 403),
                                         ("housing", 403)])
def test_managers_and_analysts_see_the_board(client, staff, board, who, status):
    client.force_login(staff[who])
    assert client.get("/corporate-parenting/").status_code == status


def test_analysts_read_but_are_not_offered_changes(client, staff, board):
    client.force_login(staff["analyst"])
    page = client.get(f"/corporate-parenting/meetings/{board['meeting'].pk}/").content.decode()
    assert "Find five local services" in page and "Jake" in page and "Young people&#x27;s representative" in page
    assert "Record a decision or action" not in page
    assert client.get(f"/corporate-parenting/meetings/{board['meeting'].pk}/items/add/").status_code == 403
    plan = client.get(f"/corporate-parenting/plans/{board['plan'].pk}/").content.decode()
    assert "Reach the North West rate" in plan and "No one to count yet" in plan


def test_navigation_shows_corporate_parenting_to_managers_and_analysts_only(client, staff):
    client.force_login(staff["analyst"])
    assert 'href="/corporate-parenting/"' in client.get("/performance/").content.decode()
    client.force_login(staff["pa_north"])
    assert 'href="/corporate-parenting/"' not in client.get("/").content.decode()


def test_an_action_without_owner_or_date_is_refused_on_the_page_keeping_what_was_typed(client, staff, board):
    client.force_login(staff["tm_north"])
    url = f"/corporate-parenting/meetings/{board['meeting'].pk}/items/add/"
    response = client.post(url, {"kind": "action", "text": "Meet the building companies", "rag": "amber",
                                 "owner": "", "due_on_day": "", "due_on_month": "", "due_on_year": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Enter who owns this action" in page and "Enter the date this action is due" in page
    assert "Meet the building companies" in page
    assert not BoardItem.objects.filter(text="Meet the building companies").exists()
    response = client.post(url, {"kind": "action", "text": "Meet the building companies", "rag": "amber",
                                 "owner": "CC Andrea Kay", "due_on_day": "23", "due_on_month": "11",
                                 "due_on_year": "2022"})
    assert response.status_code == 302
    assert BoardItem.objects.get(text="Meet the building companies").due_on == dt.date(2022, 11, 23)


def test_an_edit_from_an_older_version_is_refused_with_a_message(client, staff, board):
    item = BoardItem.objects.get(text="Find five local services")
    actions.update_item(staff["hos"], item, version=1, rag="green")
    client.force_login(staff["tm_north"])
    response = client.post(f"/corporate-parenting/items/{item.pk}/edit/", {
        "version": "1", "kind": "action", "text": "Find six local services", "rag": "amber", "owner": "All",
        "due_on_day": "26", "due_on_month": "7", "due_on_year": "2022"})
    assert "Someone else changed this action" in response.content.decode()
    assert BoardItem.objects.get(pk=item.pk).text == "Find five local services"


@pytest.mark.parametrize("fmt, kind", [("pdf", "application/pdf"), ("docx", "wordprocessingml")])
def test_report_downloads_for_analysts_and_is_logged(client, staff, board, fmt, kind):
    client.force_login(staff["analyst"])
    response = client.get(f"/corporate-parenting/report/?as_at=2024-10-31&format={fmt}")
    assert response.status_code == 200 and kind in response["Content-Type"]
    assert response["Content-Disposition"].endswith(f'scrutiny-report-2024-10-31.{fmt}"')
    assert AuditEvent.objects.filter(action=Action.EXPORT, object_type="export:scrutiny_report",
                                     actor=staff["analyst"]).exists()
    client.force_login(staff["pa_north"])
    assert client.get("/corporate-parenting/report/?format=pdf").status_code == 403


def test_dashboard_links_to_the_report_for_those_who_may_take_it(client, staff):
    client.force_login(staff["analyst"])
    assert "/corporate-parenting/report/?as_at=" in client.get("/performance/?as_at=2024-10-31").content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_board_pages_are_accessible(staff, board, sign_in, live_server, width):
    page = sign_in("tm_north")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/corporate-parenting/")
    expect(page.get_by_role("heading", name="Corporate parenting", exact=True)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="11 May 2022").click()
    expect(page.get_by_text("Find five local services")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Record a decision or action").click()
    page.get_by_label("What the board decided or asked for").fill("Meet the building companies")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_text("Enter who owns this action").first).to_be_visible()
    assert axe_violations(page) == []
    page.goto(live_server.url + f"/corporate-parenting/plans/{board['plan'].pk}/")
    assert axe_violations(page) == []
    page.goto(live_server.url + f"/corporate-parenting/priorities/{board['group'].pk}/")
    assert axe_violations(page) == []
