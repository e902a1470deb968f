"""Anonymous surveys: what is stored, what staff can see (nothing per person, whatever their role), results only
for groups of 10 or more once closed, and bad answers refused with nothing half-saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from people.tests.factories import young_person
from surveys import actions
from surveys.models import Completion, Question, Respondents, Survey, Tally, TextAnswer
from surveys.results import results_for

pytestmark = pytest.mark.django_db
SECRET = "Zebra crossing outside the Preston hub is dangerous"


def open_survey(staff: dict[str, Any]) -> Survey:
    today = timezone.localdate()
    survey = actions.create_survey(staff["pa_north"], "Care leavers' survey", today, today + dt.timedelta(days=10))
    actions.add_question(staff["pa_north"], survey, "choice", "Do you know what you can get?",
                         choices="Yes\nSome\nNo", required=True)
    actions.add_question(staff["pa_north"], survey, "text", "What should we change?")
    return actions.publish(staff["tm_north"], survey, version=survey.version)


def answers(survey: Survey, value: int = 7, text: str = "") -> dict[str, str]:
    out = {}
    for q in survey.questions.all():
        out[f"q{q.pk}"] = text if q.kind == "text" else ("1" if q.kind == "choice" else str(value))
    return out


def crowd(n: int, teams: dict[str, Any], staff: dict[str, Any], age: int = 19) -> list[Any]:
    today = timezone.localdate()
    dob = today.replace(year=today.year - age) - dt.timedelta(days=30)
    return [young_person(team=teams["north"], pa=staff["pa_north"], dob=dob, first_name=f"Respondent{i}")
            for i in range(n)]


def test_the_ons_questions_come_first(staff: dict) -> None:
    survey = open_survey(staff)
    keys = list(survey.questions.values_list("ons_key", flat=True))
    assert keys[:4] == ["life_satisfaction", "worthwhile", "happiness", "anxiety"] and keys[4:] == ["", ""]
    assert Question.objects.get(survey=survey, ons_key="happiness").text == "Overall, how happy did you feel yesterday?"


def test_an_answer_is_stored_with_nothing_that_leads_back(staff: dict, yp: Any, access: Any) -> None:
    survey = open_survey(staff)
    actions.answer(access.user, survey, yp, answers(survey, 8, SECRET))
    assert Completion.objects.filter(survey=survey, young_person=yp).count() == 1
    assert Respondents.objects.get(survey=survey, band="16-18").count == 1
    assert Tally.objects.filter(question__survey=survey, count=1).count() == 5  # four ONS and the choice
    assert Tally.objects.filter(question__survey=survey, value="8", count=1).count() == 4
    text = TextAnswer.objects.get()
    assert text.text == SECRET
    # The audit event says only that they answered: no answers, no band
    event = AuditEvent.objects.get(object_type="surveys.Completion")
    assert event.young_person == yp and event.detail == {"survey": survey.title}
    assert SECRET not in str(list(AuditEvent.objects.values_list("detail", flat=True)))


def test_the_stored_shape_cannot_link_answers_to_anyone() -> None:
    """No answer table has a time, a person or a link to another answer; the marker has no answer or time."""
    for model in (Tally, TextAnswer, Respondents):
        for f in model._meta.get_fields():
            assert not isinstance(f, (models.DateField, models.DateTimeField, models.TimeField)), (model, f.name)
            if f.is_relation and f.concrete:
                assert f.related_model in (Question, Survey), (model, f.name)
    assert {f.name for f in Completion._meta.concrete_fields} == {"id", "survey", "young_person"}
    assert {f.name for f in TextAnswer._meta.concrete_fields} == {"id", "question", "text"}
    assert isinstance(TextAnswer._meta.pk, models.UUIDField)  # no order of insertion in the ids


def test_the_whole_record_export_holds_no_answers(staff: dict, yp: Any, access: Any) -> None:
    from people.whole_record import whole_record

    survey = open_survey(staff)
    actions.answer(access.user, survey, yp, answers(survey, 3, SECRET))
    record = whole_record(yp)
    assert record["areas"]["surveys.Completion"]
    assert not {"surveys.Tally", "surveys.TextAnswer", "surveys.Respondents"} & set(record["areas"])
    assert SECRET not in str(record)


@pytest.mark.parametrize("bad", ["11", "-1", "seven", "7.5", "1e9"])
def test_an_answer_out_of_0_to_10_is_a_field_error_and_nothing_is_saved(bad: str, staff: dict, yp: Any,
                                                                        access: Any) -> None:
    survey = open_survey(staff)
    raw = answers(survey, 5, "Kept?")
    first = Question.objects.filter(survey=survey).order_by("position").first()
    raw[f"q{first.pk}"] = bad
    with pytest.raises(ValidationError) as caught:
        actions.answer(access.user, survey, yp, raw)
    assert caught.value.message_dict == {f"q{first.pk}": ["Choose a number from 0 to 10"]}
    assert not Completion.objects.exists() and not TextAnswer.objects.exists()
    assert not Tally.objects.filter(count__gt=0).exists() and not Respondents.objects.filter(count__gt=0).exists()


def test_required_and_choice_answers(staff: dict, yp: Any, access: Any) -> None:
    survey = open_survey(staff)
    choice = Question.objects.get(survey=survey, kind="choice")
    with pytest.raises(ValidationError) as caught:
        actions.answer(access.user, survey, yp, {f"q{choice.pk}": "7"})
    assert set(caught.value.message_dict) == {f"q{q.pk}" for q in survey.questions.filter(required=True)}
    assert caught.value.message_dict[f"q{choice.pk}"] == ["Choose one of the answers"]


def test_answering_twice_is_refused(staff: dict, yp: Any, access: Any) -> None:
    survey = open_survey(staff)
    actions.answer(access.user, survey, yp, answers(survey))
    with pytest.raises(ValidationError, match="already answered"):
        actions.answer(access.user, survey, yp, answers(survey, 2))
    assert Respondents.objects.get(survey=survey, band="16-18").count == 1


def test_only_the_young_person_answers_for_themselves(staff: dict, yp: Any, other: Any, access: Any) -> None:
    survey = open_survey(staff)
    with pytest.raises(PermissionDenied):
        actions.answer(access.user, survey, other, answers(survey))
    for user in staff.values():
        with pytest.raises(PermissionDenied):
            actions.answer(user, survey, yp, answers(survey))


def test_results_only_when_closed_and_ten_or_more(staff: dict, teams: dict) -> None:
    survey = open_survey(staff)
    people = crowd(9, teams, staff)
    for p in people:
        actions.answer(None, survey, p, answers(survey, 9, SECRET))
    assert not results_for(survey).shown  # open
    survey = actions.close(staff["tm_north"], survey, version=survey.version)
    found = results_for(survey)
    assert found.closed and not found.shown and found.questions == []  # 9 answers: nothing
    # Ten answers (a survey closed and answered through the same tallies)
    survey2 = open_survey(staff)
    for p in crowd(10, teams, staff):
        actions.answer(None, survey2, p, answers(survey2, 9, SECRET))
    survey2 = actions.close(staff["tm_north"], survey2, version=survey2.version)
    found = results_for(survey2)
    assert found.shown and found.respondents == 10
    everyone = found.questions[0].groups[0]
    assert everyone.n == 10 and str(everyone.mean) == "9.0"
    assert [g.n for g in found.questions[0].groups[1:]] == [0, 10, 0]
    assert found.questions[-1].texts == [SECRET] * 10


def test_a_small_age_band_is_suppressed_with_its_partner(staff: dict, teams: dict) -> None:
    survey = open_survey(staff)
    for p in crowd(4, teams, staff, age=17) + crowd(12, teams, staff, age=20) + crowd(30, teams, staff, age=23):
        actions.answer(None, survey, p, answers(survey, 5))
    survey = actions.close(staff["tm_north"], survey, version=survey.version)
    found = results_for(survey)
    assert found.bands == {"16-18": None, "19-21": None, "22-25": 30}
    groups = {g.name: g.n for g in found.questions[0].groups}
    assert groups == {"Everyone": 46, "Aged 16-18": None, "Aged 19-21": None, "Aged 22-25": 30}


STAFF_PAGES = ["/surveys/", "/surveys/{pk}/", "/surveys/{pk}/results/"]


@pytest.mark.parametrize("role", ["pa_north", "pa_south", "sw_north", "tm_north", "tm_south", "hos", "housing",
                                  "finance", "analyst", "admin"])
def test_no_staff_role_sees_one_young_persons_answers(role: str, staff: dict, teams: dict, yp: Any,
                                                      access: Any) -> None:
    """One young person's answers, and a group of 9: no page any member of staff can open shows either."""
    survey = open_survey(staff)
    actions.answer(access.user, survey, yp, answers(survey, 0, SECRET))
    for p in crowd(8, teams, staff):
        actions.answer(None, survey, p, answers(survey, 10, "Fine"))
    survey = actions.close(staff["tm_north"], survey, version=survey.version)
    client = Client()
    client.force_login(staff[role])
    pages = [u.format(pk=survey.pk) for u in STAFF_PAGES] + [
        f"/young-people/{yp.pk}/", f"/participation/young-person/{yp.pk}/", f"/case-notes/young-person/{yp.pk}/",
        f"/audit/young-person/{yp.pk}/", f"/app/staff/young-person/{yp.pk}/"]
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), (url, response.status_code)
        body = response.content.decode()
        assert SECRET not in body and "Fine" not in body, (role, url)
        if response.status_code == 200 and url.startswith("/surveys/") and url.endswith("results/"):
            assert "Fewer than 10 young people answered" in body
            assert "Sam" not in body
    assert not (staff[role].has_perm("surveys.answer", yp))
