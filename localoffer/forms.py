"""Forms for the Local Offer's staff pages. They only carry what was typed; localoffer.actions.clean_entry does
the checking, so a refusal names the field and the form keeps the text."""

from __future__ import annotations

from typing import Any

from django import forms

from leavingcare.forms import GovukDateField, GovukForm
from localoffer.models import Area, Circumstance, CostKind, Partner, Status


class EntryForm(GovukForm):
    area = forms.ChoiceField(label="Area of the Local Offer", choices=Area.choices, widget=forms.RadioSelect,
                             required=False)
    name = forms.CharField(label="Name", required=False, help_text="A short name a young person would search for")
    summary = forms.CharField(label="What it is", widget=forms.Textarea, required=False,
                              help_text="In words a 16-year-old understands. Say what they get, not the policy")
    partner = forms.ChoiceField(label="Who provides it", required=False)
    min_age = forms.CharField(label="Youngest age", required=False)
    max_age = forms.CharField(label="Oldest age", required=False, help_text="The last age it is for: 24 means up to "
                                                                            "the 25th birthday")
    circumstances = forms.MultipleChoiceField(label="Only for", choices=Circumstance.choices, required=False,
                                              widget=forms.CheckboxSelectMultiple,
                                              help_text="Leave all unticked when it is for every care leaver")
    how_to_get = forms.CharField(label="How to get it", widget=forms.Textarea, required=False)
    cost_kind = forms.ChoiceField(label="Cost", choices=CostKind.choices, widget=forms.RadioSelect, required=False)
    cost_amount = forms.CharField(label="What it costs (£)", required=False,
                                  help_text="Only when there is a charge. An entitlement's amount comes from the "
                                            "catalogue's rates")
    cost_description = forms.CharField(label="What the cost is for", required=False,
                                       help_text="For example \"a session\" or \"a month\"")
    entitlement = forms.ChoiceField(label="Entitlement it pays", required=False)
    contact_name = forms.CharField(label="Who to contact", required=False,
                                   help_text="A team or role, like \"Your PA\" or \"The duty team\": never a "
                                             "person's name (the Local Offer is published as open data)")
    contact_phone = forms.CharField(label="Phone", required=False)
    contact_email = forms.CharField(label="Email", required=False)
    contact_url = forms.CharField(label="Website", required=False)
    location_name = forms.CharField(label="Place", required=False, help_text="For example \"Preston hub\"")
    address = forms.CharField(label="Address", required=False)
    town = forms.CharField(label="Town", required=False)
    postcode = forms.CharField(label="Postcode", required=False)
    when = forms.CharField(label="When", required=False, help_text="For example \"Tuesdays, 4pm to 7pm\"")
    review_on = GovukDateField(label="Review date", required=False,
                               help_text="When someone checks this is still right. Shown as overdue after this date")
    status = forms.ChoiceField(label="Status", choices=Status.choices, widget=forms.RadioSelect, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from money.models import Entitlement

        self.fields["partner"].choices = [("", "The council")] + [
            (str(p.pk), p.name if p.active else f"{p.name} (no longer a partner)") for p in Partner.objects.all()]
        self.fields["entitlement"].choices = [("", "None")] + [
            (str(e.pk), e.name) for e in Entitlement.objects.filter(active=True).order_by("name")]


class PartnerForm(GovukForm):
    name = forms.CharField(label="Name", required=False)
    description = forms.CharField(label="What they do", widget=forms.Textarea, required=False)
    website = forms.CharField(label="Website", required=False)
    email = forms.CharField(label="Email", required=False, help_text="A team's address, never a person's")
    phone = forms.CharField(label="Phone", required=False)
    active = forms.BooleanField(label="Still a partner in the Local Offer", required=False, initial=True)
