"""Case notes and the chronology (issue 13): notes separate from contacts; one timeline of the record,
filtered by kind and date; a manager's significant-event mark; a tagged PDF."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from pypdf import PdfReader

from casenotes import actions
from casenotes.chronology import events_for
from contacts.models import Contact
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db


def test_a_case_note_needs_its_fields_and_is_not_a_contact(staff: dict, teams: dict, today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    with pytest.raises(ValidationError) as exc:
        actions.add_note(staff["pa_north"], yp, "agency", None, " ", "")
    assert set(exc.value.message_dict) == {"on", "text", "other_agency"}
    with pytest.raises(PermissionDenied):
        actions.add_note(staff["finance"], yp, "case_note", today, "x")
    actions.add_note(staff["pa_north"], yp, "agency", today, "Housing officer says rent is in arrears",
                     "Preston Housing")
    assert not Contact.objects.exists()


def test_chronology_holds_the_record_filtered_and_marked(staff: dict, teams: dict, today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    Contact.objects.create(young_person=yp, occurred_at=dt.datetime(2024, 5, 3, 10, tzinfo=dt.UTC), kind="visit",
                           made_by="pa", worker=staff["pa_north"], note="Seen at the flat")
    note = actions.add_note(staff["pa_north"], yp, "case_note", today, "Started at college")
    events = events_for(yp)
    kinds = {e.kind for e in events}
    assert {"care", "contact", "note"} <= kinds
    assert [e.title for e in events_for(yp, {"note"})] == ["Case note"]
    assert all(e.on >= today for e in events_for(yp, start=today))
    source = f"casenotes.CaseNote:{note.pk}"
    with pytest.raises(PermissionDenied):
        actions.mark_significant(staff["pa_north"], yp, source)
    actions.mark_significant(staff["tm_north"], yp, source)
    marked = events_for(yp, significant_only=True)
    assert [e.source for e in marked] == [source] and marked[0].significant


def test_chronology_page_and_tagged_pdf(client: Any, staff: dict, teams: dict, today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    actions.add_note(staff["pa_north"], yp, "case_note", today, "Moved in with her sister")
    client.force_login(staff["tm_north"])
    page = client.get(f"/case-notes/young-person/{yp.pk}/").content.decode()
    assert "Moved in with her sister" in page and "Mark as a significant event" in page
    filtered = client.get(f"/case-notes/young-person/{yp.pk}/", {"kind": "contact"}).content.decode()
    assert "Moved in with her sister" not in filtered
    response = client.get(f"/case-notes/young-person/{yp.pk}/chronology.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert "Moved in with her sister" in "".join(p.extract_text() for p in reader.pages)
    client.force_login(staff["pa_north"])
    assert "Mark as a significant event" not in client.get(f"/case-notes/young-person/{yp.pk}/").content.decode()
    client.force_login(staff["pa_south"])
    assert client.get(f"/case-notes/young-person/{yp.pk}/").status_code == 404
