"""Anonymous surveys in the young person's app, and "You said, we did".

Anonymity is built into what is stored (README, "Anonymous surveys"):

- ``Completion`` says only that a young person has answered a survey (so nobody answers twice). It holds no
  answer, no time and nothing that points at an answer.
- Answers to scale and single-choice questions are never stored one by one: each answer adds one to a
  ``Tally`` (question, age band, value). There is no row for "one young person's answers" to find.
- Free text is stored alone (``TextAnswer``): its question and the words, with a random id, no time, no age band
  and no link to any other answer.
- Results are shown only once the survey has closed (so results cannot be compared before and after one more
  answer), only for groups of 10 or more, with complementary suppression (``surveys/rules.py``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from leavingcare.versioning import Versioned


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Survey(Versioned):
    title = models.CharField(max_length=150)
    intro = models.TextField(blank=True, max_length=2000)
    include_ons4 = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT)
    opens_on = models.DateField()
    closes_on = models.DateField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")),
                                              name="survey_closes_after_it_opens")]

    def __str__(self) -> str:
        return self.title

    def is_answerable(self, today: object = None) -> bool:
        today = today or timezone.localdate()
        return self.status == SurveyStatus.OPEN and self.opens_on <= today <= self.closes_on  # type: ignore

    def is_closed(self, today: object = None) -> bool:
        today = today or timezone.localdate()
        return self.status == SurveyStatus.CLOSED or (
            self.status == SurveyStatus.OPEN and self.closes_on < today)  # type: ignore


class QuestionKind(models.TextChoices):
    SCALE = "scale", "Scale from 0 to 10"
    CHOICE = "choice", "Choose one answer"
    TEXT = "text", "Free text"


class Question(Versioned):
    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=QuestionKind.choices)
    text = models.CharField(max_length=300)
    hint = models.CharField(max_length=300, blank=True)
    choices = models.JSONField(default=list, blank=True)
    required = models.BooleanField(default=False)
    ons_key = models.CharField(max_length=20, blank=True)
    low_label = models.CharField(max_length=60, blank=True)
    high_label = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["survey", "position"], name="one_question_per_position")]

    def __str__(self) -> str:
        return self.text


class Completion(models.Model):
    """Only that this young person has answered this survey. Nothing here leads to their answers."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="completions")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "young_person"], name="answer_a_survey_once")]


class Respondents(models.Model):
    """How many young people in an age band answered a survey."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="respondents")
    band = models.CharField(max_length=10)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "band"], name="one_respondent_count_per_band")]


class Tally(models.Model):
    """How many young people in an age band gave ``value`` to a scale or choice question."""

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="tallies")
    band = models.CharField(max_length=10)
    value = models.CharField(max_length=10)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "band", "value"], name="one_tally_per_value")]


class TextAnswer(models.Model):
    """One free-text answer, on its own: a random id, no time, no age band, no link to other answers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="text_answers")
    text = models.TextField(max_length=1000)


class Update(Versioned):
    """"You said, we did": what young people told us, and what changed because of it. Shown in the app."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, null=True, blank=True, related_name="updates")
    you_said = models.TextField(max_length=1000)
    we_did = models.TextField(max_length=1000)
    published_on = models.DateField()
    withdrawn = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["-published_on", "-pk"]
