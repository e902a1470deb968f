"""The dashboard: aggregates only, beside published figures, readable without the chart."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from conftest import axe_violations
from org.models import Authority

DFE = Path(__file__).resolve().parents[2] / "data" / "dfe"


def lancashire_comparators(authority: Authority) -> None:
    Authority.objects.filter(pk=authority.pk).update(la_code="888", name="Lancashire County Council",
                                                     statistical_neighbours=["909", "830"])
    call_command("import_comparators", str(DFE), stdout=StringIO())


def test_analyst_sees_figures_and_comparators_but_no_names(client, staff, authority):
    lancashire_comparators(authority)
    client.force_login(staff["analyst"])
    page = client.get("/performance/").content.decode()
    assert "England" in page and "North West" in page and "Lancashire" in page and "Cumbria" in page
    assert "Table of the figures in this chart" in page
    assert "/young-people/" not in page


def test_personal_advisers_do_not_get_the_dashboard(client, staff):
    client.force_login(staff["pa_north"])
    assert client.get("/performance/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_dashboard_is_accessible(staff, authority, sign_in, live_server):
    lancashire_comparators(authority)
    page = sign_in("analyst")
    page.goto(live_server.url + "/performance/")
    expect(page.get_by_role("img", name="In touch, aged 17-18, by year")).to_be_visible()
    assert axe_violations(page) == []
