from __future__ import annotations

from django import forms

from health import codes
from leavingcare.forms import GovukDateField, GovukForm

YES_NO = [("yes", "Yes"), ("no", "No"), ("unknown", "Not known")]
TEXT = forms.Textarea


def yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class ProfileForm(GovukForm):
    gp_practice = forms.CharField(label="GP practice", required=False)
    gp_ods_code = forms.CharField(label="Practice ODS code", required=False, max_length=6,
                                  help_text="The NHS organisation code, like P81001")
    gp_registered_on = GovukDateField(label="Registered on", required=False)
    passport_issued = forms.BooleanField(label="Health passport issued", required=False)
    passport_issued_on = GovukDateField(label="Health passport issued on", required=False)


class CheckForm(GovukForm):
    kind = forms.ChoiceField(label="Type", choices=codes.CHECK_TYPES, widget=forms.RadioSelect)
    on = GovukDateField(label="Date")
    status = forms.ChoiceField(label="Status", choices=codes.CHECK_STATUS, widget=forms.RadioSelect)
    note = forms.CharField(label="Note", required=False, widget=TEXT)


class SDQForm(GovukForm):
    completed_on = GovukDateField(label="Date completed")
    score = forms.IntegerField(label="Score", required=False, help_text="0 to 40",
                               error_messages={"invalid": "The SDQ score must be a whole number between 0 and 40"})
    reason = forms.ChoiceField(label="Or the reason there is no score", required=False,
                               choices=[("", "There is a score")] + codes.SDQ_REASONS)


class ImmunisationForm(GovukForm):
    recorded_on = GovukDateField(label="Date")
    up_to_date = forms.ChoiceField(label="Immunisations up to date?", choices=YES_NO, widget=forms.RadioSelect)
    detail = forms.CharField(label="Detail", required=False, widget=TEXT)


class SubstanceForm(GovukForm):
    recorded_on = GovukDateField(label="Date")
    substance = forms.CharField(label="Substance misused")
    intervention_received = forms.ChoiceField(label="Help received?", choices=YES_NO, widget=forms.RadioSelect)
    help = forms.CharField(label="The help received", required=False, widget=TEXT)


class MentalHealthForm(GovukForm):
    kind = forms.ChoiceField(label="Support or referral", choices=codes.SUPPORT_KINDS, widget=forms.RadioSelect)
    service = forms.CharField(label="Service",
                              help_text="For example Ask Jan counselling, community mental health team")
    started_on = GovukDateField(label="Referred or started on")
    status = forms.ChoiceField(label="Status", choices=codes.SUPPORT_STATUS)
    outcome = forms.CharField(label="Outcome", required=False, widget=TEXT)
