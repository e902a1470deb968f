"""Money findings (issue 13): entitlement checked when asking, the queue shows who asked and marks
emergencies, a rejection without a reason is a field error, amounts have thousands separators."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError

from money import actions
from money.models import Entitlement
from money.presets import load_catalogue
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    load_catalogue()
    return {e.code: e for e in Entitlement.objects.all()}


def test_a_request_for_something_not_due_today_is_refused(staff, teams, catalogue, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    from money.queries import entitled_today

    due = {o.code for o in entitled_today(yp, today)}
    not_due = next(e for code, e in catalogue.items() if code not in due and e.active)
    with pytest.raises(ValidationError) as exc:
        actions.raise_request(staff["pa_north"], yp, not_due, "10.00", "x")
    assert "not entitled" in exc.value.message_dict["entitlement"][0]


def test_queue_shows_who_asked_emergencies_and_separators(client, staff, teams, catalogue):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    actions.raise_request(staff["pa_north"], yp, catalogue["SUHA"], "2500.00", "Furniture")
    actions.raise_request(staff["pa_north"], yp, catalogue["EMERGENCY"], "50.00", "No gas")
    client.force_login(staff["tm_north"])
    page = client.get("/money/").content.decode()
    assert "£2,500.00" in page and "Asked by Pa_North Tester" in page
    assert "Emergency</strong>" in page and page.index("No gas") < page.index("Furniture")


def test_rejecting_without_a_reason_is_a_field_error(client, staff, teams, catalogue):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    req = actions.raise_request(staff["pa_north"], yp, catalogue["SUHA"], "100.00", "Kettle")
    client.force_login(staff["tm_north"])
    response = client.post(f"/money/requests/{req.pk}/decide/", {"decision": "reject", "rejection_reason": ""},
                           follow=True)
    page = response.content.decode()
    assert f'id="reject-{req.pk}-error"' in page and "Give a reason for rejecting the request" in page
    assert "govuk-notification-banner" not in page


def test_amounts_have_thousands_separators_on_every_money_page(client, staff, teams, catalogue):
    """Issue 13: £3,000.00, not £3000.00, wherever an amount is shown (the queue, the young person's money, the
    entitlements their worker sees, the totals by budget and team)."""
    from money.models import Payment, PaymentRun

    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    run = PaymentRun.objects.create(period_ending=dt.date(2025, 6, 13))
    Payment.objects.create(young_person=yp, entitlement=catalogue["SUHA"], amount="1250.00",
                           paid_on=dt.date(2025, 6, 13), period_key=f"t-{yp.pk}", run=run, team=teams["north"],
                           budget_code="LC-SUHA")
    actions.raise_request(staff["pa_north"], yp, catalogue["SUHA"], "1500.00", "Furniture")
    client.force_login(staff["tm_north"])
    for url in ("/money/", f"/money/young-person/{yp.pk}/"):
        page = client.get(url).content.decode()
        assert "£1,250.00" in page or "£1,500.00" in page, url
        assert not re.search(r"£\d{4}", page), (url, re.findall(r"£\d{4}[\d.,]*", page))


def test_approval_is_checked_on_its_own_page_never_one_click(client, staff, teams, catalogue):
    """Issue 13: approval was one click from the queue. The queue now leads to a check page that shows what was
    asked, by whom, whether it is due today and what is left; a post without that check approves nothing."""
    from money.models import PaymentRequest

    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    req = actions.raise_request(staff["pa_north"], yp, catalogue["SUHA"], "450.00", "Cooker")
    client.force_login(staff["tm_north"])
    queue = client.get("/money/").content.decode()
    assert f'href="/money/requests/{req.pk}/decide/"' in queue and 'value="approve"' not in queue
    # A post straight from anywhere without the check shows the check page and changes nothing
    shown = client.post(f"/money/requests/{req.pk}/decide/", {"decision": "approve", "version": req.version})
    assert shown.status_code == 200 and "Check and approve" in shown.content.decode()
    assert PaymentRequest.objects.get(pk=req.pk).status == "requested"
    page = client.get(f"/money/requests/{req.pk}/decide/").content.decode()
    assert "£450.00" in page and "Asked by" in page and "Cooker" in page and "left" in page
    client.post(f"/money/requests/{req.pk}/decide/", {"decision": "approve", "checked": "1", "version": req.version})
    assert PaymentRequest.objects.get(pk=req.pk).status == "approved"


def test_the_check_page_is_only_for_those_who_decide(client, staff, teams, catalogue):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    req = actions.raise_request(staff["pa_north"], yp, catalogue["SUHA"], "100.00", "Kettle")
    client.force_login(staff["pa_north"])
    assert client.get(f"/money/requests/{req.pk}/decide/").status_code == 403
    client.force_login(staff["tm_south"])
    assert client.get(f"/money/requests/{req.pk}/decide/").status_code == 404
