from __future__ import annotations

from django import forms

from housing.models import ChallengeOutcome, Home, HomelessnessDecision, HomeStatus, HomeType
from leavingcare.forms import GovukDateField, GovukForm
from org.models import District

SUITABILITY = [("yes", "Suitable"), ("no", "Not suitable"), ("unknown", "Not known")]
ANSWERS = [("accepted", "Accepted"), ("refused", "Refused")]


class ReferralForm(GovukForm):
    referred_on = GovukDateField(label="Date of the referral")
    need = forms.CharField(label="What does the young person need from their home?", widget=forms.Textarea)
    district = forms.ModelChoiceField(label="District wanted", required=False, queryset=District.objects.all(),
                                      empty_label="Anywhere in the county")
    home_type = forms.ChoiceField(label="Type of home wanted", required=False,
                                  choices=[("", "Any type")] + list(HomeType.choices))


class OfferForm(GovukForm):
    home = forms.ModelChoiceField(label="Vacant home", queryset=Home.objects.none())
    offered_on = GovukDateField(label="Date of the offer")

    def __init__(self, *args: object, homes: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if homes is not None:
            self.fields["home"].queryset = homes  # type: ignore[attr-defined]
        self.fields["home"].label_from_instance = lambda h: (  # type: ignore[attr-defined]
            f"{h.reference}: {h.get_home_type_display()}, {h.district} ({h.scheme})")


class AnswerForm(GovukForm):
    answer = forms.ChoiceField(label="The young person's answer", choices=ANSWERS, widget=forms.RadioSelect)
    answered_on = GovukDateField(label="Date of the answer")
    refusal_reason = forms.CharField(label="Why was it refused?", required=False, widget=forms.Textarea,
                                     help_text="Only when the offer was refused")


class MoveInForm(GovukForm):
    moved_in_on = GovukDateField(label="Moved in on")
    suitable = forms.ChoiceField(label="Is it suitable?", choices=SUITABILITY, widget=forms.RadioSelect)


class HomeStatusForm(GovukForm):
    status = forms.ChoiceField(label="Status", widget=forms.RadioSelect, choices=[
        (s.value, s.label) for s in HomeStatus if s != HomeStatus.OCCUPIED])
    on = GovukDateField(label="From")


class StayingPutForm(GovukForm):
    carer_name = forms.CharField(label="Former foster carer")
    carer_reference = forms.CharField(label="Carer reference", required=False)
    start_date = GovukDateField(label="Start date")
    planned_end = GovukDateField(label="Planned end", help_text="Up to the day before the 21st birthday")
    weekly_allowance = forms.CharField(label="Weekly allowance in pounds", help_text="For example, 222.00")


class HomelessnessForm(GovukForm):
    started_on = GovukDateField(label="Homeless from")
    district = forms.ModelChoiceField(label="District council applied to", required=False,
                                      queryset=District.objects.all(), empty_label="Not yet applied")
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea)


class DecisionForm(GovukForm):
    decision = forms.ChoiceField(label="The council's decision", widget=forms.RadioSelect,
                                 choices=[c for c in HomelessnessDecision.choices if c[0] != "pending"])
    decided_on = GovukDateField(label="Date of the decision")


class ChallengeForm(GovukForm):
    challenged_on = GovukDateField(label="Date of the challenge")
    grounds = forms.CharField(label="Grounds for the challenge", widget=forms.Textarea)


class ChallengeOutcomeForm(GovukForm):
    outcome = forms.ChoiceField(label="Outcome", widget=forms.RadioSelect,
                                choices=[c for c in ChallengeOutcome.choices if c[0] != "pending"])
    outcome_on = GovukDateField(label="Date of the outcome")
