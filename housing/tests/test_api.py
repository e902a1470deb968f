"""/api/v1/housing/: stock, referrals, offers and moves with a token, in the OpenAPI document."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from accommodation.models import AccommodationEpisode
from audit.models import Action, AuditEvent
from housing.models import Offer, Referral
from housing.tests.helpers import stock
from people.eligibility import birthday
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def yp(teams, staff, today):
    return young_person(teams["north"], dob=birthday(today, -17) - dt.timedelta(days=5), pa=staff["pa_north"],
                        la_person_id="LA100", in_care=(birthday(today, -17) - dt.timedelta(days=1500),
                                                       today - dt.timedelta(days=30)))


def test_post_a_referral_then_offer_answer_and_move_in(api_as, staff, yp, today):
    stock(staff["housing"], homes=2, start=today - dt.timedelta(days=90))
    client = api_as("housing")
    made = client.post("/api/v1/housing/referrals/", {
        "young_person": "LA100", "referred_on": (today - dt.timedelta(days=3)).isoformat(), "district": "Northtown",
        "need": "A flat near college"}, format="json")
    assert made.status_code == 201, made.json()
    assert made.json()["priority"] == "high" and made.json()["district"] == "Northtown"
    listed = client.get("/api/v1/housing/referrals/").json()["results"]
    assert [(r["young_person"], r["priority"], r["position"]) for r in listed] == [("LA100", "high", 1)]
    assert AuditEvent.objects.filter(action=Action.VIEW, object_type="api:housing_referrals").count() == 1
    stock_rows = client.get("/api/v1/housing/stock/?status=vacant").json()["results"]
    assert [h["reference"] for h in stock_rows] == ["MS-1", "MS-2"]
    offer = client.post("/api/v1/housing/offers/", {"referral": made.json()["id"], "home": "MS-1",
                                                    "offered_on": today.isoformat()}, format="json")
    assert offer.status_code == 201, offer.json()
    early = client.post("/api/v1/housing/moves/", {"offer": offer.json()["id"], "moved_in_on": today.isoformat()},
                        format="json")
    assert early.status_code == 400 and "offer" in early.json()
    answer = client.post(f"/api/v1/housing/offers/{offer.json()['id']}/answer/",
                         {"accepted": True, "answered_on": today.isoformat()}, format="json")
    assert answer.status_code == 200 and answer.json()["status"] == "accepted"
    moved = client.post("/api/v1/housing/moves/", {"offer": offer.json()["id"], "moved_in_on": today.isoformat(),
                                                   "suitable": True}, format="json")
    assert moved.status_code == 201, moved.json()
    assert AccommodationEpisode.objects.get(young_person=yp, end_date__isnull=True).accom_code == "D1"
    assert client.get("/api/v1/housing/moves/?current=true").json()["results"][0]["home"] == "MS-1"


def test_bad_input_is_refused_with_the_field_named(api_as, staff, teams, yp, today):
    stock(staff["housing"], homes=1, start=today - dt.timedelta(days=90))
    client = api_as("housing")
    closed = young_person(teams["north"], dob=birthday(today, -19), la_person_id="LA200", status="closed")
    refused = client.post("/api/v1/housing/referrals/", {"young_person": "LA200", "referred_on": today.isoformat(),
                                                         "district": None, "need": "A room"}, format="json")
    assert refused.status_code == 400 and "young_person" in refused.json() and closed.pk
    unknown = client.post("/api/v1/housing/referrals/", {"young_person": "LA100", "referred_on": today.isoformat(),
                                                         "district": "Atlantis", "need": "A room"}, format="json")
    assert unknown.status_code == 400 and "district" in unknown.json()
    nobody = client.post("/api/v1/housing/referrals/", {"young_person": "NOPE", "referred_on": today.isoformat(),
                                                        "district": None, "need": "A room"}, format="json")
    assert nobody.status_code == 400 and "young_person" in nobody.json()
    assert Referral.objects.count() == 0
    first = client.post("/api/v1/housing/referrals/", {"young_person": "LA100", "referred_on": today.isoformat(),
                                                       "district": None, "need": "A room"}, format="json").json()
    other = young_person(teams["north"], dob=birthday(today, -18), la_person_id="LA300")
    second = client.post("/api/v1/housing/referrals/", {"young_person": "LA300", "referred_on": today.isoformat(),
                                                        "need": "A room"}, format="json").json()
    assert client.post("/api/v1/housing/offers/", {"referral": first["id"], "home": "MS-1",
                                                   "offered_on": today.isoformat()}, format="json").status_code == 201
    twice = client.post("/api/v1/housing/offers/", {"referral": second["id"], "home": "MS-1",
                                                    "offered_on": today.isoformat()}, format="json")
    assert twice.status_code == 400 and "already offered" in twice.json()["home"][0] and other.pk
    assert Offer.objects.count() == 1


def test_roles_and_scope(api_as, staff, yp, today):
    stock(staff["housing"], homes=1, start=today - dt.timedelta(days=90))
    referral = {"young_person": "LA100", "referred_on": today.isoformat(), "need": "A room"}
    assert api_as("pa_south").post("/api/v1/housing/referrals/", referral, format="json").status_code == 400
    assert api_as("analyst").get("/api/v1/housing/referrals/").status_code == 403
    made = api_as("pa_north").post("/api/v1/housing/referrals/", referral, format="json")
    assert made.status_code == 201
    # A personal adviser refers; only housing advisers and managers offer homes
    assert api_as("pa_north").post("/api/v1/housing/offers/", {"referral": made.json()["id"], "home": "MS-1",
                                                               "offered_on": today.isoformat()},
                                   format="json").status_code == 403
    assert api_as("tm_north").post("/api/v1/housing/offers/", {"referral": made.json()["id"], "home": "MS-1",
                                                               "offered_on": today.isoformat()},
                                   format="json").status_code == 201
    assert APIClient().get("/api/v1/housing/stock/").status_code in (401, 403)


def test_the_housing_api_is_in_the_openapi_document(db):
    doc = APIClient().get("/api/v1/openapi.json").json()
    for path in ["/api/v1/housing/stock/", "/api/v1/housing/referrals/", "/api/v1/housing/offers/",
                 "/api/v1/housing/offers/{id}/answer/", "/api/v1/housing/moves/"]:
        assert path in doc["paths"], path
    assert "post" in doc["paths"]["/api/v1/housing/referrals/"]
