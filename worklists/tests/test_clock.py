"""The statutory clock, rule by rule (table tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from worklists.clock import Facts, Intervals, add_months, clock

AS_AT = dt.date(2025, 6, 15)
DOB_17 = dt.date(2008, 1, 10)  # 17 on the as-at date
DOB_19 = dt.date(2006, 1, 10)
D = dt.date


def kinds(f: Facts, iv: Intervals | None = None) -> dict[str, tuple[dt.date, str, int | None]]:
    return {d.kind: (d.due, d.status, d.worker_id) for d in clock(f, AS_AT, iv or Intervals())}


@pytest.mark.parametrize("last_contact, due, status", [
    (D(2025, 4, 15), D(2025, 6, 15), "due_soon"),   # due today: not yet overdue
    (D(2025, 4, 14), D(2025, 6, 14), "overdue"),
    (D(2025, 4, 29), D(2025, 6, 29), "due_soon"),   # 14 days ahead
    (D(2025, 4, 30), D(2025, 6, 30), "upcoming"),
    (D(2024, 12, 31), D(2025, 2, 28), "overdue"),   # month end: 31 December + 2 months
])
def test_pa_contact_two_months_after_last_successful_contact(last_contact, due, status):
    f = Facts(dob=DOB_19, category="former_relevant", pa_id=7, pa_since=D(2024, 1, 1), last_pa_contact=last_contact)
    assert kinds(f)["pa_contact"] == (due, status, 7)


def test_pa_contact_without_any_contact_runs_from_allocation():
    f = Facts(dob=DOB_19, category="former_relevant", pa_id=7, pa_since=D(2025, 5, 1))
    assert kinds(f)["pa_contact"][0] == D(2025, 7, 1)


@pytest.mark.parametrize("category, due", [("relevant", D(2025, 6, 17)), ("former_relevant", D(2025, 7, 20))])
def test_move_brings_contact_forward_for_relevant_young_people(category, due):
    dob = DOB_17 if category == "relevant" else DOB_19
    f = Facts(dob=dob, category=category, pa_id=7, pa_since=D(2024, 1, 1), last_pa_contact=D(2025, 5, 20),
              last_move=D(2025, 6, 10))
    assert kinds(f)["pa_contact"][0] == due


@pytest.mark.parametrize("looked_after, dob, expected", [
    (True, DOB_17, D(2025, 6, 12)), (False, DOB_17, None), (True, DOB_19, None)])
def test_social_worker_visit_every_six_weeks_for_looked_after_16_17(looked_after, dob, expected):
    category = "eligible" if dob == DOB_17 and looked_after else "former_relevant" if dob == DOB_19 else "relevant"
    f = Facts(dob=dob, category=category, looked_after=looked_after, sw_id=3, last_sw_visit=D(2025, 5, 1),
              assessment_completed=True)
    got = kinds(f).get("sw_visit")
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize("eligible_from, completed, due", [
    (D(2024, 1, 10), False, D(2024, 4, 10)),   # 16th birthday is later than becoming eligible... same day here
    (D(2024, 9, 1), False, D(2024, 12, 1)),    # eligible after 16: 3 months from then
    (D(2024, 9, 1), True, None),
])
def test_needs_assessment_three_months_after_16_or_becoming_eligible(eligible_from, completed, due):
    f = Facts(dob=DOB_17, category="eligible", looked_after=True, eligible_from=eligible_from,
              assessment_completed=completed, sw_id=3)
    got = kinds(f).get("needs_assessment")
    assert (got[0] if got else None) == due


def test_plan_review_six_months_after_latest_plan_and_configurable():
    f = Facts(dob=DOB_19, category="former_relevant", pa_id=7, pa_since=D(2024, 1, 1),
              last_pa_contact=D(2025, 6, 1), latest_plan=D(2025, 1, 5))
    assert kinds(f)["pathway_plan_review"] == (D(2025, 7, 5), "upcoming", 7)
    assert kinds(f, Intervals(plan_review_months=5))["pathway_plan_review"] == (D(2025, 6, 5), "overdue", 7)


@pytest.mark.parametrize("dob, category, pa, expected", [
    (DOB_17, "eligible", None, D(2025, 1, 10)),
    (DOB_17, "eligible", 7, None),
    (dt.date(2009, 1, 10), "eligible", None, None),       # 16: not yet
    (DOB_19, "qualifying", None, None),                   # PA only on request
])
def test_pa_allocation_at_co_allocation_age(dob, category, pa, expected):
    f = Facts(dob=dob, category=category, pa_id=pa, pa_since=D(2025, 1, 1) if pa else None,
              assessment_completed=True, last_pa_contact=D(2025, 6, 1) if pa else None)
    got = kinds(f).get("pa_allocation")
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize("facts", [
    Facts(dob=DOB_19, category="former_relevant", is_open=False, pa_id=7),
    Facts(dob=DOB_19, category="none", pa_id=7),
    Facts(dob=dt.date(2000, 1, 1), category="former_relevant", pa_id=7),  # 25
])
def test_nothing_due_when_closed_not_a_care_leaver_or_25(facts):
    assert clock(facts, AS_AT) == []


def test_add_months_handles_leap_years():
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2023, 12, 31), 2) == D(2024, 2, 29)


def test_a_review_brought_forward_after_a_change_is_due_sooner():
    f = Facts(dob=DOB_19, category="former_relevant", pa_id=7, pa_since=D(2024, 1, 1),
              last_pa_contact=D(2025, 6, 1), latest_plan=D(2025, 1, 5), review_due=D(2025, 6, 20))
    assert kinds(f)["pathway_plan_review"] == (D(2025, 6, 20), "due_soon", 7)


DOB_24 = dt.date(2001, 1, 10)  # 24 on the as-at date: 17th birthday 2018, 21st 2022


@pytest.mark.parametrize("dob, facts, expected", [
    # statute: due from the co-allocation birthday (s23A/s23B/s23C) ...
    (DOB_17, {"category": "eligible"}, D(2025, 1, 10)),
    (DOB_19, {"category": "former_relevant"}, D(2023, 1, 10)),
    # ... or from the day the last PA's allocation ended, or the case was opened again, whichever is latest
    (DOB_19, {"category": "former_relevant", "pa_ended": D(2025, 5, 30)}, D(2025, 5, 30)),
    (DOB_19, {"category": "former_relevant", "pa_ended": D(2024, 2, 1), "opened_on": D(2025, 6, 20)},
     D(2025, 6, 20)),
    (DOB_19, {"category": "former_relevant", "opened_on": D(2025, 6, 1)}, D(2025, 6, 1)),
    # from 21 the duty is on request to 25 (s23CZB): never due from a date before the 21st birthday
    (DOB_24, {"category": "former_relevant"}, D(2022, 1, 10)),
    (DOB_24, {"category": "former_relevant", "pa_ended": D(2025, 4, 2)}, D(2025, 4, 2)),
    (DOB_24, {"category": "former_relevant", "opened_on": D(2025, 5, 12)}, D(2025, 5, 12)),
    # not for a qualifying young person (only on request), nor anyone stepped down or closed
    (DOB_24, {"category": "qualifying"}, None),
    (DOB_24, {"category": "former_relevant", "is_open": False}, None),
])
def test_pa_allocation_due_from_the_latest_of_the_statutory_starts(dob, facts, expected):
    got = kinds(Facts(dob=dob, assessment_completed=True, **facts)).get("pa_allocation")
    assert (got[0] if got else None) == expected
    if expected is not None:
        assert got[1] == ("overdue" if expected < AS_AT else "due_soon")
