from __future__ import annotations

from django import forms

from accounts.models import User
from accounts.roles import Role
from leavingcare.forms import GovukDateField, GovukForm
from safeguarding import codes

TEXT = forms.Textarea


class ConcernForm(GovukForm):
    category = forms.ChoiceField(label="Category", choices=[("", "Choose a category")] + codes.CONCERN_CATEGORIES,
                                 help_text="The Children in Need factor the concern is about")
    severity = forms.ChoiceField(label="How serious is it?", choices=codes.SEVERITY, widget=forms.RadioSelect)
    occurred_on = GovukDateField(label="When it happened")
    what_happened = forms.CharField(label="What happened", widget=TEXT)
    immediate_action = forms.CharField(label="What was done at once", required=False, widget=TEXT)


class DecisionForm(GovukForm):
    decision = forms.ChoiceField(label="Decision", choices=codes.DECISIONS, widget=forms.RadioSelect)
    decision_note = forms.CharField(label="Reasons for the decision", required=False, widget=TEXT)
    close = forms.BooleanField(label="Close the concern", required=False)


class OversightForm(GovukForm):
    reason = forms.CharField(label="Why we are most worried about them", widget=TEXT)
    review_every_months = forms.IntegerField(label="Review every (months)", min_value=1, max_value=12, initial=1)


class ReviewForm(GovukForm):
    reviewed_on = GovukDateField(label="Reviewed on")
    progress = forms.CharField(label="Progress and experiences", widget=TEXT)
    actions = forms.CharField(label="Actions to help them be safer", required=False, widget=TEXT)


class SafetyPlanForm(GovukForm):
    risks = forms.CharField(label="Risks", widget=TEXT)
    what_helps = forms.CharField(label="What helps", widget=TEXT)
    who_to_call = forms.CharField(label="Who to call", widget=TEXT, help_text="Names and numbers, day and night")
    young_persons_words = forms.CharField(label="In the young person's words", required=False, widget=TEXT)
    written_with_young_person = forms.BooleanField(label="Written with the young person", required=False,
                                                   initial=True)
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MeetingForm(GovukForm):
    kind = forms.ChoiceField(label="Type of meeting", choices=codes.MEETING_KINDS, widget=forms.RadioSelect)
    held_on = GovukDateField(label="Date of the meeting")
    agencies = forms.CharField(label="Agencies present", widget=TEXT, help_text="One a line, for example Police")
    decisions = forms.CharField(label="Decisions", widget=TEXT)
    action_1 = forms.CharField(label="Action 1", required=False)
    action_1_owner = forms.ModelChoiceField(label="Action 1: who (staff)", required=False, queryset=User.objects.none())
    action_1_due = GovukDateField(label="Action 1: due by", required=False)
    action_2 = forms.CharField(label="Action 2", required=False)
    action_2_owner = forms.ModelChoiceField(label="Action 2: who (staff)", required=False, queryset=User.objects.none())
    action_2_due = GovukDateField(label="Action 2: due by", required=False)

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        staff = User.objects.filter(is_active=True, role__in=[Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER,
                                                              Role.TEAM_MANAGER, Role.SENIOR_MANAGER])
        for name in ("action_1_owner", "action_2_owner"):
            self.fields[name].queryset = staff
            self.fields[name].empty_label = "Not a member of staff"

    def actions(self) -> list[dict]:
        d = self.cleaned_data
        return [{"what": d[f"action_{n}"], "owner": d[f"action_{n}_owner"], "due_on": d[f"action_{n}_due"]}
                for n in (1, 2) if d.get(f"action_{n}") or d.get(f"action_{n}_due")]
