"""The administrator's pages: teams, staff accounts (invited by email, or many from a CSV), the entitlements
catalogue and its rates, and local settings; each change audit-logged with old and new values."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from audit.models import AuditEvent
from money.models import Entitlement, Rate
from org.config import setting
from org.models import Team


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff["admin"])
    return client


def test_the_administrator_starts_on_the_administration_page(admin_client):
    response = admin_client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/administration/"
    page = response.content.decode()
    assert "Administration" in page and "North Leaving Care Team" in page and "Local settings" in page
    assert 'href="/administration/"' in page  # the navigation entry


@pytest.mark.parametrize("who", ["pa_north", "tm_north", "hos", "analyst"])
def test_other_roles_are_refused(client, staff, who):
    client.force_login(staff[who])
    assert client.get("/administration/").status_code == 403
    assert client.post("/administration/teams/add/", {"name": "X"}).status_code == 403
    assert 'href="/administration/"' not in client.get("/young-people/").content.decode()


def test_add_rename_and_close_a_team(admin_client, authority, staff):
    locality = authority.localities.get()
    response = admin_client.post("/administration/teams/add/", {"name": "Coastal Team", "locality": locality.pk,
                                                                "kind": "leaving_care", "base": "Fleetwood"})
    assert response.status_code == 302
    team = Team.objects.get(name="Coastal Team")
    response = admin_client.post(f"/administration/teams/{team.pk}/rename/", {"name": "Wyre Coast Team",
                                                                              "version": team.version})
    assert response.status_code == 302
    event = AuditEvent.objects.filter(object_type="org.Team", object_id=str(team.pk)).latest("pk")
    assert event.detail["name"] == {"old": "Coastal Team", "new": "Wyre Coast Team"}
    # A rename from the page as it was before (version 1) is refused and says why; what was typed is kept
    response = admin_client.post(f"/administration/teams/{team.pk}/rename/", {"name": "Old Page", "version": 1})
    assert response.status_code == 200 and "Someone else changed this team" in response.content.decode()
    assert 'value="Old Page"' in response.content.decode()
    admin_client.post(f"/administration/teams/{team.pk}/close/", {"version": 2})
    assert not Team.objects.get(pk=team.pk).active


def test_a_team_with_staff_is_not_closed(admin_client, teams):
    response = admin_client.post(f"/administration/teams/{teams['north'].pk}/close/", follow=True)
    assert "Move the team&#x27;s" in response.content.decode() or "Move the team's" in response.content.decode()
    assert Team.objects.get(pk=teams["north"].pk).active


def test_a_duplicate_or_empty_team_name_names_the_field(admin_client, authority):
    locality = authority.localities.get()
    page = admin_client.post("/administration/teams/add/", {"name": "north leaving care team", "locality":
                                                            locality.pk, "kind": "leaving_care"}).content.decode()
    assert "There is already a team called" in page and 'href="#id_name"' in page


def set_password_link(message: str) -> str:
    return re.search(r"http://testserver(/account/you/set-password/\S+/)", message).group(1)


def test_an_invited_member_of_staff_sets_their_own_password_and_signs_in(admin_client, client, teams,
                                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the email goes once the account is saved
        response = admin_client.post("/administration/staff/invite/", {
            "email": "New.PA@Example.gov.uk", "first_name": "Nia", "last_name": "Patel", "role": "personal_adviser",
            "team": teams["north"].pk, "staff_id": "S900"})
    assert response.status_code == 302
    user = User.objects.get(email="new.pa@example.gov.uk")
    assert not user.has_usable_password() and user.team == teams["north"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.pa@example.gov.uk"]
    link = set_password_link(mail.outbox[0].body)
    client.logout()
    form = client.get(link, follow=True)
    assert "Set your password" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "a-long-new-passphrase-42",
                                                     "new_password2": "a-long-new-passphrase-42"}, follow=True)
    assert "Your password is set" in done.content.decode()
    assert client.login(username="new.pa@example.gov.uk", password="a-long-new-passphrase-42")
    assert "This link has expired" in client.get(link, follow=True).content.decode()  # the link works once
    event = AuditEvent.objects.get(object_type="accounts.User", object_id=str(user.pk), action="create")
    assert event.detail["role"] == "personal_adviser" and event.actor.username == "admin"


def test_an_invitation_with_a_taken_email_is_refused(admin_client, staff):
    User.objects.filter(pk=staff["pa_north"].pk).update(email="pa@example.gov.uk")
    page = admin_client.post("/administration/staff/invite/", {
        "email": "PA@example.gov.uk", "first_name": "A", "last_name": "B", "role": "finance_officer"}).content
    assert b"There is already a staff account for pa@example.gov.uk" in page and not mail.outbox


CSV_OK = ("email,first_name,last_name,role,team,staff_id\n"
          "a1@example.gov.uk,Amy,One,personal_adviser,North Leaving Care Team,S1\n"
          "a2@example.gov.uk,Ben,Two,Leaving care social worker,South Leaving Care Team,S2\n"
          "a3@example.gov.uk,Cal,Three,finance_officer,,\n")


@pytest.fixture
def upload(admin_client, django_capture_on_commit_callbacks):
    def post(text: str):
        with django_capture_on_commit_callbacks(execute=True):
            return admin_client.post("/administration/staff/upload/",
                                     {"file": SimpleUploadedFile("staff.csv", text.encode(), content_type="text/csv")})
    return post


def test_staff_accounts_from_a_csv_file_are_all_or_nothing(upload, teams):
    before = User.objects.count()
    bad = CSV_OK + "not-an-email,Dan,Four,personal_adviser,North Leaving Care Team,S1\n" \
                   "a1@example.gov.uk,Eve,Five,wizard,Nowhere Team,\n"
    page = upload(bad).content.decode()
    for text in ["row 5, email", "row 5, staff_id: staff ID S1 is already used", "row 6, email: there is already",
                 "row 6, role: &#x27;wizard&#x27; is not a role", "row 6, team: there is no team called"]:
        assert text in page, text
    assert User.objects.count() == before and not mail.outbox
    assert upload(CSV_OK).status_code == 302
    assert User.objects.count() == before + 3 and len(mail.outbox) == 3
    assert User.objects.get(email="a2@example.gov.uk").role == "social_worker"


def test_a_csv_without_the_columns_says_which_are_missing(upload):
    page = upload("name,email\nX,x@example.gov.uk\n").content.decode()
    assert "row 1: missing columns first_name, last_name, role, team" in page


def test_close_an_account(admin_client, staff):
    admin_client.post(f"/administration/staff/{staff['pa_south'].pk}/active/", {"active": "0"})
    assert not User.objects.get(pk=staff["pa_south"].pk).is_active


def test_the_catalogue_and_its_dated_rates(admin_client, authority):
    response = admin_client.post("/administration/entitlements/add/", {
        "code": "gym", "name": "Gym membership", "budget_code": "LC-WELL", "frequency": "monthly",
        "schedule": "monthly", "min_age": 18, "max_age": 21, "active": "on"})
    assert response.status_code == 302
    ent = Entitlement.objects.get(code="GYM")
    response = admin_client.post(f"/administration/entitlements/{ent.pk}/rates/add/", {
        "effective_from_day": "1", "effective_from_month": "4", "effective_from_year": "2026", "amount": "25.00"})
    assert response.status_code == 302
    assert str(Rate.objects.get(entitlement=ent).amount) == "25.00"
    page = admin_client.post(f"/administration/entitlements/{ent.pk}/rates/add/", {
        "effective_from_day": "1", "effective_from_month": "4", "effective_from_year": "2026",
        "amount": "lots"}).content.decode()
    assert "There is already a rate from 01/04/2026" in page and "The amount must be an amount of money" in page
    admin_client.post(f"/administration/entitlements/{ent.pk}/", {
        "name": "Gym or swimming", "budget_code": "LC-WELL", "frequency": "monthly", "schedule": "monthly",
        "min_age": 18, "max_age": 24, "active": "on", "version": 1})
    event = AuditEvent.objects.filter(object_type="money.Entitlement", action="change").latest("pk")
    assert event.detail["max_age"] == {"old": 21, "new": 24} and event.detail["name"]["old"] == "Gym membership"
    page = admin_client.post(f"/administration/entitlements/{ent.pk}/", {
        "name": "Gym", "budget_code": "LC-WELL", "frequency": "monthly", "min_age": 18, "max_age": 25,
        "version": 2}).content.decode()
    assert "Ensure this value is less than or equal to 24" in page or "support ends" in page


def test_local_settings(admin_client, authority):
    page = admin_client.get("/administration/settings/").content.decode()
    assert "Due soon days" in page
    form = {key: value for key, value in (
        ("due_soon_days", "21"), ("pa_contact_interval_months", "2"))}
    response = admin_client.post("/administration/settings/", {**_current(admin_client), **form})
    assert response.status_code == 302 and setting("due_soon_days") == 21
    event = AuditEvent.objects.filter(object_type="org.Authority").latest("pk")
    assert event.detail["due_soon_days"] == {"old": 14, "new": 21}
    page = admin_client.post("/administration/settings/", {**_current(admin_client),
                                                           "sw_visit_interval_weeks": "six"}).content.decode()
    assert "Enter a whole number" in page and 'href="#id_sw_visit_interval_weeks"' in page
    assert setting("sw_visit_interval_weeks") == 6


def _current(client) -> dict[str, str]:
    from org.config import current_authority
    from org.views import SettingsForm

    form = SettingsForm(authority=current_authority())
    return {name: str(field.initial) for name, field in form.fields.items() if field.initial is not None}
