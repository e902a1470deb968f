"""The Local Offer in the young person's app: read by area and search, only active (and temporarily closed)
entries, entitlement amounts worked out from the catalogue for the young person's age, and only for young
people signed in to the app."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from localoffer import actions
from localoffer.tests.helpers import entry_values
from money.models import Entitlement, Rate
from money.presets import load_catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(staff: dict[str, Any]) -> None:
    load_catalogue()
    birthday = Entitlement.objects.get(code="BIRTHDAY")
    council_tax = Entitlement.objects.get(code="COUNCIL_TAX")
    admin = staff["admin"]
    actions.add_entry(admin, entry_values(name="Birthday money", area="participation", cost_kind="entitlement",
                                          entitlement=birthday.pk))
    actions.add_entry(admin, entry_values(name="No council tax", area="accommodation", cost_kind="entitlement",
                                          entitlement=council_tax.pk, min_age=18))
    actions.add_entry(admin, entry_values(name="Free gym", area="health", summary="Swim and use the gym."))
    actions.add_entry(admin, entry_values(name="Summer trips", area="participation", status="temporarily closed"))
    actions.add_entry(admin, entry_values(name="Old scheme", area="participation", status="inactive"))


def test_areas_then_entries_with_amounts_for_my_age(app_client: Client, offer: None, yp: Any) -> None:
    index = app_client.get("/app/local-offer/")
    html = index.content.decode()
    assert index.status_code == 200 and "What I can get" in html
    for area in ("Health and wellbeing", "Relationships", "Education, employment and training", "Accommodation",
                 "Participation in society"):
        assert area in html
    assert 'aria-current="page">What I can get' in html
    page = app_client.get("/app/local-offer/participation/").content.decode()
    assert "Birthday money" in page and "Summer trips" in page and "Closed for now" in page
    assert "Old scheme" not in page  # inactive: not shown to young people
    assert "Free. You get £50 a year" in page  # Sam is 17: the under-18 birthday rate, from the catalogue


def test_amounts_follow_the_catalogue_rate_not_the_entry(app_client: Client, offer: None) -> None:
    birthday = Entitlement.objects.get(code="BIRTHDAY")
    Rate.objects.create(entitlement=birthday, effective_from=dt.date(2025, 4, 1), amount="60.00",
                        amount_from_18="30.00")
    page = app_client.get("/app/local-offer/participation/").content.decode()
    assert "£60 a year" in page and "£50" not in page


def test_not_for_my_age_is_said_so(app_client: Client, offer: None) -> None:
    page = app_client.get("/app/local-offer/accommodation/").content.decode()
    assert "Not for your age right now" in page
    assert "You can get this from age 18 to 24: ask your PA" in page


def test_search(app_client: Client, offer: None) -> None:
    found = app_client.get("/app/local-offer/", {"q": "swim"}).content.decode()
    assert "Free gym" in found and "Birthday money" not in found and "1 result" in found
    none = app_client.get("/app/local-offer/", {"q": "zzzz"}).content.decode()
    assert "Nothing matches" in none
    assert app_client.get("/app/local-offer/", {"q": "x" * 5000}).status_code == 200


def test_unknown_area_is_404(app_client: Client) -> None:
    assert app_client.get("/app/local-offer/nonsense/").status_code == 404


def test_signed_out_goes_to_sign_in_and_staff_are_told_it_is_not_their_app(staff: dict[str, Any]) -> None:
    answer = Client().get("/app/local-offer/")
    assert answer.status_code == 302 and answer["Location"].startswith("/app/sign-in/")
    client = Client()
    client.force_login(staff["pa_north"])
    assert client.get("/app/local-offer/").status_code == 403


def test_a_young_person_may_read_the_open_data(app_client: Client, offer: None) -> None:
    assert app_client.get("/openreferral/services").status_code == 200


def test_the_service_worker_keeps_local_offer_pages(app_client: Client) -> None:
    worker = app_client.get("/app/sw.js").content.decode()
    assert "/app/local-offer/" in worker and "keep-local-offer" in worker and "/app/sign-in/" in worker


def test_money_on_request_says_up_to(app_client: Client, staff: dict[str, Any]) -> None:
    load_catalogue()
    travel = Entitlement.objects.get(code="FAMILY_TRAVEL")
    actions.add_entry(staff["admin"], entry_values(name="Visit family", area="relationships",
                                                   cost_kind="entitlement", entitlement=travel.pk))
    page = app_client.get("/app/local-offer/relationships/").content.decode()
    assert "Free. You can get up to £300 when your PA agrees" in page
