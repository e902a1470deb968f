"""Forms for participation. They carry what was typed; the verbs in participation/actions.py do the checking
that needs the stored record (a refusal names the field and keeps the text)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils import timezone

from leavingcare.forms import GovukDateField, GovukForm
from org.models import Hub
from participation.models import ActionStatus, Attendance, EventKind, NominationStatus, Weekday

TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_time(raw: str, label: str) -> dt.time:
    match = TIME.match(raw or "")
    if not match:
        raise forms.ValidationError(f"{label} must be a time like 14:30")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise forms.ValidationError(f"{label} must be a real time, like 14:30")
    return dt.time(hour, minute)


class HubChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name


def hubs() -> Any:
    return Hub.objects.filter(active=True).order_by("name")


class EventForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of event", choices=[("", "Choose")] + EventKind.choices)
    title = forms.CharField(label="Title", max_length=150)
    description = forms.CharField(label="What happens (young people read this in the app)", required=False,
                                  widget=forms.Textarea, max_length=4000)
    starts_on = GovukDateField(label="Date it starts", help_text="For example, 27 10 2026")
    starts_time = forms.CharField(label="Start time", max_length=5, help_text="For example, 14:00")
    ends_on = GovukDateField(label="Date it ends (if not the same day)", required=False)
    ends_time = forms.CharField(label="End time", max_length=5, help_text="For example, 16:30")
    hub = HubChoice(label="Hub", queryset=Hub.objects.none(), required=False, empty_label="Not at a hub")
    place = forms.CharField(label="Place (if not at a hub, or more detail)", required=False, max_length=200)
    capacity = forms.IntegerField(label="Places", min_value=1, max_value=10_000,
                                  error_messages={"invalid": "Places must be a whole number, like 20"})
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs()
        self.fields["capacity"].error_messages["min_value"] = "Places must be 1 or more"
        self.fields["capacity"].error_messages["max_value"] = "Places must be 10,000 or fewer"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        tz = timezone.get_current_timezone()
        starts_on = data.get("starts_on")
        for name, label in (("starts_time", "Start time"), ("ends_time", "End time")):
            if name in data:
                try:
                    data[name] = parse_time(data[name], label)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        if starts_on and isinstance(data.get("starts_time"), dt.time):
            data["starts_at"] = dt.datetime.combine(starts_on, data["starts_time"], tzinfo=tz)
            ends_on = data.get("ends_on") or starts_on
            if isinstance(data.get("ends_time"), dt.time):
                data["ends_at"] = dt.datetime.combine(ends_on, data["ends_time"], tzinfo=tz)
        return data

    @staticmethod
    def initial_for(event: Any) -> dict[str, Any]:
        starts, ends = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
        return {"kind": event.kind, "title": event.title, "description": event.description,
                "starts_on": starts.date(), "starts_time": f"{starts:%H:%M}",
                "ends_on": ends.date() if ends.date() != starts.date() else None, "ends_time": f"{ends:%H:%M}",
                "hub": event.hub_id, "place": event.place, "capacity": event.capacity, "version": event.version}


class CancelEventForm(GovukForm):
    reason = forms.CharField(label="Why is it cancelled? (young people booked on it are told this)", max_length=200)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class HubSessionForm(GovukForm):
    hub = HubChoice(label="Hub", queryset=Hub.objects.none())
    weekday = forms.TypedChoiceField(label="Day", choices=Weekday.choices, coerce=int)
    starts_at = forms.CharField(label="Start time", max_length=5, help_text="For example, 13:00")
    ends_at = forms.CharField(label="End time", max_length=5, help_text="For example, 16:00")
    title = forms.CharField(label="What it is", max_length=120, help_text="For example, Drop-in with the duty team")
    description = forms.CharField(label="More about it (optional)", required=False, widget=forms.Textarea,
                                  max_length=2000)
    active = forms.BooleanField(label="Running now", required=False, initial=True)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name, label in (("starts_at", "Start time"), ("ends_at", "End time")):
            if name in data:
                try:
                    data[name] = parse_time(data[name], label)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return data


class BookForForm(GovukForm):
    event = forms.ChoiceField(label="Event")
    waiting_list = forms.BooleanField(label="If it is full, put them on the waiting list", required=False)


class AttendanceForm(GovukForm):
    attendance = forms.ChoiceField(label="Attendance", choices=[c for c in Attendance.choices if c[0]],
                                   widget=forms.RadioSelect)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ForumMeetingForm(GovukForm):
    held_on = GovukDateField(label="Date of the meeting")
    hub = HubChoice(label="Hub", queryset=Hub.objects.none(), required=False, empty_label="Not at a hub")
    place = forms.CharField(label="Place (optional)", required=False, max_length=200)
    young_people_present = forms.IntegerField(label="Young people who came", min_value=0, max_value=500,
                                              required=False)
    notes = forms.CharField(label="Notes (optional)", required=False, widget=forms.Textarea, max_length=4000)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs()


class TopicForm(GovukForm):
    title = forms.CharField(label="Topic", max_length=200)
    summary = forms.CharField(label="What young people said (optional)", required=False, widget=forms.Textarea,
                              max_length=4000)


class ForumActionForm(GovukForm):
    text = forms.CharField(label="Action", max_length=300)
    owner = forms.CharField(label="Who will do it", max_length=120)
    due_on = GovukDateField(label="Due by (optional)", required=False)
    status = forms.ChoiceField(label="Status", choices=ActionStatus.choices, widget=forms.RadioSelect,
                               initial=ActionStatus.OPEN)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class AwardYearForm(GovukForm):
    year = forms.IntegerField(label="Year", min_value=2000, max_value=2100,
                              error_messages={"invalid": "Year must be a year, like 2026"})
    title = forms.CharField(label="Title", max_length=120, help_text="For example, PROUD awards 2026")
    nominations_close = GovukDateField(label="Nominations close")
    ceremony_on = GovukDateField(label="Ceremony date (optional)", required=False)
    categories = forms.CharField(label="Categories, one on each line", required=False, widget=forms.Textarea,
                                 max_length=3000)


class CategoryForm(GovukForm):
    name = forms.CharField(label="Category", max_length=120)
    description = forms.CharField(label="What it recognises (optional)", required=False, max_length=300)


class NominationForm(GovukForm):
    category = forms.ChoiceField(label="Award category")
    reason = forms.CharField(label="Why are you nominating them?", widget=forms.Textarea, max_length=3000)


class DecisionForm(GovukForm):
    status = forms.ChoiceField(label="Decision", choices=NominationStatus.choices, widget=forms.RadioSelect)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
