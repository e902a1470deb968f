from __future__ import annotations

from django import forms

from circumstances import codes
from leavingcare.forms import GovukDateField, GovukForm
from org.models import District
from people import codes as people_codes

TEXT = forms.Textarea


class ReferralForm(GovukForm):
    kind = forms.ChoiceField(label="Support", choices=codes.REFERRAL_KINDS, widget=forms.RadioSelect)
    referred_on = GovukDateField(label="Referred on")
    status = forms.ChoiceField(label="Status", choices=codes.REFERRAL_STATUS, widget=forms.RadioSelect)
    outcome = forms.CharField(label="Outcome", required=False, widget=TEXT)


class ImmigrationForm(GovukForm):
    status = forms.ChoiceField(label="Immigration status", choices=people_codes.IMMIGRATION_STATUS)
    leave_granted_on = GovukDateField(label="Leave to remain granted on", required=False)
    leave_ends_on = GovukDateField(label="Leave to remain ends on", required=False)
    asylum_decision_on = GovukDateField(label="Asylum decision on", required=False)
    solicitor = forms.CharField(label="Solicitor", required=False)
    home_office_reference = forms.CharField(label="Home Office reference", required=False)


class AppealForm(GovukForm):
    lodged_on = GovukDateField(label="Appeal lodged on")
    hearing_on = GovukDateField(label="Hearing on", required=False)
    outcome = forms.CharField(label="Outcome", required=False)
    decided_on = GovukDateField(label="Decided on", required=False)


class ChildForm(GovukForm):
    first_name = forms.CharField(label="Child's first name", required=False)
    date_of_birth = GovukDateField(label="Date of birth or due date")
    lives_with = forms.ChoiceField(label="Who the child lives with", choices=codes.LIVES_WITH,
                                   widget=forms.RadioSelect)
    child_protection = forms.ChoiceField(label="Child protection involvement", choices=codes.CHILD_PROTECTION)


class CustodyForm(GovukForm):
    establishment = forms.CharField(label="Establishment")
    sentence_date = GovukDateField(label="Sentence date")
    release_date = GovukDateField(label="Expected release date", required=False)
    offender_manager = forms.CharField(label="Offender manager", required=False)
    accommodation_on_release = forms.CharField(label="Accommodation on release", required=False, widget=TEXT)


class OutOfAreaForm(GovukForm):
    authority_of_residence = forms.CharField(label="Authority they live in")
    since = GovukDateField(label="Since")
    local_connection = forms.ModelChoiceField(label="District whose local connection is kept", required=False,
                                              queryset=District.objects.all())


class StepDownForm(GovukForm):
    requested_on = GovukDateField(label="Requested on")
    privacy = forms.CharField(label="What the young person wants and why", widget=TEXT)
    safeguarding = forms.CharField(label="Safeguarding considerations", widget=TEXT)


class StepDownDecisionForm(GovukForm):
    decision = forms.ChoiceField(label="Decision", choices=[("agreed", "Agreed: step down to universal services"),
                                                            ("declined", "Declined")], widget=forms.RadioSelect)


class RecordsRequestForm(GovukForm):
    received_on = GovukDateField(label="Request received on")
    pa_notified = forms.BooleanField(label="Tell the personal adviser so they can help read the record",
                                     required=False, initial=True)
    helper = forms.CharField(label="Someone else to help, if not the personal adviser", required=False)
