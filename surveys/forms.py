"""Forms for building surveys and for "You said, we did". The young person's answer form is built from the
survey's questions in app_views (each field named q<pk>), and checked by surveys.actions.clean_answers."""

from __future__ import annotations

from django import forms

from leavingcare.forms import GovukDateField, GovukForm
from surveys.models import QuestionKind


class SurveyForm(GovukForm):
    title = forms.CharField(label="Title", max_length=150)
    intro = forms.CharField(label="What to tell young people first (optional)", required=False,
                            widget=forms.Textarea, max_length=2000)
    opens_on = GovukDateField(label="Opens on")
    closes_on = GovukDateField(label="Closes on", help_text="Results can be seen once it closes")
    include_ons4 = forms.BooleanField(label="Start with the four ONS personal well-being questions", required=False,
                                      initial=True)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class QuestionForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of question", choices=QuestionKind.choices, widget=forms.RadioSelect)
    text = forms.CharField(label="Question", max_length=300)
    hint = forms.CharField(label="Hint (optional)", required=False, max_length=300)
    choices = forms.CharField(label="Answers to choose from, one on each line (for \"Choose one answer\")",
                              required=False, widget=forms.Textarea, max_length=3000)
    required = forms.BooleanField(label="An answer is needed", required=False)


class UpdateForm(GovukForm):
    you_said = forms.CharField(label="You said", widget=forms.Textarea, max_length=1000)
    we_did = forms.CharField(label="We did", widget=forms.Textarea, max_length=1000)
    survey = forms.ChoiceField(label="From which survey (optional)", required=False)
