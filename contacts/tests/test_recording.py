"""Recording a contact on one screen: what is saved, what is refused, and double clicks."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from audit.models import AuditEvent
from contacts.models import Contact
from people.tests.factories import young_person


def form(day: dt.date, **extra):
    return {"day_day": day.day, "day_month": day.month, "day_year": day.year, "time": "00:15", "kind": "home_visit",
            "made_by": "pa", "successful": "yes", "seen_alone": "yes", "note": "Talked about college",
            "submission_key": "k1", **extra}


def test_pa_records_a_visit_and_it_resets_the_clock(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    response = client.post(f"/contacts/young-person/{yp.pk}/new/", form(today))
    assert response.status_code == 302
    contact = Contact.objects.get(young_person=yp)
    assert contact.successful and contact.seen_alone and contact.by_allocated_worker
    assert AuditEvent.objects.filter(young_person=yp, object_type="contacts.Contact").exists()
    page = client.get(f"/young-people/{yp.pk}/").content.decode()
    assert "home visit" in page


def test_double_click_saves_one_contact(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    client.post(f"/contacts/young-person/{yp.pk}/new/", form(today))
    client.post(f"/contacts/young-person/{yp.pk}/new/", form(today))
    assert Contact.objects.filter(young_person=yp).count() == 1


def test_future_and_before_16_are_refused_naming_the_field(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2007, 6, 1))
    client.force_login(staff["pa_north"])
    html = client.post(f"/contacts/young-person/{yp.pk}/new/", form(today + dt.timedelta(days=2))).content.decode()
    assert "Date of contact must be today or in the past" in html
    html = client.post(f"/contacts/young-person/{yp.pk}/new/", form(dt.date(2023, 1, 1))).content.decode()
    assert "on or after the young person&#x27;s 16th birthday" in html
    assert 'value="Talked about college"' in html or "Talked about college" in html
    assert not Contact.objects.filter(young_person=yp).exists()


def test_attempt_needs_a_reason(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    html = client.post(f"/contacts/young-person/{yp.pk}/new/", form(today, successful="no")).content.decode()
    assert "Say why the contact did not happen" in html


def test_visit_by_someone_not_allocated_is_recorded_as_such(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north2"])
    client.post(f"/contacts/young-person/{yp.pk}/new/", form(today))
    assert Contact.objects.get(young_person=yp).by_allocated_worker is False
    assert "Not allocated" in client.get(f"/contacts/young-person/{yp.pk}/").content.decode()


def test_after_24_hours_a_change_is_an_amendment_with_a_reason(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    client.post(f"/contacts/young-person/{yp.pk}/new/", form(today))
    contact = Contact.objects.get(young_person=yp)
    Contact.objects.filter(pk=contact.pk).update(created_at=timezone.now() - dt.timedelta(hours=25))
    url = f"/contacts/young-person/{yp.pk}/{contact.pk}/"
    assert "Give a reason for amending" in client.post(url, form(today, note="Corrected")).content.decode()
    client.post(url, form(today, note="Corrected", reason="Typo in the note"))
    contact.refresh_from_db()
    amendment = contact.amendments.get()
    assert contact.note == "Corrected" and amendment.before["note"] == "Talked about college"
