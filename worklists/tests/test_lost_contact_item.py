"""Issue 13: the worklists' "Lost contact" item says why and since when, and the latest effort to find them; a team
manager's worklist gives a young person without a personal adviser a due date that makes sense."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from contacts.models import Contact, LostContactCheck
from people.models import Allocation
from people.tests.factories import young_person


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(11)))


def test_lost_contact_gives_the_reason_the_date_and_the_latest_effort(client, staff, teams, today):
    pa = staff["pa_north"]
    silent = young_person(teams["north"], pa=pa, dob=dt.date(2005, 1, 1), first_name="Quinn", last_name="Silent")
    last = today - dt.timedelta(days=120)
    Contact.objects.create(young_person=silent, occurred_at=at(last), kind="phone", made_by="pa", worker=pa)
    tried = young_person(teams["north"], pa=pa, dob=dt.date(2005, 1, 1), first_name="Rory", last_name="Tried")
    spoke = today - dt.timedelta(days=30)
    Contact.objects.create(young_person=tried, occurred_at=at(spoke), kind="phone", made_by="pa", worker=pa)
    for days in (20, 10, 5):
        Contact.objects.create(young_person=tried, occurred_at=at(today - dt.timedelta(days=days)), kind="phone",
                               made_by="pa", worker=pa, successful=False, reason_unsuccessful="No answer")
    LostContactCheck.objects.create(young_person=tried, effort="gp", done_on=today - dt.timedelta(days=2),
                                    outcome="Registered, no new address", recorded_by=pa)
    for user, url in ((pa, "/worklists/"), (staff["tm_north"], "/worklists/team/")):
        client.force_login(user)
        page = client.get(url).content.decode()
        lost = page.split("Lost contact</h2>")[1].split("</ul>")[0]
        quinn = lost.split("Quinn Silent")[1].split("</li>")[0]
        assert f"lost contact since {last:%-d %b %Y}" in quinn
        assert f"No successful contact for more than 90 days: the last successful contact on {last:%-d %B %Y}" \
               in quinn
        assert "No effort to find them recorded yet" in quinn
        rory = lost.split("Rory Tried")[1].split("</li>")[0]
        assert f"lost contact since {spoke:%-d %b %Y}" in rory
        assert f"3 attempts since the last successful contact on {spoke:%-d %B %Y}" in rory
        assert "Latest effort to find them:" in rory and "Registered, no new address" in rory


def test_team_worklist_does_not_lead_with_an_allocation_due_on_a_17th_birthday_years_ago(client, staff, teams, today):
    dob = today.replace(year=today.year - 24) - dt.timedelta(days=30)  # 24
    left = young_person(teams["north"], pa=staff["pa_north"], dob=dob, first_name="Kit", last_name="Left")
    Allocation.objects.filter(young_person=left).update(end_date=today - dt.timedelta(days=10),
                                                        end_reason="Personal adviser left")
    stepped = young_person(teams["north"], dob=dob, first_name="Ash", last_name="Stepped", status="stepped_down")
    client.force_login(staff["tm_north"])
    page = client.get("/worklists/team/").content.decode()
    row = page.split("Kit Left")[1].split("</tr>")[0]
    assert "Allocate a personal adviser" in row
    assert f"{today - dt.timedelta(days=10):%-d %b %Y}" in row and f"{dob.year + 17}" not in row
    assert stepped.display_name not in page
