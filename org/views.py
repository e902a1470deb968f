"""The administrator's pages: teams, staff accounts, the entitlements catalogue and its rates, local settings.

Thin: each page asks the policy, shows a GOV.UK form, and hands what was typed to a verb (``org.actions``,
``accounts.actions``, ``money.actions``), which checks it, saves it and writes the audit event.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from accounts import actions as staff_actions
from accounts.models import User
from accounts.roles import Role
from leavingcare.access import rule
from leavingcare.forms import GovukDateField, GovukForm
from leavingcare.pages import submitted
from money import actions as money_actions
from money.models import Entitlement, Frequency
from org import actions
from org.config import DEFAULTS, current_authority
from org.models import Locality, Team

STALE = {"version": "__all__"}  # "someone else changed this": shown at the top, not on the hidden field
SCHEDULES = [("", "Not paid by the run (on request)"), ("weekly", "Every week"),
             ("monthly", "On the 1st of each month"), ("birthday", "On the birthday"),
             ("festival", "On the festival date")]


def _page(request: HttpRequest, form: Any, heading: str, button: str, back: str, caption: str = "") -> HttpResponse:
    return render(request, "includes/form_page.html", {
        "form": form, "heading": heading, "button": button, "back_url": back, "caption": caption or "Administration",
        "error_title": bool(form.errors)})


def _version(request: HttpRequest) -> int | None:
    try:
        return int(request.POST.get("version", "")) if request.POST.get("version") else None
    except ValueError:
        return None


@rule(get="org.administer", post=None)
def home(request: HttpRequest) -> HttpResponse:
    authority = current_authority()
    teams = Team.objects.select_related("locality").order_by("-active", "name")
    return render(request, "org/admin_home.html", {
        "authority": authority, "teams": teams,
        "staff": User.objects.select_related("team").order_by("-is_active", "last_name", "first_name"),
        "entitlements": Entitlement.objects.prefetch_related("rates").order_by("-active", "name"),
        "settings": [(key, _shown(authority.setting(key) if authority else DEFAULTS[key])) for key in DEFAULTS]})


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


# ---------------------------------------------------------------- teams
class TeamForm(GovukForm):
    name = forms.CharField(label="Team name", max_length=80)
    locality = forms.ModelChoiceField(label="Locality", queryset=Locality.objects.all(), required=False)
    kind = forms.ChoiceField(label="Kind of team", choices=Team.KINDS, initial=Team.LEAVING_CARE)
    base = forms.CharField(label="Office or hub", required=False, max_length=60, help_text="For example, Preston")


class RenameForm(GovukForm):
    name = forms.CharField(label="New name", max_length=80)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


@rule(get="org.administer", post="org.administer")
def add_team(request: HttpRequest) -> HttpResponse:
    form = TeamForm(request.POST or None)
    if submitted(request, form, lambda d: actions.add_team(request.user, d["name"], d["locality"], d["kind"],
                                                           d["base"], request=request),
                 lambda team: f"Team {team.name} added"):
        return redirect("org:admin")
    return _page(request, form, "Add a team", "Add team", reverse("org:admin"))


@rule(get="org.administer", post="org.administer")
def rename_team(request: HttpRequest, pk: int) -> HttpResponse:
    team = get_object_or_404(Team, pk=pk)
    form = RenameForm(request.POST or None, initial={"name": team.name, "version": team.version})
    if submitted(request, form, lambda d: actions.rename_team(request.user, team, d["name"], d["version"],
                                                              request=request),
                 lambda t: f"Team renamed {t.name}", rename=STALE):
        return redirect("org:admin")
    return _page(request, form, f"Rename {team.name}", "Rename", reverse("org:admin"))


@rule(get=None, post="org.administer")
def close_team(request: HttpRequest, pk: int) -> HttpResponse:
    team = get_object_or_404(Team, pk=pk)
    if request.method == "POST":
        try:
            actions.close_team(request.user, team, _version(request), request=request)
            messages.success(request, f"Team {team.name} closed")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("org:admin")


# ---------------------------------------------------------------- staff accounts
class InviteForm(GovukForm):
    email = forms.CharField(label="Email address", max_length=254)
    first_name = forms.CharField(label="First name", max_length=150)
    last_name = forms.CharField(label="Last name", max_length=150)
    role = forms.ChoiceField(label="Role", choices=Role.choices)
    team = forms.ModelChoiceField(label="Team", queryset=Team.objects.filter(active=True), required=False)
    staff_id = forms.CharField(label="Staff ID", max_length=20, required=False)


class UploadForm(GovukForm):
    file = forms.FileField(label="CSV file", help_text="Columns: email, first_name, last_name, role, team, "
                                                       "staff_id (a header row first)")


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@rule(get="accounts.administer", post="accounts.administer")
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if submitted(request, form, lambda d: staff_actions.invite_staff(
            request.user, staff_actions.Invitation(d["email"], d["first_name"], d["last_name"], d["role"],
                                                   d["team"], d["staff_id"]), _base_url(request), request=request),
                 lambda user: f"Invitation sent to {user.email}"):
        return redirect("org:admin")
    return _page(request, form, "Invite a member of staff", "Send invitation", reverse("org:admin"))


@rule(get="accounts.administer", post="accounts.administer")
def upload_staff(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)

    def act(d: dict[str, Any]) -> list[User]:
        raw = d["file"].read(2_000_000)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError({"file": "The file must be a CSV file saved as UTF-8"}) from None
        return staff_actions.create_staff_from_csv(request.user, text, _base_url(request), request=request)

    if submitted(request, form, act, lambda users: f"{len(users)} staff accounts created and invited"):
        return redirect("org:admin")
    return _page(request, form, "Create staff accounts from a CSV file", "Upload and create", reverse("org:admin"))


@rule(get=None, post="accounts.administer")
def staff_active(request: HttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    if request.method == "POST":
        try:
            staff_actions.set_active(request.user, user, request.POST.get("active") == "1", request=request)
            messages.success(request, f"{user}'s account {'re-opened' if user.is_active else 'closed'}")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("org:admin")


# ---------------------------------------------------------------- entitlements and rates
class EntitlementForm(GovukForm):
    name = forms.CharField(label="Name", max_length=100)
    description = forms.CharField(label="In plain words", widget=forms.Textarea, required=False)
    budget_code = forms.CharField(label="Budget code", max_length=20)
    frequency = forms.ChoiceField(label="How often", choices=Frequency.choices)
    schedule = forms.ChoiceField(label="Paid by the weekly run", choices=SCHEDULES, required=False)
    min_age = forms.IntegerField(label="From age", min_value=16, max_value=24, initial=16)
    max_age = forms.IntegerField(label="To age", min_value=16, max_value=24, initial=24)
    supported_accommodation_only = forms.BooleanField(label="Only in supported accommodation", required=False)
    active = forms.BooleanField(label="Offered now", required=False, initial=True)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class NewEntitlementForm(EntitlementForm):
    code = forms.CharField(label="Code", max_length=20, help_text="Capital letters, like LCA")
    field_order = ["code"]


class RateForm(GovukForm):
    effective_from = GovukDateField(label="Applies from")
    amount = forms.CharField(label="Amount in pounds", help_text="For example, 71.70")
    amount_from_18 = forms.CharField(label="Amount from 18, if different", required=False)


FIELDS = ["name", "description", "budget_code", "frequency", "schedule", "min_age", "max_age",
          "supported_accommodation_only", "active"]


@rule(get="money.change_catalogue", post="money.change_catalogue")
def add_entitlement(request: HttpRequest) -> HttpResponse:
    form = NewEntitlementForm(request.POST or None)
    if submitted(request, form, lambda d: money_actions.add_entitlement(
            request.user, d["code"], request=request, **{k: d[k] for k in FIELDS}),
            lambda e: f"{e.name} added; give it a rate"):
        return redirect("org:admin")
    return _page(request, form, "Add an entitlement", "Add entitlement", reverse("org:admin"))


@rule(get="money.change_catalogue", post="money.change_catalogue")
def change_entitlement(request: HttpRequest, pk: int) -> HttpResponse:
    ent = get_object_or_404(Entitlement, pk=pk)
    form = EntitlementForm(request.POST or None, initial={**{k: getattr(ent, k) for k in FIELDS},
                                                          "version": ent.version})
    if submitted(request, form, lambda d: money_actions.change_entitlement(
            request.user, ent, d["version"], request=request, **{k: d[k] for k in FIELDS}),
            lambda e: f"{e.name} saved", rename=STALE):
        return redirect("org:admin")
    return _page(request, form, f"Change {ent.name}", "Save", reverse("org:admin"), caption=ent.code)


@rule(get="money.change_catalogue", post="money.change_catalogue")
def add_rate(request: HttpRequest, pk: int) -> HttpResponse:
    ent = get_object_or_404(Entitlement, pk=pk)
    form = RateForm(request.POST or None)
    if submitted(request, form, lambda d: money_actions.add_rate(
            request.user, ent, d["effective_from"], d["amount"], d["amount_from_18"] or None, request=request),
            lambda r: f"New rate for {ent.name} from {r.effective_from:%d/%m/%Y}"):
        return redirect("org:admin")
    rates = ", ".join(f"£{r.amount:,.2f} from {r.effective_from:%d/%m/%Y}" for r in ent.rates.all()) or "none yet"
    return _page(request, form, f"New rate for {ent.name}", "Add rate", reverse("org:admin"),
                 caption=f"Rates so far: {rates}")


# ---------------------------------------------------------------- local settings
class SettingsForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, authority: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, default in DEFAULTS.items():
            value = authority.setting(key) if authority else default
            label = key.replace("_", " ").capitalize()
            if isinstance(default, (list, dict)):
                self.fields[key] = forms.CharField(label=label, widget=forms.Textarea, initial=json.dumps(value),
                                                   help_text=f"Default: {json.dumps(default)}")
            else:
                self.fields[key] = forms.CharField(label=label, initial=str(value), help_text=f"Default: {default}")
        self.fields["version"].initial = getattr(authority, "version", None)
        self.order_fields([*DEFAULTS, "version"])


@rule(get="org.administer", post="org.administer")
def local_settings(request: HttpRequest) -> HttpResponse:
    authority = current_authority()
    form = SettingsForm(request.POST or None, authority=authority)
    if submitted(request, form, lambda d: actions.change_settings(
            request.user, {k: v for k, v in d.items() if k in DEFAULTS}, d["version"], request=request),
            "Local settings saved", rename=STALE):
        return redirect("org:admin")
    return _page(request, form, "Local settings", "Save settings", reverse("org:admin"))
