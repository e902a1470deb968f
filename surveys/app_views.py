"""The young person's side of surveys, in the app (/app/have-your-say/): surveys to answer on their own, and
"You said, we did". Answers go to surveys.actions.answer, which keeps nothing that leads back to them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from leavingcare.access import rule
from participation.app_views import base
from surveys import actions
from surveys.models import Completion, QuestionKind, Survey, SurveyStatus, Update
from youngapp import queries as app_queries
from youngapp.views import young_person_only


def _open_surveys() -> Any:
    today = timezone.localdate()
    return Survey.objects.filter(status=SurveyStatus.OPEN, opens_on__lte=today, closes_on__gte=today)


@young_person_only
@rule("surveys.answer")
def home(request: HttpRequest) -> HttpResponse:
    yp = app_queries.own_record(request.user)
    answered = set(Completion.objects.filter(young_person=yp).values_list("survey_id", flat=True))
    surveys = [(s, s.pk in answered) for s in _open_surveys()]
    return render(request, "surveys/app/home.html", {
        **base(request, yp, "have_your_say", "say"), "surveys": surveys,
        "updates": Update.objects.filter(withdrawn=False).select_related("survey")[:20]})


def _questions(survey: Survey, posted: dict[str, Any], errors: dict[str, list[str]]) -> list[dict[str, Any]]:
    out = []
    for q in survey.questions.all():
        name = f"q{q.pk}"
        out.append({"q": q, "name": name, "value": posted.get(name, ""), "errors": errors.get(name, []),
                    "options": list(enumerate(q.choices)) if q.kind == QuestionKind.CHOICE else [],
                    "scale": [str(n) for n in range(11)] if q.kind == QuestionKind.SCALE else []})
    return out


@young_person_only
@rule("surveys.answer", "surveys.answer")
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    yp = app_queries.own_record(request.user)
    survey = _open_surveys().filter(pk=pk).first()
    if survey is None:
        raise Http404("No open survey")
    if Completion.objects.filter(survey=survey, young_person=yp).exists():
        messages.info(request, "You have already answered this survey. Thank you")
        return redirect("surveys_app:home")
    errors: dict[str, list[str]] = {}
    posted: dict[str, Any] = {}
    if request.method == "POST":
        posted = {k: v for k, v in request.POST.items() if k.startswith("q")}
        try:
            actions.answer(request.user, survey, yp, posted, request=request)
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"survey": error.messages}
        else:
            messages.success(request, "Thank you. Your answers are sent, without your name")
            return redirect("surveys_app:home")
    questions = _questions(survey, posted, errors)
    summary = [(f"#{item['name']}-0" if item["scale"] or item["options"] else f"#{item['name']}", e)
               for item in questions for e in item["errors"]]
    summary += [("#main-content", e) for e in errors.get("survey", [])]
    return render(request, "surveys/app/answer.html", {
        **base(request, yp, "survey", "say"), "s": survey, "questions": questions, "summary": summary,
        "error_title": bool(errors)}, status=200)
