"""The Local Offer's verbs: who may change it, what is refused (no area, no contact, a typed entitlement amount),
versions, and the audit events with old and new values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import Action, AuditEvent
from localoffer import actions
from localoffer.models import Entry, Partner
from localoffer.tests.helpers import entry_values
from money.models import Entitlement
from money.presets import load_catalogue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["tm_north", "hos", "admin"])
def test_managers_and_administrators_add_an_entry_and_it_is_audited(staff: dict[str, Any], who: str) -> None:
    entry = actions.add_entry(staff[who], entry_values())
    assert entry.uuid and entry.version == 1
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="localoffer.Entry", object_id=str(entry.pk))
    assert event.actor == staff[who]
    assert event.detail["name"] == {"old": None, "new": "Free gym"}
    assert event.detail["area"] == {"old": None, "new": "health"}
    assert event.young_person is None  # the Local Offer is nobody's record


@pytest.mark.parametrize("who", ["pa_north", "sw_north", "housing", "finance", "analyst"])
def test_other_roles_may_not_change_the_local_offer(staff: dict[str, Any], who: str) -> None:
    with pytest.raises(PermissionDenied, match="Only team managers, senior managers and administrators"):
        actions.add_entry(staff[who], entry_values())
    assert not Entry.objects.exists()


@pytest.mark.parametrize(("over", "field", "message"), [
    ({"area": ""}, "area", "Select the area of the Local Offer this is under"),
    ({"area": "fun"}, "area", "Select an area of the Local Offer from the list"),
    ({"contact_name": ""}, "contact_name", "Enter who to contact"),
    ({"contact_phone": "", "contact_email": "", "contact_url": ""}, "contact_phone",
     "Enter a phone number, email address or website for the contact"),
    ({"contact_phone": "call me"}, "contact_phone", "Enter a phone number"),
    ({"contact_email": "nope"}, "contact_email", "Enter an email address"),
    ({"contact_url": "javascript:alert(1)"}, "contact_url", "Enter a website address"),
    ({"name": " "}, "name", "Enter the name"),
    ({"min_age": "x"}, "min_age", "The youngest age must be a whole number"),
    ({"min_age": 21, "max_age": 18}, "max_age", "The oldest age must be the same as or more than"),
    ({"cost_kind": "charge"}, "cost_amount", "Enter what it costs"),
    ({"cost_kind": "charge", "cost_amount": "1e9"}, "cost_amount", "The cost must be an amount"),
    ({"cost_kind": "free", "cost_amount": "5"}, "cost_amount", "Leave the amount blank"),
    ({"cost_kind": "entitlement"}, "entitlement", "Select the entitlement it pays"),
    ({"review_on": None}, "review_on", "Enter the date this entry is next reviewed"),
    ({"review_on": "2026-02-30"}, "review_on", "The review date must be a real date"),
    ({"status": "closed"}, "status", "Select the status from the list"),
    ({"circumstances": ["martians"]}, "circumstances", "Select who it is for from the list"),
    ({"partner": "999"}, "partner", "Select who provides it from the list"),
])
def test_refusals_name_the_field(staff: dict[str, Any], over: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        actions.add_entry(staff["tm_north"], entry_values(**over))
    assert field in refused.value.message_dict
    assert message in refused.value.message_dict[field][0]
    assert not Entry.objects.exists()
    assert not AuditEvent.objects.filter(action=Action.CREATE).exists()


def test_an_entitlement_entry_links_the_catalogue_and_refuses_a_typed_amount(staff: dict[str, Any]) -> None:
    load_catalogue()
    suha = Entitlement.objects.get(code="SUHA")
    with pytest.raises(ValidationError) as refused:
        actions.add_entry(staff["tm_north"], entry_values(cost_kind="entitlement", entitlement=suha.pk,
                                                          cost_amount="3000"))
    assert "never typed twice" in refused.value.message_dict["cost_amount"][0]
    entry = actions.add_entry(staff["tm_north"], entry_values(cost_kind="entitlement", entitlement=str(suha.pk)))
    assert entry.entitlement == suha and entry.cost_amount is None


def test_a_charge_keeps_its_amount_as_decimal(staff: dict[str, Any]) -> None:
    entry = actions.add_entry(staff["admin"], entry_values(cost_kind="charge", cost_amount="£2.50",
                                                           cost_description="a session"))
    entry.refresh_from_db()
    assert entry.cost_amount == Decimal("2.50")


def test_change_records_old_and_new_values_and_bumps_the_version(staff: dict[str, Any]) -> None:
    entry = actions.add_entry(staff["tm_north"], entry_values())
    changed = actions.change_entry(staff["hos"], entry, {"name": "Free gym and swimming", "status": "inactive"},
                                   version=1)
    assert changed.version == 2
    event = AuditEvent.objects.get(action=Action.CHANGE, object_type="localoffer.Entry")
    assert event.actor == staff["hos"]
    assert event.detail["name"] == {"old": "Free gym", "new": "Free gym and swimming"}
    assert event.detail["status"] == {"old": "active", "new": "inactive"}
    assert event.detail["version"] == {"old": 1, "new": 2}


def test_a_change_from_an_older_version_is_refused(staff: dict[str, Any]) -> None:
    entry = actions.add_entry(staff["tm_north"], entry_values())
    actions.change_entry(staff["hos"], entry, {"name": "Gym"}, version=1)
    with pytest.raises(ValidationError) as refused:
        actions.change_entry(staff["tm_north"], entry, {"name": "Swimming"}, version=1)
    assert "Someone else changed this Local Offer entry" in refused.value.message_dict["version"][0]
    assert Entry.objects.get().name == "Gym"


def test_a_change_that_empties_the_contact_is_refused(staff: dict[str, Any]) -> None:
    entry = actions.add_entry(staff["tm_north"], entry_values())
    with pytest.raises(ValidationError) as refused:
        actions.change_entry(staff["tm_north"], entry, {"contact_phone": ""}, version=1)
    assert "contact_phone" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        actions.change_entry(staff["tm_north"], entry, {"area": ""}, version=1)
    assert "area" in refused.value.message_dict


def test_saving_nothing_new_writes_no_event(staff: dict[str, Any]) -> None:
    entry = actions.add_entry(staff["tm_north"], entry_values())
    actions.change_entry(staff["tm_north"], entry, {}, version=1)
    assert not AuditEvent.objects.filter(action=Action.CHANGE).exists()
    assert Entry.objects.get().version == 1


def test_partners_are_added_and_changed_with_audit(staff: dict[str, Any]) -> None:
    partner = actions.add_partner(staff["admin"], {"name": "College", "website": "https://college.example.org"})
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="localoffer.Partner").exists()
    actions.change_partner(staff["tm_north"], partner, {"active": False}, version=1)
    event = AuditEvent.objects.get(action=Action.CHANGE, object_type="localoffer.Partner")
    assert event.detail["active"] == {"old": True, "new": False}
    with pytest.raises(ValidationError) as refused:
        actions.add_partner(staff["admin"], {"name": "college"})
    assert "already a partner" in refused.value.message_dict["name"][0]
    with pytest.raises(PermissionDenied):
        actions.add_partner(staff["pa_north"], {"name": "Another"})
    assert Partner.objects.count() == 1
