"""Survey pages: building and opening a survey, answering in the app (a bad answer is a field error that keeps
the other answers), results, and "You said, we did" in the app."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from surveys.models import Completion, Question, Survey, Tally, Update

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_build_open_answer_close(staff: dict, app_client: Client) -> None:
    today = timezone.localdate()
    pa, tm = client_for(staff["pa_north"]), client_for(staff["tm_north"])
    end = today + dt.timedelta(days=7)
    assert pa.post("/surveys/new/", {"title": "Hubs survey", "opens_on_day": today.day,
                                     "opens_on_month": today.month, "opens_on_year": today.year,
                                     "closes_on_day": end.day, "closes_on_month": end.month,
                                     "closes_on_year": end.year, "include_ons4": "on"}).status_code == 302
    survey = Survey.objects.get()
    assert pa.post(f"/surveys/{survey.pk}/questions/add/", {"kind": "choice", "text": "Which hub?",
                                                            "choices": "Preston"}).status_code == 200  # 1 choice
    pa.post(f"/surveys/{survey.pk}/questions/add/", {"kind": "choice", "text": "Which hub?",
                                                     "choices": "Preston\nBurnley", "required": "on"})
    page = pa.get(f"/surveys/{survey.pk}/").content.decode()
    assert "Open the survey" not in page  # a PA builds; a manager opens it
    assert tm.post(f"/surveys/{survey.pk}/publish/", {"version": survey.version}).status_code == 302
    assert Survey.objects.get().status == "open"

    home = app_client.get("/app/have-your-say/").content.decode()
    assert "Hubs survey" in home
    form = app_client.get(f"/app/have-your-say/{survey.pk}/").content.decode()
    assert "Overall, how satisfied are you with your life nowadays?" in form
    qs = list(Question.objects.filter(survey=survey).order_by("position"))
    posted = {f"q{q.pk}": "6" for q in qs[:4]} | {f"q{qs[4].pk}": "1"}
    posted[f"q{qs[0].pk}"] = "11"
    bad = app_client.post(f"/app/have-your-say/{survey.pk}/", posted)
    body = bad.content.decode()
    assert bad.status_code == 200 and "There is a problem" in body and "Choose a number from 0 to 10" in body
    assert f'href="#q{qs[0].pk}-0"' in body
    assert f'id="q{qs[1].pk}-6" name="q{qs[1].pk}" type="radio" value="6" checked' in body  # kept
    assert not Completion.objects.exists() and not Tally.objects.filter(count__gt=0).exists()
    posted[f"q{qs[0].pk}"] = "7"
    assert app_client.post(f"/app/have-your-say/{survey.pk}/", posted).status_code == 302
    assert "Answered" in app_client.get("/app/have-your-say/").content.decode()
    again = app_client.get(f"/app/have-your-say/{survey.pk}/")
    assert again.status_code == 302 and Completion.objects.count() == 1

    results = tm.get(f"/surveys/{survey.pk}/results/").content.decode()
    assert "Results show once the survey closes" in results
    tm.post(f"/surveys/{survey.pk}/close/", {"version": Survey.objects.get().version})
    results = tm.get(f"/surveys/{survey.pk}/results/").content.decode()
    assert "Fewer than 10 young people answered" in results


def test_you_said_we_did(staff: dict, app_client: Client) -> None:
    tm = client_for(staff["tm_north"])
    assert client_for(staff["pa_north"]).post("/surveys/you-said-we-did/new/", {
        "you_said": "x", "we_did": "y"}).status_code == 403
    missing = tm.post("/surveys/you-said-we-did/new/", {"you_said": "Bus fares are too high", "we_did": ""})
    assert missing.status_code == 200 and "Enter we did" in missing.content.decode()
    tm.post("/surveys/you-said-we-did/new/", {"you_said": "Bus fares are too high", "we_did": "Bus passes for hubs"})
    assert "Bus passes for hubs" in app_client.get("/app/have-your-say/").content.decode()
    post = Update.objects.get()
    tm.post(f"/surveys/you-said-we-did/{post.pk}/withdraw/", {"version": post.version})
    assert "Bus passes for hubs" not in app_client.get("/app/have-your-say/").content.decode()


def test_who_opens_the_survey_pages(staff: dict) -> None:
    expected = {"pa_north": 200, "sw_north": 200, "tm_north": 200, "hos": 200, "analyst": 200,
                "housing": 403, "finance": 403, "admin": 403}
    for name, status in expected.items():
        assert client_for(staff[name]).get("/surveys/").status_code == status, name
