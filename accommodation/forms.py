from __future__ import annotations

from django import forms

from accommodation import codes
from accommodation.models import Provision
from leavingcare.forms import GovukDateField, GovukForm
from org.models import District

SUITABILITY = [("yes", "Suitable"), ("no", "Not suitable"), ("unknown", "Not known")]


class MoveForm(GovukForm):
    start_date = GovukDateField(label="Moved in on")
    accom = forms.ChoiceField(label="Type of accommodation", choices=codes.ACCOM, widget=forms.RadioSelect)
    suitable = forms.ChoiceField(label="Is it suitable?", choices=SUITABILITY, widget=forms.RadioSelect,
                                 help_text="No fixed abode and custody always count as not suitable")
    provision = forms.ChoiceField(label="Provision", required=False, choices=[("", "Not recorded")] +
                                  list(Provision.choices))
    address = forms.CharField(label="Address and provider of the new home", required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text="For example, the landlord or supported housing provider, and the address")
    postcode = forms.CharField(label="Postcode", required=False, max_length=8)
    district = forms.ModelChoiceField(label="District", required=False, queryset=District.objects.all(),
                                      empty_label="Not recorded")
    out_of_area = forms.BooleanField(label="Outside the authority's area", required=False)
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)

    def clean_postcode(self) -> str:
        import re

        text = re.sub(r"\s+", "", (self.cleaned_data.get("postcode") or "").upper())
        if text and not re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}", text):
            raise forms.ValidationError("Enter a real postcode, like PR1 2AB")
        return f"{text[:-3]} {text[-3:]}" if text else ""


class ActivityForm(GovukForm):
    start_date = GovukDateField(label="From")
    activity = forms.ChoiceField(label="Education, employment or training", choices=codes.ACTIV,
                                 widget=forms.RadioSelect)
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)


class InTouchForm(GovukForm):
    on = GovukDateField(label="Date")
    in_touch = forms.ChoiceField(label="In touch?", choices=codes.IN_TOUCH, widget=forms.RadioSelect)
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)
