"""Bad input never gives a server error: the findings of issue 11, each as a user meets it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from leavingcare.csvsafe import safe_cell
from money import actions as money_actions
from money.models import Entitlement, Payment, PaymentRun
from money.presets import load_catalogue
from people.models import YoungPerson
from people.tests.factories import young_person
from returns.annex_a import write as write_annex_a

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+44 7700", "'+44 7700"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("Alex", "Alex"), ("-12.50", "-12.50"), ("2025-06-15", "2025-06-15"),
    (Decimal("-5"), Decimal("-5")), (None, None), ("", "")])
def test_spreadsheet_cells_are_neutralised(value, expected):
    assert safe_cell(value) == expected


def test_a_formula_first_name_is_text_in_the_finance_csv(client, staff, teams):
    load_catalogue()
    yp = young_person(teams["north"], pa=staff["pa_north"], first_name="=HYPERLINK(\"http://evil\",\"x\")")
    run = PaymentRun.objects.create(period_ending=dt.date(2025, 6, 15))
    Payment.objects.create(young_person=yp, entitlement=Entitlement.objects.get(code="SUHA"), amount=Decimal("10"),
                           paid_on=run.period_ending, period_key="x", run=run, budget_code="B1", team=yp.team)
    client.force_login(staff["finance"])
    rows = list(csv.reader(io.StringIO(client.get(f"/money/runs/{run.pk}/export.csv").content.decode())))
    assert rows[1][2].startswith("'=HYPERLINK")
    assert rows[1][6] == "10.00"


def test_a_formula_in_annex_a_is_text_not_a_formula(staff, teams):
    young_person(teams["north"], pa=staff["pa_north"], la_person_id="=1+1")
    buffer = io.BytesIO()
    write_annex_a(YoungPerson.objects.all(), buffer, dt.date.today())
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    cell = sheet["A2"]
    assert cell.value == "'=1+1" and cell.data_type == "s"


@pytest.mark.parametrize("amount", ["1e9", "10000000", "99999999999999999999"])
def test_huge_amounts_are_refused_on_the_amount(staff, teams, amount):
    load_catalogue()
    yp = young_person(teams["north"], pa=staff["pa_north"])
    with pytest.raises(ValidationError) as refused:
        money_actions.raise_request(staff["pa_north"], yp, Entitlement.objects.get(code="SUHA"), amount, "x")
    assert "amount" in refused.value.message_dict


def test_the_money_form_names_the_amount_and_keeps_it(client, staff, teams):
    load_catalogue()
    yp = young_person(teams["north"], pa=staff["pa_north"])
    client.force_login(staff["pa_north"])
    page = client.post(f"/money/young-person/{yp.pk}/request/", {
        "entitlement": Entitlement.objects.get(code="SUHA").pk, "amount": "1e9", "reason": "A bed"})
    assert page.status_code == 200
    assert "Amount must be £9,999,999.99 or less" in page.content.decode()
    assert 'value="1e9"' in page.content.decode()


def test_over_long_text_is_refused_on_sqlite_as_on_postgresql(staff, teams):
    yp = young_person(teams["north"])
    yp.first_name = "x" * 61
    with pytest.raises(ValidationError) as refused:
        yp.save()
    assert refused.value.message_dict == {"first_name": ["First name must be 60 characters or fewer"]}


def test_a_nul_byte_in_a_form_is_refused_on_the_field(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    client.force_login(staff["pa_north"])
    page = client.post(f"/accommodation/young-person/{yp.pk}/activity/", {
        "start_date_day": "1", "start_date_month": "6", "start_date_year": "2025", "activity": "F1",
        "note": "went\x00well"})
    assert page.status_code == 200
    assert "Note must not contain a NUL character" in page.content.decode()
    assert not yp.activity_episodes.exists()


def test_a_nul_byte_in_an_address_is_a_400(client, staff):
    client.force_login(staff["tm_north"])
    assert client.get("/young-people/?q=a%00b").status_code == 400


def test_a_plan_version_that_is_not_a_number_is_a_400(client, staff, teams):
    from plans import actions as plan_actions

    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = plan_actions.start_plan(staff["pa_north"], yp)
    client.force_login(staff["pa_north"])
    assert client.post(f"/plans/{plan.pk}/", {"base_version": "abc"}).status_code == 400
    autosave = client.post(f"/plans/{plan.pk}/autosave/", {"base_version": "1", "young_person_views": "a\x00"})
    assert autosave.status_code == 400 and "NUL" in autosave.content.decode()


def test_a_young_person_with_no_district_or_team_breaks_no_dashboard(client, staff, teams):
    young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2006, 5, 1))
    young_person(None, dob=dt.date(2005, 5, 1))  # no team, no district
    client.force_login(staff["hos"])
    page = client.get("/performance/")
    assert page.status_code == 200
    assert "Not recorded" in page.content.decode()


@pytest.mark.parametrize("url", ["/api/v1/young-people/abc/", "/api/v1/young-people/99999999999999999999/"])
def test_unknown_api_addresses_are_json_404s(api_client_for_manager, url):
    response = api_client_for_manager.get(url)
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("year", [0, 1, 99999])
def test_an_unknown_return_year_is_a_404(client, staff, year):
    client.force_login(staff["hos"])
    assert client.get(f"/returns/ssda903/{year}.zip").status_code == 404


@pytest.fixture
def api_client_for_manager(staff):
    from rest_framework.test import APIClient

    from api.models import ApiToken

    _row, token = ApiToken.issue(staff["tm_north"], "test")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_a_huge_year_is_not_a_real_date():
    from leavingcare.forms import GovukDateField

    with pytest.raises(ValidationError, match="must be a real date"):
        GovukDateField(label="Date").clean(["1", "1", "999999999999999999999"])
