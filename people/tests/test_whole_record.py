"""The whole record for a subject access request or a transfer: JSON by command, tagged PDF from the page."""

from __future__ import annotations

import datetime as dt
import json
from io import BytesIO, StringIO

from django.core.management import call_command

from audit.models import AuditEvent
from circumstances import actions as circumstances
from health import actions as health
from people.tests.factories import young_person
from safeguarding import actions as safeguarding


def filled(staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2004, 4, 4), la_person_id="WR1")
    safeguarding.raise_concern(staff["pa_north"], yp, category="4A", severity="medium", what_happened="Low mood",
                               occurred_on=today)
    safeguarding.write_safety_plan(staff["pa_north"], yp, risks="Low mood", what_helps="Walking group",
                                   who_to_call="Samaritans 116 123")
    health.record_sdq(staff["pa_north"], yp, completed_on=today, score=21)
    circumstances.receive_records_request(staff["pa_north"], yp, received_on=today)
    return yp


def test_export_record_writes_every_area_as_json_and_is_audited(staff, teams, today, tmp_path):
    yp = filled(staff, teams, today)
    out = tmp_path / "record.json"
    call_command("export_record", "WR1", "--out", str(out), stdout=StringIO())
    data = json.loads(out.read_text())
    assert data["young_person"]["la_person_id"] == "WR1"
    areas = data["areas"]
    assert areas["safeguarding.Concern"][0]["what_happened"] == "Low mood"
    assert areas["safeguarding.Concern"][0]["category"] == {"code": "4A", "label": "Mental health of the young person"}
    assert areas["safeguarding.SafetyPlan"][0]["who_to_call"] == "Samaritans 116 123"
    assert areas["health.SDQScore"][0]["score"] == 21
    assert len(areas["circumstances.RecordsRequest"]) == 1
    assert "people.CareEpisode" in areas and "contacts.Contact" in areas and "plans.PathwayPlan" in areas
    assert "health.Immunisation" in areas and areas["health.Immunisation"] == []  # empty areas listed too
    assert AuditEvent.objects.filter(young_person=yp, action="export", object_type="export:whole_record").exists()


def test_the_record_page_offers_a_tagged_pdf_to_managers_only(client, staff, teams, today):
    from pypdf import PdfReader

    yp = filled(staff, teams, today)
    client.force_login(staff["pa_north"])
    assert "Download the whole record" not in client.get(f"/young-people/{yp.pk}/").content.decode()
    assert client.get(f"/young-people/{yp.pk}/record.pdf").status_code == 403
    client.force_login(staff["tm_north"])
    assert "Download the whole record" in client.get(f"/young-people/{yp.pk}/").content.decode()
    response = client.get(f"/young-people/{yp.pk}/record.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Samaritans 116 123" in text and "Low mood" in text
    assert AuditEvent.objects.filter(young_person=yp, action="export", detail__format="pdf").exists()
