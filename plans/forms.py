"""The small forms on the plan page: add an action, bring the review forward. The plan text itself is not a form."""

from __future__ import annotations

from typing import Any

from django import forms

from leavingcare.forms import GovukDateField, GovukForm


class ActionForm(GovukForm):
    what = forms.CharField(label="What will be done", max_length=300)
    who = forms.CharField(label="Who will do it", max_length=120)
    by_when = GovukDateField(label="By when")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["by_when"].error_messages["required"] = "Enter the date it will be done by"


class ReviewDueForm(GovukForm):
    review_reason = forms.CharField(label="What has changed", max_length=200)
    review_due = GovukDateField(label="Review due by")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review_due"].error_messages["required"] = "Enter the date the review is due by"
