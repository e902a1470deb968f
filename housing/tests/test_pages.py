"""The housing pages: what each role sees and may do, forms that name the field, and the views logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from accommodation.actions import record_move
from accommodation.models import AccommodationEpisode
from audit.models import Action, AuditEvent
from housing import actions
from housing.models import Offer, Referral
from housing.tests.helpers import stock
from people.eligibility import birthday
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def setup(staff, teams, today):
    adviser = staff["housing"]
    _, homes = stock(adviser, homes=3, start=today - dt.timedelta(days=60))
    yp = young_person(teams["north"], dob=birthday(today, -17) - dt.timedelta(days=10), pa=staff["pa_north"],
                      first_name="Robin", in_care=(birthday(today, -17) - dt.timedelta(days=1500),
                                                   today - dt.timedelta(days=20)))
    referral = actions.make_referral(adviser, yp, today - dt.timedelta(days=5), "A flat near college")
    return {"adviser": adviser, "homes": homes, "yp": yp, "referral": referral}


def test_navigation_shows_housing_to_advisers_and_managers_only(staff, setup):
    assert "Housing</" in client_for(staff["housing"]).get("/housing/").content.decode().replace("\n", "")
    assert 'href="/housing/"' in client_for(staff["tm_north"]).get("/worklists/team/").content.decode()
    assert 'href="/housing/"' not in client_for(staff["pa_north"]).get("/worklists/").content.decode()
    assert client_for(staff["analyst"]).get("/housing/").status_code == 403


def test_queue_vacancies_move_on_and_figures_pages(staff, setup):
    c = client_for(staff["housing"])
    queue = c.get("/housing/queue/")
    assert queue.status_code == 200 and "Robin" in queue.content.decode() and "Offer a home" in queue.content.decode()
    assert AuditEvent.objects.filter(action=Action.VIEW, object_type="page:housing_queue",
                                     young_person=setup["yp"]).exists()
    vacancies = c.get("/housing/vacancies/").content.decode()
    assert "MS-1" in vacancies and "Vacant" in vacancies
    assert c.get("/housing/move-on/").status_code == 200
    figures = c.get("/housing/figures/").content.decode()
    assert "Waiting time by priority" in figures and "Care leavers homeless now" in figures
    # A personal adviser of another team sees nobody from this team in the queue
    assert "Robin" not in client_for(staff["pa_south"]).get("/housing/queue/").content.decode()


def test_offer_answer_and_move_in_from_the_pages(staff, setup, today):
    c = client_for(staff["housing"])
    referral, home = setup["referral"], setup["homes"][0]
    page = c.get(f"/housing/referrals/{referral.pk}/offer/")
    assert page.status_code == 200 and "MS-1" in page.content.decode()
    day = today - dt.timedelta(days=2)
    date = {"offered_on_day": day.day, "offered_on_month": day.month, "offered_on_year": day.year}
    response = c.post(f"/housing/referrals/{referral.pk}/offer/", {"home": home.pk, "version": 1, **date})
    assert response.status_code == 302
    offer = Offer.objects.get()
    response = c.post(f"/housing/offers/{offer.pk}/answer/", {
        "answer": "accepted", "answered_on_day": day.day, "answered_on_month": day.month,
        "answered_on_year": day.year, "version": 1})
    assert response.status_code == 302
    early = day - dt.timedelta(days=3)
    refused = c.post(f"/housing/offers/{offer.pk}/move-in/", {
        "moved_in_on_day": early.day, "moved_in_on_month": early.month, "moved_in_on_year": early.year,
        "suitable": "yes", "version": 2})
    body = refused.content.decode()
    assert refused.status_code == 200 and "The move-in cannot be before the offer" in body
    assert f'value="{early.day}"' in body  # what was typed is kept
    assert not AccommodationEpisode.objects.filter(accom="D", young_person=setup["yp"]).exists()
    ok = c.post(f"/housing/offers/{offer.pk}/move-in/", {
        "moved_in_on_day": today.day, "moved_in_on_month": today.month, "moved_in_on_year": today.year,
        "suitable": "yes", "version": 2})
    assert ok.status_code == 302
    assert AccommodationEpisode.objects.get(young_person=setup["yp"], end_date__isnull=True).accom_code == "D1"
    assert Referral.objects.get().status == "housed"


def test_an_offer_of_a_home_already_offered_names_the_home(staff, teams, setup, today):
    adviser = setup["adviser"]
    other = actions.make_referral(adviser, young_person(teams["north"], dob=birthday(today, -18)), today, "Any")
    actions.offer_home(adviser, setup["referral"], setup["homes"][0], today)
    response = client_for(adviser).post(f"/housing/referrals/{other.pk}/offer/", {
        "home": setup["homes"][0].pk, "offered_on_day": today.day, "offered_on_month": today.month,
        "offered_on_year": today.year})
    # The form lists only free homes, so the offered one is not a choice any more
    assert response.status_code == 200 and "Select vacant home from the list" in response.content.decode()
    assert Offer.objects.count() == 1


def test_a_personal_adviser_refers_but_may_not_offer(staff, teams, setup, today):
    c = client_for(staff["pa_north"])
    yp = young_person(teams["north"], dob=birthday(today, -19), pa=staff["pa_north"])
    page = c.get(f"/housing/young-person/{yp.pk}/").content.decode()
    assert "Refer for supported accommodation" in page
    response = c.post(f"/housing/young-person/{yp.pk}/refer/", {
        "referred_on_day": today.day, "referred_on_month": today.month, "referred_on_year": today.year,
        "need": "", "district": "", "home_type": ""})
    assert response.status_code == 200 and "Enter what does the young person need" in response.content.decode()
    assert c.get(f"/housing/referrals/{setup['referral'].pk}/offer/").status_code == 403
    assert c.get(f"/housing/young-person/{setup['yp'].pk}/").status_code == 200
    assert client_for(staff["pa_south"]).get(f"/housing/young-person/{setup['yp'].pk}/").status_code == 404


def test_the_bed_and_breakfast_alarm_is_on_every_managers_worklist(staff, teams, today):
    yp = young_person(teams["north"], dob=birthday(today, -17) - dt.timedelta(days=3), first_name="Sky",
                      in_care=(birthday(today, -17) - dt.timedelta(days=1500), today - dt.timedelta(days=30)),
                      pa=staff["pa_north"])
    record_move(None, yp, today, "W", False)
    for who in ("tm_north", "hos", "housing"):
        url = "/housing/" if who == "housing" else "/worklists/team/"
        page = client_for(staff[who]).get(url).content.decode()
        assert "Bed and breakfast" in page and "Sky" in page, who
    assert "Sky" in client_for(staff["pa_north"]).get("/worklists/").content.decode()
    assert "Sky" not in client_for(staff["tm_south"]).get("/worklists/team/").content.decode()
