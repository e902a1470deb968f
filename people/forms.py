"""Forms for the young person's record. Validation that needs the database lives in people.actions."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import User
from accounts.roles import Role
from leavingcare.forms import GovukDateField, GovukForm, GovukModelForm
from people.eligibility import AgeBand, Category
from people.models import AllocationRole, CareEpisode, ServiceStatus, YoungPerson

AGE_BANDS = [AgeBand.B16_17, AgeBand.B18_20, AgeBand.B21_24]


class SearchForm(forms.Form):
    q = forms.CharField(label="Name, ID, date of birth, postcode or phone", required=False, max_length=100)
    team = forms.ChoiceField(required=False)
    age_band = forms.ChoiceField(label="Age band", required=False,
                                 choices=[("", "Any age")] + [(b.value, b.value) for b in AGE_BANDS])
    category = forms.ChoiceField(required=False, choices=[("", "Any category")] + [(c.value, c.label)
                                                                                   for c in Category])
    status = forms.ChoiceField(label="Service status", required=False,
                               choices=[("", "Any status")] + list(ServiceStatus.choices))

    def __init__(self, *args: Any, teams: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "Any team")] + [(str(t.pk), t.name) for t in teams]

    def clean_q(self) -> str:
        from people.queries import MIN_SEARCH

        text = (self.cleaned_data.get("q") or "").strip()
        if text and len(text.replace(" ", "")) < MIN_SEARCH:
            raise forms.ValidationError(f"Enter at least {MIN_SEARCH} characters to search")
        return text


class YoungPersonForm(GovukModelForm):
    date_of_birth = GovukDateField(label="Date of birth", help_text="For example, 27 3 2007")
    immigration_status_start = GovukDateField(label="Immigration status from", required=False)
    immigration_status_end = GovukDateField(label="Immigration status until", required=False)

    class Meta:
        model = YoungPerson
        fields = ["la_person_id", "first_name", "last_name", "preferred_name", "date_of_birth", "sex", "gender",
                  "ethnicity", "nhs_number", "upn", "email", "phone", "address", "postcode", "district", "team",
                  "is_uasc", "immigration_status", "immigration_status_start", "immigration_status_end",
                  "is_pregnant_or_parenting", "in_custody", "out_of_area", "has_disability", "has_ehcp",
                  "special_guardianship", "detained_on_16th"]
        labels = {"la_person_id": "LA person ID", "nhs_number": "NHS number", "upn": "Unique pupil number (UPN)",
                  "is_uasc": "Unaccompanied asylum-seeking young person"}

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        from accounts.policy import may
        from org.models import Team

        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        if user is None:
            return
        if self.instance.pk and not may(user, "people.change_team", self.instance):
            self.fields["team"].disabled = True
            self.fields["team"].help_text = "Only a manager of the young person's team moves the case to another team"
        elif not self.instance.pk:
            allowed = [t.pk for t in Team.objects.all() if may(user, "people.add_record", t)]
            self.fields["team"].queryset = Team.objects.filter(pk__in=allowed)  # type: ignore[attr-defined]

    def clean_la_person_id(self) -> str:
        value = self.cleaned_data["la_person_id"].strip()
        clash = YoungPerson.objects.filter(la_person_id=value).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"LA person ID {value} is already used by another young person")
        return value

    def clean_nhs_number(self) -> str:
        value = self.cleaned_data["nhs_number"].replace(" ", "")
        if value and (not value.isdigit() or len(value) != 10):
            raise forms.ValidationError("NHS number must be 10 digits")
        return value

    def validate_unique(self) -> None:  # the clean_ method above gives the friendlier message
        pass


class CareEpisodeForm(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    start_date = GovukDateField(label="Date the episode started")
    end_date = GovukDateField(label="Date the episode ended", required=False,
                              help_text="Leave blank if the young person is still in this episode")

    class Meta:
        model = CareEpisode
        fields = ["start_date", "end_date", "legal_status", "placement_type", "reason_new_episode",
                  "reason_ceased", "placement_postcode", "home_postcode"]
        labels = {"legal_status": "Legal status", "placement_type": "Placement type",
                  "reason_new_episode": "Reason for new episode", "reason_ceased": "Reason episode ended",
                  "placement_postcode": "Placement postcode", "home_postcode": "Home postcode"}


class AllocationForm(GovukForm):
    role = forms.ChoiceField(label="Role", choices=AllocationRole.choices, widget=forms.RadioSelect)
    worker = forms.ModelChoiceField(label="Worker", queryset=User.objects.none())
    start_date = GovukDateField(label="Allocated from")
    reason = forms.CharField(label="Reason for the change", required=False, widget=forms.Textarea, max_length=200,
                             help_text="Needed when this replaces a current allocation")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER]).select_related("team")
        self.fields["worker"].label_from_instance = lambda u: f"{u.get_full_name()} ({u.role_label}, {u.team})"


class StatusForm(GovukForm):
    status = forms.ChoiceField(label="Service status", choices=ServiceStatus.choices, widget=forms.RadioSelect)
    on = GovukDateField(label="From")
