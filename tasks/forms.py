from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from leavingcare.forms import GovukDateField, GovukForm


class StaffChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_full_name()} ({obj.role_label})"


class TaskForm(GovukForm):
    title = forms.CharField(label="What needs doing", max_length=300)
    owner = StaffChoice(label="Who will do it", queryset=get_user_model().objects.none())
    due = GovukDateField(label="Due by", help_text="For example, 27 3 2026. A date in the past shows as overdue.")
    notes = forms.CharField(label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, staff: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if staff is not None:
            self.fields["owner"].queryset = staff


class WithdrawForm(GovukForm):
    reason = forms.CharField(label="Why is the task withdrawn?", max_length=300)
