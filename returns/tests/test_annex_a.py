"""Ofsted Annex A list 9: the columns inspectors expect, downloaded by managers, every download logged."""

from __future__ import annotations

import io

import openpyxl

from audit.models import Action, AuditEvent
from people.tests.factories import young_person
from returns.annex_a import COLUMNS


def test_manager_downloads_annex_a_for_their_teams(client, staff, teams):
    young_person(teams["north"], pa=staff["pa_north"], la_person_id="N1")
    young_person(teams["south"], pa=staff["pa_south"], la_person_id="S1")
    client.force_login(staff["tm_north"])
    response = client.get("/returns/annex-a.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert [r[0] for r in rows[1:]] == ["N1"]
    assert rows[1][10] == "Former relevant" and rows[1][9] == "Pa_North Tester"
    assert AuditEvent.objects.filter(actor=staff["tm_north"], action=Action.EXPORT,
                                     object_type="export:annex_a").exists()


def test_analysts_and_pas_cannot_download_names(client, staff):
    for who in ("analyst", "pa_north"):
        client.force_login(staff[who])
        assert client.get("/returns/annex-a.xlsx").status_code == 403
