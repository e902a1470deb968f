from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils import timezone

from contacts.losing_touch import EFFORTS
from contacts.models import ContactKind, MadeBy
from leavingcare.forms import GovukDateField, GovukForm

YES_NO = [("yes", "Yes"), ("no", "No")]


class ContactForm(GovukForm):
    reveals = {"reason_unsuccessful": ("successful", "no")}  # asked only when the contact did not happen

    day = GovukDateField(label="Date of contact")
    time = forms.CharField(label="Time", required=False, max_length=5,
                           help_text="For example, 14:30. Leave blank if not known")
    kind = forms.ChoiceField(label="Kind of contact", choices=ContactKind.choices, widget=forms.RadioSelect)
    made_by = forms.ChoiceField(label="Who made the contact", choices=MadeBy.choices, widget=forms.RadioSelect)
    successful = forms.ChoiceField(label="Did the contact happen?", choices=[
        ("yes", "Yes, we spoke or met"), ("no", "No, it was an attempt")], widget=forms.RadioSelect)
    reason_unsuccessful = forms.CharField(label="If not, why not", required=False, max_length=200)
    seen_alone = forms.ChoiceField(label="Was the young person seen alone?", required=False, widget=forms.RadioSelect,
                                   choices=YES_NO + [("", "Not a visit")])
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea,
                           help_text="A short note in plain words: what matters and what happens next")
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_time(self) -> dt.time:
        text = (self.cleaned_data.get("time") or "").strip()
        if not text:
            return dt.time(12, 0)
        m = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text)
        if not m or int(m[1]) > 23 or int(m[2]) > 59:
            raise forms.ValidationError("Time must be a time of day, like 14:30")
        return dt.time(int(m[1]), int(m[2]))

    def contact_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        when = timezone.make_aware(dt.datetime.combine(d["day"], d["time"]))
        return {"occurred_at": when, "kind": d["kind"], "made_by": d["made_by"], "successful": d["successful"] == "yes",
                "reason_unsuccessful": d["reason_unsuccessful"],
                "seen_alone": {"yes": True, "no": False}.get(d["seen_alone"]), "note": d["note"]}


class AmendForm(ContactForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label="Reason for the amendment", required=False, max_length=300,
                             help_text="Needed after 24 hours: the record keeps what it said before")


class EffortForm(GovukForm):
    effort = forms.ChoiceField(label="What was done", choices=EFFORTS, widget=forms.RadioSelect)
    done_on = GovukDateField(label="Date")
    outcome = forms.CharField(label="Outcome", required=False, max_length=300)


class MissingForm(GovukForm):
    start_date = GovukDateField(label="Missing from")
    end_date = GovukDateField(label="Found or returned on", required=False)
    return_conversation_on = GovukDateField(label="Return conversation on", required=False)
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)
