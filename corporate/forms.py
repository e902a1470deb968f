"""Forms for the board's records and the action plans. The verbs in corporate/actions.py do the checking; these
forms only carry what was typed (so a refusal names the field and keeps the text)."""

from __future__ import annotations

from typing import Any

from django import forms

from corporate.models import ActionPlan, AgeBand, Attendee, BoardItem, Measure, Meeting, PriorityGroup, Rag
from leavingcare.forms import GovukDateField, GovukForm

BLANK = [("", "None")]


class MeetingForm(GovukForm):
    held_on = GovukDateField(label="Date of the meeting", required=False)
    kind = forms.ChoiceField(label="Meeting", choices=Meeting.Kind.choices)
    venue = forms.CharField(label="Where", required=False)
    chair = forms.CharField(label="Chair", required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    cancelled = forms.BooleanField(label="The meeting was cancelled", required=False)


class AttendeeForm(GovukForm):
    name = forms.CharField(label="Name", required=False,
                           help_text="For young people's representatives, the first name only")
    role = forms.ChoiceField(label="Attends as", choices=Attendee.Role.choices, widget=forms.RadioSelect)
    organisation = forms.CharField(label="Organisation", required=False)
    apologies = forms.BooleanField(label="Sent apologies", required=False)


class TrackedForm(GovukForm):
    owner = forms.CharField(label="Owner", required=False)
    due_on = GovukDateField(label="Due date", required=False)
    rag = forms.ChoiceField(label="Status", choices=Rag.choices, widget=forms.RadioSelect,
                            help_text="When the action names a measure, its status is read from the live figure")
    measure = forms.ChoiceField(label="Measure it is tracked by", choices=BLANK + Measure.choices, required=False)
    age_band = forms.ChoiceField(label="Age band of the measure", choices=BLANK + AgeBand.choices, required=False)
    target = forms.CharField(label="Target (%)", required=False)


class ItemForm(TrackedForm):
    field_order = ["kind", "text", "group", "owner", "due_on", "rag", "measure", "age_band", "target"]
    kind = forms.ChoiceField(label="Decision or action", choices=BoardItem.Kind.choices, widget=forms.RadioSelect)
    text = forms.CharField(label="What the board decided or asked for", widget=forms.Textarea, required=False)
    group = forms.ModelChoiceField(label="Priority group", queryset=PriorityGroup.objects.filter(archived=False),
                                   required=False, empty_label="None")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].help_text = "An action needs an owner and a due date; a decision does not"


class GroupForm(GovukForm):
    number = forms.CharField(label="Number", required=False)
    title = forms.CharField(label="Title", required=False)
    aim = forms.CharField(label="Aim", widget=forms.Textarea, required=False)
    leads = forms.CharField(label="Priority leads", required=False)


class DeliverableForm(GovukForm):
    description = forms.CharField(label="Key activity or deliverable", widget=forms.Textarea, required=False)
    due_text = forms.CharField(label="Due, as the board wrote it", required=False,
                               help_text="For example, Stage 1 by June 2022")
    due_on = GovukDateField(label="Due date", required=False)
    rag = forms.ChoiceField(label="Status", choices=Rag.choices, widget=forms.RadioSelect)


class PlanForm(GovukForm):
    title = forms.CharField(label="Title", required=False)
    kind = forms.ChoiceField(label="Kind of plan", choices=ActionPlan.Kind.choices, widget=forms.RadioSelect)
    summary = forms.CharField(label="Summary", widget=forms.Textarea, required=False)
    started_on = GovukDateField(label="Started", required=False)


class StepForm(TrackedForm):
    field_order = ["theme", "where_we_are", "change_needed", "what_we_will_do", "how_measured", "outcomes",
                   "owner", "due_on", "rag", "measure", "age_band", "target"]
    theme = forms.CharField(label="Theme", required=False)
    where_we_are = forms.CharField(label="Where we are now", widget=forms.Textarea, required=False)
    change_needed = forms.CharField(label="The change we need to make", widget=forms.Textarea, required=False)
    what_we_will_do = forms.CharField(label="What we will do", widget=forms.Textarea, required=False)
    how_measured = forms.CharField(label="How we will measure progress", widget=forms.Textarea, required=False)
    outcomes = forms.CharField(label="Outcomes", widget=forms.Textarea, required=False)
