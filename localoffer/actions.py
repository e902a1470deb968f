"""The write path for the Local Offer: every verb asks accounts.policy, reads the stored row (locked), checks
what it is given (ValidationError keyed by field), saves in one transaction and writes the audit event with old
and new values. Nothing is deleted: an entry that has stopped is marked defunct, a partner inactive."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from leavingcare.versioning import bump, check_version
from localoffer import rules
from localoffer.models import Area, Circumstance, CostKind, Entry, Partner, Status
from worklists.clock import add_months

CHANGE = "localoffer.change"

# What a person edits on an entry, in the order the form shows it
ENTRY_FIELDS = ("area", "name", "summary", "partner", "min_age", "max_age", "circumstances", "how_to_get",
                "cost_kind", "cost_amount", "cost_description", "entitlement", "contact_name", "contact_phone",
                "contact_email", "contact_url", "location_name", "address", "town", "postcode", "when",
                "review_on", "status")
PARTNER_FIELDS = ("name", "description", "website", "email", "phone", "active")
TEXT_LIMITS = {"name": 120, "cost_description": 120, "contact_name": 120, "contact_phone": 30, "contact_email": 120,
               "contact_url": 200, "location_name": 120, "address": 200, "town": 60, "postcode": 10, "when": 200,
               "description": 5000, "website": 200, "email": 120, "phone": 30, "summary": 5000, "how_to_get": 5000}
LABELS = {"name": "Name", "summary": "What it is", "how_to_get": "How to get it",
          "cost_description": "What the cost is for",
          "contact_name": "Who to contact", "contact_phone": "Phone", "contact_email": "Email",
          "contact_url": "Website", "location_name": "Place", "address": "Address", "town": "Town",
          "postcode": "Postcode", "when": "When", "description": "Description", "website": "Website",
          "email": "Email", "phone": "Phone"}


def default_review_on(today: dt.date | None = None) -> dt.date:
    return add_months(today or timezone.localdate(), rules.DEFAULT_REVIEW_MONTHS)


def _text(data: dict[str, Any], field: str, errors: dict[str, str], required: str | None = None) -> None:
    value = str(data.get(field) or "").strip()
    data[field] = value
    if required and not value:
        errors[field] = required
    elif len(value) > TEXT_LIMITS.get(field, 5000):
        errors[field] = f"{LABELS.get(field, field)} must be {TEXT_LIMITS.get(field, 5000):,} characters or fewer"


def _chosen(data: dict[str, Any], field: str, model: Any, errors: dict[str, str], message: str) -> None:
    """An optional choice of a ``model`` row, given as the row or its id: blank is None, an unknown id an error."""
    value = data[field]
    if value in (None, ""):
        data[field] = None
    elif not isinstance(value, model):
        found = model.objects.filter(pk=value).first() if str(value).isdigit() else None
        if found is None:
            errors[field] = message
        data[field] = found


def _age(data: dict[str, Any], field: str, errors: dict[str, str], default: int) -> None:
    value = data.get(field)
    if value in (None, ""):
        data[field] = default
        return
    try:
        data[field] = int(str(value).strip())
    except (TypeError, ValueError):
        errors[field] = ("The youngest age" if field == "min_age" else "The oldest age") + " must be a whole number"


def _amount(raw: Any) -> Decimal:
    try:
        amount = Decimal(str(raw).replace("£", "").replace(",", "").strip())
    except InvalidOperation:
        raise ValueError from None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")) or amount >= 10_000_000:
        raise ValueError
    return amount


def clean_entry(data: dict[str, Any]) -> dict[str, Any]:
    """The entry's values, checked; ValidationError naming each field that is wrong. Used by the verbs and by
    the preview (so a preview is shown only of an entry that would save)."""
    from money.models import Entitlement

    data = {k: data.get(k) for k in ENTRY_FIELDS}
    errors: dict[str, str] = {}
    if data["area"] not in Area.values:
        errors["area"] = ("Select the area of the Local Offer this is under" if not data["area"]
                          else "Select an area of the Local Offer from the list")
    _text(data, "name", errors, "Enter the name of what is offered")
    _text(data, "summary", errors, "Enter what it is, in words a young person understands")
    _text(data, "how_to_get", errors)
    _chosen(data, "partner", Partner, errors, "Select who provides it from the list")
    _age(data, "min_age", errors, rules.LOWEST_AGE)
    _age(data, "max_age", errors, rules.HIGHEST_AGE - 1)
    if "min_age" not in errors and "max_age" not in errors:
        errors.update(rules.check_ages(data["min_age"], data["max_age"]))
    circumstances = data["circumstances"] or []
    if isinstance(circumstances, str):
        circumstances = [circumstances]
    if any(c not in Circumstance.values for c in circumstances):
        errors["circumstances"] = "Select who it is for from the list"
    data["circumstances"] = [c for c in Circumstance.values if c in circumstances]
    kind = data["cost_kind"] or CostKind.FREE
    data["cost_kind"] = kind
    if kind not in CostKind.values:
        errors["cost_kind"] = "Select the cost from the list"
    _text(data, "cost_description", errors)
    _chosen(data, "entitlement", Entitlement, errors, "Select the entitlement from the list")
    raw_amount = data["cost_amount"]
    data["cost_amount"] = None
    if kind == CostKind.CHARGE:
        if raw_amount in (None, ""):
            errors["cost_amount"] = "Enter what it costs, like 5.00"
        else:
            try:
                data["cost_amount"] = _amount(raw_amount)
            except ValueError:
                errors["cost_amount"] = "The cost must be an amount in pounds and pence, like 5.00"
    if kind == CostKind.ENTITLEMENT:
        if data["entitlement"] is None and "entitlement" not in errors:
            errors["entitlement"] = ("Select the entitlement it pays: the amount comes from the entitlements "
                                     "catalogue's rates")
    else:
        data["entitlement"] = None  # only an entitlement entry links to the catalogue
    if kind == CostKind.ENTITLEMENT and raw_amount not in (None, ""):
        errors["cost_amount"] = ("Leave the amount blank: an entitlement's amount comes from the catalogue's "
                                 "dated rates, so it is never typed twice")
    elif kind == CostKind.FREE and raw_amount not in (None, ""):
        errors["cost_amount"] = "Leave the amount blank for something that is free, or choose \"There is a charge\""
    for field in ("contact_name", "contact_phone", "contact_email", "contact_url", "location_name", "address",
                  "town", "when"):
        _text(data, field, errors)
    _text(data, "postcode", errors)
    data["postcode"] = data["postcode"].upper()
    if not data["contact_name"]:
        errors["contact_name"] = "Enter who to contact, like \"Your PA\" or \"The duty team\""
    if not (data["contact_phone"] or data["contact_email"] or data["contact_url"]) and "contact_phone" not in errors:
        errors["contact_phone"] = "Enter a phone number, email address or website for the contact"
    if data["contact_phone"] and not all(ch.isdigit() or ch in " +()-" for ch in data["contact_phone"]):
        errors["contact_phone"] = "Enter a phone number using digits and spaces, like 0300 123 6720"
    if data["contact_email"] and "contact_email" not in errors:
        try:
            EmailValidator()(data["contact_email"])
        except ValidationError:
            errors["contact_email"] = "Enter an email address like name@example.org"
    if data["contact_url"] and "contact_url" not in errors:
        try:
            URLValidator(schemes=["http", "https"])(data["contact_url"])
        except ValidationError:
            errors["contact_url"] = "Enter a website address starting https://"
    review_on = data["review_on"]
    if review_on in (None, ""):
        errors["review_on"] = "Enter the date this entry is next reviewed"
    elif not isinstance(review_on, dt.date):
        try:
            data["review_on"] = dt.date.fromisoformat(str(review_on))
        except ValueError:
            errors["review_on"] = "The review date must be a real date"
    status = data["status"] or Status.ACTIVE
    data["status"] = status
    if status not in Status.values:
        errors["status"] = "Select the status from the list"
    if errors:
        raise ValidationError(errors)
    return data


@transaction.atomic
def add_entry(actor: Any, data: dict[str, Any], request: Any = None) -> Entry:
    require(actor, CHANGE)
    values = clean_entry(data)
    entry = Entry.objects.create(**values, created_by=actor if getattr(actor, "is_authenticated", False) else None)
    record(actor, Action.CREATE, obj=entry, request=request,
           detail={f: {"old": None, "new": getattr(entry, f)} for f in ENTRY_FIELDS if getattr(entry, f) not in
                   (None, "", [])} | {"uuid": str(entry.uuid)})
    return entry


@transaction.atomic
def change_entry(actor: Any, entry: Entry, data: dict[str, Any], version: int | None,
                 request: Any = None) -> Entry:
    require(actor, CHANGE, entry)
    stored = Entry.objects.select_for_update().get(pk=entry.pk)
    check_version(stored, version, "Local Offer entry")
    values = clean_entry({**{f: getattr(stored, f) for f in ENTRY_FIELDS}, **data})
    before = snapshot(stored, [*ENTRY_FIELDS, "version"])
    for name, value in values.items():
        setattr(stored, name, value)
    if any(before[f] != getattr(stored, f) for f in ENTRY_FIELDS):
        bump(stored)
        stored.save()
        changed(actor, stored, None, before, request=request)
    return stored


def _clean_partner(data: dict[str, Any], current: Partner | None) -> dict[str, Any]:
    data = {k: data.get(k) for k in PARTNER_FIELDS}
    errors: dict[str, str] = {}
    _text(data, "name", errors, "Enter the partner organisation's name")
    for field in ("description", "website", "email", "phone"):
        _text(data, field, errors)
    if data["name"] and Partner.objects.filter(name__iexact=data["name"]).exclude(
            pk=getattr(current, "pk", None)).exists():
        errors["name"] = "There is already a partner with this name"
    if data["website"] and "website" not in errors:
        try:
            URLValidator(schemes=["http", "https"])(data["website"])
        except ValidationError:
            errors["website"] = "Enter a website address starting https://"
    if data["email"] and "email" not in errors:
        try:
            EmailValidator()(data["email"])
        except ValidationError:
            errors["email"] = "Enter an email address like name@example.org"
    data["active"] = True if data["active"] is None else bool(data["active"])
    if errors:
        raise ValidationError(errors)
    return data


@transaction.atomic
def add_partner(actor: Any, data: dict[str, Any], request: Any = None) -> Partner:
    require(actor, CHANGE)
    values = _clean_partner(data, None)
    partner = Partner.objects.create(**values)
    record(actor, Action.CREATE, obj=partner, request=request,
           detail={f: {"old": None, "new": v} for f, v in values.items() if v not in (None, "")})
    return partner


@transaction.atomic
def change_partner(actor: Any, partner: Partner, data: dict[str, Any], version: int | None,
                   request: Any = None) -> Partner:
    require(actor, CHANGE, partner)
    stored = Partner.objects.select_for_update().get(pk=partner.pk)
    check_version(stored, version, "partner")
    values = _clean_partner({**{f: getattr(stored, f) for f in PARTNER_FIELDS}, **data}, stored)
    before = snapshot(stored, [*PARTNER_FIELDS, "version"])
    for name, value in values.items():
        setattr(stored, name, value)
    if any(before[f] != getattr(stored, f) for f in PARTNER_FIELDS):
        bump(stored)
        stored.save()
        changed(actor, stored, None, before, request=request)
    return stored
