"""Writing surveys: staff build, open and close them and post "You said, we did"; a young person answers.

``answer`` is the one verb that touches answers. It checks every answer before writing anything, then in one
transaction marks the young person as having answered (``Completion``), adds one to each answer's tally and
stores free text on its own. Its audit event says only that the young person answered the survey.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from leavingcare.versioning import bump, check_version
from surveys import rules as r
from surveys.models import (
    Completion,
    Question,
    QuestionKind,
    Respondents,
    Survey,
    SurveyStatus,
    Tally,
    TextAnswer,
    Update,
)

TEXT_LIMIT = 1000
SURVEY_FIELDS = ["title", "intro", "include_ons4", "opens_on", "closes_on", "status", "version"]


def _who(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _check_dates(opens_on: dt.date | None, closes_on: dt.date | None) -> dict[str, str]:
    errors = {}
    if opens_on is None:
        errors["opens_on"] = "Enter the date the survey opens"
    if closes_on is None:
        errors["closes_on"] = "Enter the date the survey closes"
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = "The survey must close on or after the day it opens"
    return errors


@transaction.atomic
def create_survey(actor: Any, title: str, opens_on: dt.date, closes_on: dt.date, intro: str = "",
                  include_ons4: bool = True, request: Any = None) -> Survey:
    """A draft survey; with ``include_ons4`` the four ONS personal well-being questions come first."""
    require(actor, "surveys.build")
    errors = _check_dates(opens_on, closes_on)
    if not (title or "").strip():
        errors["title"] = "Enter the survey's title"
    if errors:
        raise ValidationError(errors)
    survey = Survey.objects.create(title=title.strip(), intro=(intro or "").strip(), include_ons4=include_ons4,
                                   opens_on=opens_on, closes_on=closes_on, created_by=_who(actor))
    if include_ons4:
        for n, q in enumerate(r.ONS4, start=1):
            Question.objects.create(survey=survey, position=n, kind=QuestionKind.SCALE, text=q.text,
                                    hint=r.ONS4_INTRO if n == 1 else "", required=True, ons_key=q.key,
                                    low_label=q.low, high_label=q.high)
    record(actor, Action.CREATE, obj=survey, detail=snapshot(survey, SURVEY_FIELDS[:-1]), request=request)
    return survey


def _stored(survey: Survey, version: int | None) -> Survey:
    stored = Survey.objects.select_for_update().get(pk=survey.pk)
    check_version(stored, version, "survey")
    return stored


@transaction.atomic
def change_survey(actor: Any, survey: Survey, version: int | None = None, request: Any = None,
                  **fields: Any) -> Survey:
    """Change a draft's title, introduction and dates; an open survey's closing date only."""
    require(actor, "surveys.build")
    stored = _stored(survey, version)
    if stored.status == SurveyStatus.CLOSED:
        raise ValidationError({"title": "This survey is closed: it cannot be changed"})
    if stored.status == SurveyStatus.OPEN and set(fields) - {"closes_on"}:
        fields = {k: v for k, v in fields.items() if k == "closes_on"}
    before = snapshot(stored, SURVEY_FIELDS)
    for name, value in fields.items():
        setattr(stored, name, value.strip() if isinstance(value, str) else value)
    errors = _check_dates(stored.opens_on, stored.closes_on)
    if not stored.title:
        errors["title"] = "Enter the survey's title"
    if errors:
        raise ValidationError(errors)
    bump(stored)
    stored.save()
    changed(actor, stored, None, before, request=request)
    return stored


@transaction.atomic
def add_question(actor: Any, survey: Survey, kind: str, text: str, hint: str = "", choices: str = "",
                 required: bool = False, request: Any = None) -> Question:
    require(actor, "surveys.build")
    stored = Survey.objects.select_for_update().get(pk=survey.pk)
    errors: dict[str, str] = {}
    if stored.status != SurveyStatus.DRAFT:
        errors["text"] = "Questions are added only while the survey is a draft"
    if kind not in QuestionKind.values:
        errors["kind"] = "Select the kind of question"
    if not (text or "").strip():
        errors["text"] = "Enter the question"
    options = r.clean_choices(choices)
    if kind == QuestionKind.CHOICE and len(options) < 2:
        errors["choices"] = "Give at least two answers to choose from, one on each line"
    if len(options) > 20:
        errors["choices"] = "Give 20 answers or fewer"
    if errors:
        raise ValidationError(errors)
    last = stored.questions.order_by("-position").values_list("position", flat=True).first() or 0
    question = Question.objects.create(survey=stored, position=last + 1, kind=kind, text=text.strip(),
                                       hint=(hint or "").strip(),
                                       choices=options if kind == QuestionKind.CHOICE else [], required=required)
    record(actor, Action.CREATE, obj=question, detail={"survey": stored.title, "kind": kind, "text": question.text},
           request=request)
    return question


@transaction.atomic
def publish(actor: Any, survey: Survey, version: int | None = None, request: Any = None) -> Survey:
    """Open a draft to young people (from its opening date). The tallies are made now, all at zero."""
    require(actor, "surveys.publish")
    stored = _stored(survey, version)
    if stored.status != SurveyStatus.DRAFT:
        raise ValidationError({"status": "Only a draft survey can be opened"})
    questions = list(stored.questions.all())
    if not questions:
        raise ValidationError({"status": "Add at least one question before opening the survey"})
    if stored.closes_on < timezone.localdate():
        raise ValidationError({"closes_on": "The closing date has passed: change it before opening the survey"})
    before = snapshot(stored, ["status", "version"])
    Respondents.objects.bulk_create([Respondents(survey=stored, band=b) for b in r.BANDS])
    tallies = []
    for q in questions:
        values = [str(v) for v in r.SCALE] if q.kind == QuestionKind.SCALE else (
            [str(i) for i in range(len(q.choices))] if q.kind == QuestionKind.CHOICE else [])
        tallies += [Tally(question=q, band=b, value=v) for b in r.BANDS for v in values]
    Tally.objects.bulk_create(tallies)
    stored.status = SurveyStatus.OPEN
    bump(stored)
    stored.save(update_fields=["status", "version"])
    changed(actor, stored, None, before, request=request)
    return stored


@transaction.atomic
def close(actor: Any, survey: Survey, version: int | None = None, request: Any = None) -> Survey:
    require(actor, "surveys.publish")
    stored = _stored(survey, version)
    if stored.status != SurveyStatus.OPEN:
        raise ValidationError({"status": "Only an open survey can be closed"})
    before = snapshot(stored, ["status", "closes_on", "version"])
    stored.status = SurveyStatus.CLOSED
    stored.closes_on = min(stored.closes_on, max(stored.opens_on, timezone.localdate()))
    bump(stored)
    stored.save(update_fields=["status", "closes_on", "version"])
    changed(actor, stored, None, before, request=request)
    return stored


def clean_answers(survey: Survey, raw: dict[str, Any]) -> dict[int, Any]:
    """Every answer checked (``raw`` keyed "q<pk>"), or one ValidationError naming each wrong field."""
    errors: dict[str, str] = {}
    clean: dict[int, Any] = {}
    for q in survey.questions.all():
        field = f"q{q.pk}"
        value = raw.get(field)
        text = "" if value is None else str(value).strip()
        if text == "":
            if q.required:
                errors[field] = ("Choose a number from 0 to 10" if q.kind == QuestionKind.SCALE
                                 else "Choose an answer" if q.kind == QuestionKind.CHOICE else "Write your answer")
            continue
        if q.kind == QuestionKind.SCALE:
            try:
                clean[q.pk] = r.parse_scale(text)
            except ValueError as error:
                errors[field] = str(error)
        elif q.kind == QuestionKind.CHOICE:
            if not text.isdigit() or int(text) >= len(q.choices):
                errors[field] = "Choose one of the answers"
            else:
                clean[q.pk] = int(text)
        else:
            if len(text) > TEXT_LIMIT:
                errors[field] = f"Your answer must be {TEXT_LIMIT:,} characters or fewer. It has {len(text):,}."
            elif "\x00" in text:
                errors[field] = "Your answer has a character we cannot keep: take it out"
            else:
                clean[q.pk] = text
    if errors:
        raise ValidationError(errors)
    return clean


@transaction.atomic
def answer(actor: Any, survey: Survey, yp: Any, raw: dict[str, Any], request: Any = None) -> None:
    """A young person's answers, kept without anything that leads back to them (see surveys/models.py)."""
    require(actor, "surveys.answer", yp)
    stored = Survey.objects.get(pk=survey.pk)
    if not stored.is_answerable():
        raise ValidationError({"survey": "This survey is not open"})
    clean = clean_answers(stored, raw)  # nothing is written unless every answer is right
    try:
        with transaction.atomic():
            completion = Completion.objects.create(survey=stored, young_person=yp)
    except IntegrityError:
        raise ValidationError({"survey": "You have already answered this survey. Thank you"}) from None
    band = r.band_for_age(yp.age())
    Respondents.objects.filter(survey=stored, band=band).update(count=F("count") + 1)
    kinds = dict(stored.questions.values_list("pk", "kind"))
    for pk, value in clean.items():
        if kinds[pk] == QuestionKind.TEXT:
            TextAnswer.objects.create(question_id=pk, text=value)
        else:
            updated = Tally.objects.filter(question_id=pk, band=band, value=str(value)).update(count=F("count") + 1)
            if updated != 1:
                raise ValidationError({f"q{pk}": "Choose one of the answers"})
    # Only that they answered: no answers, no age band
    record(actor, Action.CREATE, young_person=yp, object_type="surveys.Completion", object_id=str(completion.pk),
           detail={"survey": stored.title}, request=request)


# ---------------------------------------------------------------- "You said, we did"


@transaction.atomic
def post_update(actor: Any, you_said: str, we_did: str, survey: Survey | None = None,
                published_on: dt.date | None = None, request: Any = None) -> Update:
    require(actor, "surveys.post_update")
    errors = {}
    if not (you_said or "").strip():
        errors["you_said"] = "Enter what young people said"
    if not (we_did or "").strip():
        errors["we_did"] = "Enter what the service did"
    if errors:
        raise ValidationError(errors)
    post = Update.objects.create(survey=survey, you_said=you_said.strip(), we_did=we_did.strip(),
                                 published_on=published_on or timezone.localdate(), created_by=_who(actor))
    record(actor, Action.CREATE, obj=post, detail={"you_said": post.you_said, "we_did": post.we_did,
                                                   "survey": str(survey or "")}, request=request)
    return post


@transaction.atomic
def withdraw_update(actor: Any, post: Update, version: int | None = None, request: Any = None) -> Update:
    require(actor, "surveys.post_update")
    stored = Update.objects.select_for_update().get(pk=post.pk)
    check_version(stored, version, "post")
    if stored.withdrawn:
        raise ValidationError({"you_said": "This post is already taken down"})
    before = snapshot(stored, ["withdrawn", "version"])
    stored.withdrawn = True
    bump(stored)
    stored.save(update_fields=["withdrawn", "version"])
    changed(actor, stored, None, before, request=request)
    return stored
