"""Requests and approvals: limits, one's own request, the Setting Up Home balance, bad amounts, closed cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from money import actions
from money.models import Entitlement, Payment
from money.presets import load_catalogue
from money.queries import entitled_today, suha_remaining
from people.tests.factories import young_person


@pytest.fixture
def suha(db):
    load_catalogue()
    return Entitlement.objects.get(code="SUHA")


def test_suha_spent_in_parts_with_the_balance_shown(staff, teams, suha):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    req = actions.raise_request(staff["pa_north"], yp, suha, "1200.50", "Bed and cooker")
    actions.approve(staff["hos"], req)  # over the team manager's £500
    actions.mark_paid(staff["finance"], req)
    assert suha_remaining(yp) == Decimal("1799.50")
    with pytest.raises(ValidationError, match="more than the £1,799.50 left"):
        actions.raise_request(staff["pa_north"], yp, suha, "1800.00", "Sofa")
    offer = next(o for o in entitled_today(yp, dt.date.today()) if o.code == "SUHA")
    assert offer.paid == Decimal("1200.50") and offer.left == Decimal("1799.50")
    assert AuditEvent.objects.filter(young_person=yp, object_type="money.PaymentRequest").count() == 3


@pytest.mark.parametrize("amount, message", [("-5", "more than £0"), ("ten pounds", "amount of money"),
                                             ("12.345", "pounds and pence")])
def test_bad_amounts_are_refused(staff, teams, suha, amount, message):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    with pytest.raises(ValidationError, match=message):
        actions.raise_request(staff["pa_north"], yp, suha, amount, "x")


def test_no_one_approves_their_own_request_or_over_their_limit(staff, teams, suha):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    own = actions.raise_request(staff["tm_north"], yp, suha, "100.00", "Kettle")
    with pytest.raises(ValidationError, match="cannot approve your own"):
        actions.approve(staff["tm_north"], own)
    big = actions.raise_request(staff["pa_north"], yp, suha, "900.00", "Furniture")
    with pytest.raises(ValidationError, match="over your approval limit of £500.00"):
        actions.approve(staff["tm_north"], big)
    actions.approve(staff["hos"], big)
    assert not Payment.objects.exists()


def test_nothing_is_paid_to_a_closed_case(staff, teams, suha):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1), status="closed")
    with pytest.raises(ValidationError, match="service is closed"):
        actions.raise_request(staff["pa_north"], yp, suha, "50.00", "Pans")
