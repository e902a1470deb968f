"""The access history in words (issue 13), not code names such as page:plan_compare or plans.PathwayPlan."""

from __future__ import annotations

import pytest

from audit.log import record
from audit.models import Action
from audit.templatetags.audit_words import field_words, value_words, what_words
from people.tests.factories import young_person


@pytest.mark.parametrize("code, words", [("page:plan_compare", "Plan comparison page"),
                                         ("plans.PathwayPlan", "Pathway plan"),
                                         ("export:plan_pdf", "Download: Pathway plan PDF"),
                                         ("page:money", "Money page")])
def test_what_in_words(db, code, words):
    assert what_words(code) == words


def test_values_and_fields_in_words():
    assert value_words("signed_off") == "signed off" and value_words(None) == "(blank)"
    assert field_words("district_id") == "District" and field_words("next_review_due") == "Next review due"


@pytest.mark.django_db
def test_the_page_shows_words(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    record(staff["tm_north"], Action.CHANGE, young_person=yp, object_type="plans.PathwayPlan", object_id="1",
           detail={"status": {"old": "shared", "new": "signed_off"}})
    client.force_login(staff["tm_north"])
    page = client.get(f"/audit/young-person/{yp.pk}/").content.decode()
    assert "shared → signed off" in page and "Pathway plan" in page
    assert "plans.PathwayPlan" not in page and "signed_off" not in page
