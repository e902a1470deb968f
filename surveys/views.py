"""Staff pages for surveys under /surveys/: build a survey, open and close it, see its results (groups of 10 or
more only, never one young person's answers: surveys/results.py) and post "You said, we did"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from audit.log import record
from audit.models import Action
from leavingcare.access import rule
from leavingcare.pages import submitted
from leavingcare.versioning import parse_version
from surveys import actions
from surveys.forms import QuestionForm, SurveyForm, UpdateForm
from surveys.models import Survey, Update
from surveys.results import respondents_so_far, results_for


def survey_loader(request: HttpRequest, kwargs: dict[str, Any]) -> Survey:
    return get_object_or_404(Survey, pk=kwargs["pk"])


def update_loader(request: HttpRequest, kwargs: dict[str, Any]) -> Update:
    return get_object_or_404(Update, pk=kwargs["pk"])


def _form(request: HttpRequest, form: Any, heading: str, back_url: str, button: str = "Save",
          caption: str = "Surveys") -> HttpResponse:
    return render(request, "includes/form_page.html", {"form": form, "heading": heading, "button": button,
                                                       "back_url": back_url, "caption": caption,
                                                       "error_title": bool(form.errors)})


def _version(request: HttpRequest) -> int | None:
    try:
        return parse_version(request.POST.get("version"))
    except ValidationError:
        return 0


@rule("surveys.view")
def home(request: HttpRequest) -> HttpResponse:
    surveys = list(Survey.objects.all())
    for s in surveys:
        s.so_far = respondents_so_far(s)  # type: ignore[attr-defined]
    record(request.user, Action.VIEW, object_type="page:surveys")
    return render(request, "surveys/home.html", {"surveys": surveys, "updates": Update.objects.all()[:30],
                                                 "today": timezone.localdate()})


@rule("surveys.build", "surveys.build")
def survey_new(request: HttpRequest) -> HttpResponse:
    form = SurveyForm(request.POST or None, initial={"include_ons4": True})
    if submitted(request, form, lambda d: actions.create_survey(
            request.user, d["title"], d["opens_on"], d["closes_on"], d["intro"], d["include_ons4"],
            request=request), lambda s: f"{s.title} is saved as a draft"):
        return redirect("surveys:home")
    return _form(request, form, "Write a survey", reverse("surveys:home"), "Save draft")


@rule("surveys.view", of=survey_loader)
def survey(request: HttpRequest, pk: int) -> HttpResponse:
    s = survey_loader(request, {"pk": pk})
    return render(request, "surveys/survey.html", {"s": s, "questions": s.questions.all(),
                                                   "so_far": respondents_so_far(s), "closed": s.is_closed()})


@rule("surveys.build", "surveys.build", of=survey_loader)
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    s = survey_loader(request, {"pk": pk})
    form = SurveyForm(request.POST or None, initial={"title": s.title, "intro": s.intro, "opens_on": s.opens_on,
                                                     "closes_on": s.closes_on, "include_ons4": s.include_ons4,
                                                     "version": s.version})
    form.fields["include_ons4"].disabled = True
    back = reverse("surveys:survey", args=[s.pk])
    if submitted(request, form, lambda d: actions.change_survey(
            request.user, s, version=_version(request), request=request, title=d["title"], intro=d["intro"],
            opens_on=d["opens_on"], closes_on=d["closes_on"]), "Survey changed"):
        return redirect(back)
    return _form(request, form, "Change the survey", back, caption=s.title)


@rule("surveys.build", "surveys.build", of=survey_loader)
def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    s = survey_loader(request, {"pk": pk})
    form = QuestionForm(request.POST or None)
    back = reverse("surveys:survey", args=[s.pk])
    if submitted(request, form, lambda d: actions.add_question(
            request.user, s, d["kind"], d["text"], d["hint"], d["choices"], d["required"], request=request),
            "Question added"):
        return redirect(back)
    return _form(request, form, "Add a question", back, "Add question", caption=s.title)


@rule(None, "surveys.publish", of=survey_loader)
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    s = survey_loader(request, {"pk": pk})
    try:
        actions.publish(request.user, s, version=_version(request), request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The survey is open: young people see it in the app from its opening date")
    return redirect("surveys:survey", pk=s.pk)


@rule(None, "surveys.publish", of=survey_loader)
def close(request: HttpRequest, pk: int) -> HttpResponse:
    s = survey_loader(request, {"pk": pk})
    try:
        actions.close(request.user, s, version=_version(request), request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "The survey is closed")
    return redirect("surveys:survey", pk=s.pk)


@rule("surveys.view", of=survey_loader)
def results(request: HttpRequest, pk: int) -> HttpResponse:
    s = survey_loader(request, {"pk": pk})
    if s.status == "draft":
        raise Http404("A draft has no results")
    found = results_for(s)
    record(request.user, Action.VIEW, obj=s, object_type="page:survey_results")
    return render(request, "surveys/results.html", {"s": s, "r": found})


@rule("surveys.post_update", "surveys.post_update")
def update_new(request: HttpRequest) -> HttpResponse:
    surveys = {str(s.pk): s for s in Survey.objects.exclude(status="draft")}
    form = UpdateForm(request.POST or None)
    form.fields["survey"].choices = [("", "None")] + [(k, s.title) for k, s in surveys.items()]
    if submitted(request, form, lambda d: actions.post_update(
            request.user, d["you_said"], d["we_did"], surveys.get(d["survey"] or ""), request=request),
            "Posted: young people see it in the app"):
        return redirect("surveys:home")
    return _form(request, form, "You said, we did", reverse("surveys:home"), "Post it")


@rule(None, "surveys.post_update", of=update_loader)
def update_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    post = update_loader(request, {"pk": pk})
    try:
        actions.withdraw_update(request.user, post, version=_version(request), request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Taken down: it no longer shows in the app")
    return redirect("surveys:home")
