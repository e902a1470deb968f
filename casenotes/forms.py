from __future__ import annotations

from django import forms

from casenotes.chronology import KINDS
from casenotes.models import NoteKind
from leavingcare.forms import GovukDateField, GovukForm


class NoteForm(GovukForm):
    kind = forms.ChoiceField(label="Kind of note", choices=NoteKind.choices, widget=forms.RadioSelect)
    on = GovukDateField(label="Date", help_text="For example, 27 3 2026")
    other_agency = forms.CharField(label="Other agency (if any)", required=False, max_length=120,
                                   help_text="For example, the housing provider, probation or the college")
    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 6}))


class ChronologyFilter(GovukForm):
    kind = forms.MultipleChoiceField(label="Show", required=False, choices=list(KINDS.items()),
                                     widget=forms.CheckboxSelectMultiple)
    start = GovukDateField(label="From", required=False)
    end = GovukDateField(label="To", required=False)
    significant = forms.BooleanField(label="Significant events only", required=False)
