"""Referrals, offers and move-ins through the verbs: what is refused names the field and saves nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accommodation.models import AccommodationEpisode
from audit.models import Action, AuditEvent
from housing import actions
from housing.models import Home, HomeStatusPeriod, Occupancy, Offer, Referral, StayingPut
from housing.queries import void_days_by_home
from housing.tests.helpers import stock
from org.models import Authority, District
from people.eligibility import birthday
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db
D = dt.date


def counts() -> tuple[int, ...]:
    return (Referral.objects.count(), Offer.objects.count(), Occupancy.objects.count(),
            AccommodationEpisode.objects.count(), HomeStatusPeriod.objects.count())


def test_referral_records_priority_from_age_on_the_referral_date(staff, teams):
    yp = young_person(teams["north"], dob=D(2007, 9, 1), pa=staff["pa_north"])
    referral = actions.make_referral(staff["pa_north"], yp, D(2025, 8, 31), "A flat near college",
                                     District.objects.get(name="Northtown"))
    assert referral.priority == "high"  # 17 on the referral date, though 18 the next day
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="housing.Referral", young_person=yp).exists()


def test_priority_bands_come_from_the_authoritys_settings(staff, teams):
    authority = Authority.objects.get()
    authority.config = {"housing_priority_ages": {"medium_from": 19, "low_from": 22}}
    authority.save()
    yp = young_person(teams["north"], dob=D(2006, 9, 1))
    assert actions.make_referral(staff["housing"], yp, D(2025, 1, 1), "Somewhere safe").priority == "high"


def test_a_referral_for_a_closed_record_is_refused_and_nothing_saved(staff, teams):
    yp = young_person(teams["north"], dob=D(2006, 9, 1), status="closed")
    with pytest.raises(ValidationError) as error:
        actions.make_referral(staff["housing"], yp, D(2025, 1, 1), "A room")
    assert "young_person" in error.value.message_dict
    assert "not open" in error.value.message_dict["young_person"][0]
    assert Referral.objects.count() == 0


def test_referral_fields_are_checked(staff, teams):
    yp = young_person(teams["north"], dob=D(2006, 9, 1))
    with pytest.raises(ValidationError) as error:
        actions.make_referral(staff["housing"], yp, D(2099, 1, 1), "  ")
    assert set(error.value.message_dict) == {"need", "referred_on"}


def test_a_practitioner_out_of_scope_may_not_refer(staff, teams):
    yp = young_person(teams["north"], dob=D(2006, 9, 1))
    with pytest.raises(PermissionDenied):
        actions.make_referral(staff["pa_south"], yp, D(2025, 1, 1), "A room")
    with pytest.raises(PermissionDenied):
        actions.add_provider(staff["pa_north"], "Not mine to add")


def test_offer_accept_and_move_in_write_the_accommodation_episode_in_one_step(staff, teams):
    adviser = staff["housing"]
    _, (home, _) = stock(adviser, home_type="supported_lodgings")
    yp = young_person(teams["north"], dob=D(2007, 9, 1), pa=staff["pa_north"])
    referral = actions.make_referral(adviser, yp, D(2025, 3, 1), "Lodgings with support")
    offer = actions.offer_home(adviser, referral, home, D(2025, 3, 10))
    actions.answer_offer(adviser, offer, True, D(2025, 3, 11))
    occupancy = actions.move_in(staff["tm_north"], offer, D(2025, 3, 14), suitable=True)
    episode = AccommodationEpisode.objects.get(young_person=yp, end_date__isnull=True)
    assert (episode.start_date, episode.accom_code, episode.provision, episode.district.name) == (
        D(2025, 3, 14), "E1", "core_supported", "Northtown")
    home.refresh_from_db()
    referral.refresh_from_db()
    assert (home.status, home.status_since, referral.status, referral.ended_on) == (
        "occupied", D(2025, 3, 14), "housed", D(2025, 3, 14))
    assert occupancy.offer == offer and Offer.objects.get().status == "moved_in"
    assert referral.version == 3  # waiting -> offered -> housed
    change = AuditEvent.objects.filter(object_type="housing.Home", action=Action.CHANGE).latest("pk")
    assert change.detail["status"] == {"old": "vacant", "new": "occupied"}


def test_a_home_is_offered_to_one_young_person_at_a_time(staff, teams):
    adviser = staff["housing"]
    _, (home, _) = stock(adviser)
    first = actions.make_referral(adviser, young_person(teams["north"], dob=D(2007, 1, 1)), D(2025, 3, 1), "A flat")
    second = actions.make_referral(adviser, young_person(teams["north"], dob=D(2007, 2, 1)), D(2025, 3, 1), "A flat")
    actions.offer_home(adviser, first, home, D(2025, 3, 10))
    before = counts()
    with pytest.raises(ValidationError) as error:
        actions.offer_home(adviser, second, home, D(2025, 3, 10))
    assert "MS-1 is already offered to another young person" in error.value.message_dict["home"][0]
    assert counts() == before
    second.refresh_from_db()
    assert second.status == "waiting" and second.version == 1


def test_a_move_in_before_the_offer_is_refused_and_nothing_saved(staff, teams):
    adviser = staff["housing"]
    _, (home, _) = stock(adviser)
    yp = young_person(teams["north"], dob=D(2007, 1, 1))
    offer = actions.offer_home(adviser, actions.make_referral(adviser, yp, D(2025, 3, 1), "A flat"), home,
                               D(2025, 3, 10))
    with pytest.raises(ValidationError) as error:
        actions.move_in(adviser, offer, D(2025, 3, 12))
    assert "not been accepted" in error.value.message_dict["offer"][0]
    actions.answer_offer(adviser, offer, True, D(2025, 3, 10))
    before = counts()
    with pytest.raises(ValidationError) as error:
        actions.move_in(adviser, offer, D(2025, 3, 9))
    assert "before the offer" in error.value.message_dict["moved_in_on"][0]
    assert counts() == before
    home.refresh_from_db()
    assert home.status == "vacant"


def test_a_refused_offer_puts_the_referral_back_in_the_queue_and_frees_the_home(staff, teams):
    adviser = staff["housing"]
    _, (home, _) = stock(adviser)
    yp = young_person(teams["north"], dob=D(2007, 1, 1))
    referral = actions.make_referral(adviser, yp, D(2025, 3, 1), "A flat")
    offer = actions.offer_home(adviser, referral, home, D(2025, 3, 10))
    with pytest.raises(ValidationError) as error:
        actions.answer_offer(adviser, offer, False, D(2025, 3, 11))
    assert "refusal_reason" in error.value.message_dict
    actions.answer_offer(adviser, offer, False, D(2025, 3, 11), "Too far from college")
    referral.refresh_from_db()
    assert referral.status == "waiting"
    other = actions.make_referral(adviser, young_person(teams["north"], dob=D(2007, 5, 1)), D(2025, 3, 2), "Any")
    assert actions.offer_home(adviser, other, home, D(2025, 3, 12)).status == "pending"


def test_an_old_version_is_refused(staff, teams):
    adviser = staff["housing"]
    _, (home, _) = stock(adviser)
    actions.set_home_status(adviser, home, "offline", D(2025, 1, 10), version=1)
    with pytest.raises(ValidationError) as error:
        actions.set_home_status(adviser, home, "vacant", D(2025, 1, 20), version=1)
    assert "Someone else changed this home" in error.value.message_dict["version"][0]


def test_void_days_per_home(staff, teams):
    adviser = staff["housing"]
    _, (home, other) = stock(adviser, start=D(2025, 1, 1))
    actions.set_home_status(adviser, home, "void", D(2025, 1, 11))     # vacant 1-10 Jan, void 11-20
    actions.set_home_status(adviser, home, "offline", D(2025, 1, 21))  # offline from 21 Jan: not void
    days = void_days_by_home(Home.objects.all(), D(2025, 1, 1), D(2025, 1, 31))
    assert days == {home.pk: 20, other.pk: 31}
    assert void_days_by_home(Home.objects.filter(pk=home.pk), D(2025, 1, 5), D(2025, 1, 14)) == {home.pk: 10}


def test_staying_put_runs_to_21_with_a_weekly_allowance(staff, teams):
    yp = young_person(teams["north"], dob=D(2006, 6, 15), pa=staff["pa_north"])
    with pytest.raises(ValidationError) as error:
        actions.start_staying_put(staff["pa_north"], yp, "Mrs Carer", D(2024, 6, 15), D(2027, 6, 15), "222.00")
    assert "27/06/2027" not in str(error.value) and "planned_end" in error.value.message_dict
    sp = actions.start_staying_put(staff["pa_north"], yp, "Mrs Carer", D(2024, 6, 15), D(2027, 6, 14), "222.00")
    assert sp.weekly_allowance == Decimal("222.00") and StayingPut.objects.count() == 1
    with pytest.raises(ValidationError) as error:
        actions.start_staying_put(staff["pa_north"], yp, "Mr Carer", birthday(yp.date_of_birth, 17),
                                  D(2026, 1, 1), "abc")
    assert "weekly_allowance" in error.value.message_dict


def test_house_project_register_bids_and_homelessness_challenge(staff, teams):
    adviser = staff["housing"]
    yp = young_person(teams["north"], dob=D(2005, 6, 15))
    cohort = actions.add_cohort(adviser, "Cohort 3", D(2024, 9, 1))
    assert cohort.preparation_ends == D(2025, 3, 1)
    member = actions.join_house_project(adviser, cohort, yp, D(2024, 9, 1))
    actions.record_tenancy(adviser, member, D(2025, 3, 1), "Progress Housing", D(2025, 3, 20))
    member = actions.record_sustained(adviser, member, True, D(2026, 3, 20))
    assert member.sustained and member.version == 3
    district = District.objects.get(name="Northtown")
    reg = actions.register(adviser, yp, district, D(2023, 7, 1), "Band A", "NT-1234")
    with pytest.raises(ValidationError) as error:
        actions.register(adviser, yp, district, D(2023, 8, 1), "Band B", "NT-9")
    assert "district" in error.value.message_dict
    bid = actions.record_bid(adviser, reg, D(2024, 1, 5), "NT-PROP-77")
    assert actions.set_bid_outcome(adviser, bid, "unsuccessful").outcome == "unsuccessful"
    episode = actions.start_homelessness(adviser, yp, D(2025, 1, 2), district)
    with pytest.raises(ValidationError) as error:
        actions.challenge_intentionality(adviser, episode, D(2025, 1, 20), "Not intentional")
    assert "episode" in error.value.message_dict
    actions.decide_homelessness(adviser, episode, "intentional", D(2025, 1, 15))
    challenge = actions.challenge_intentionality(adviser, episode, D(2025, 1, 20), "Rent arrears were not hers")
    with pytest.raises(PermissionDenied):
        actions.challenge_outcome(staff["pa_north"], challenge, "overturned", D(2025, 2, 1))
    actions.challenge_outcome(adviser, challenge, "overturned", D(2025, 2, 1))
    episode.refresh_from_db()
    assert episode.decision == "main_duty"
