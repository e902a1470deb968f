"""Recording contacts. A contact is editable by its author for 24 hours; after that it is amended, with history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.policy import may, require
from audit.log import changed, record, snapshot
from audit.models import Action
from contacts.models import Contact, ContactAmendment, LostContactCheck, MissingEpisode
from leavingcare.versioning import bump, check_version
from people.eligibility import birthday
from people.models import YoungPerson

EDIT_WINDOW = dt.timedelta(hours=24)
FIELDS = ["occurred_at", "kind", "made_by", "successful", "reason_unsuccessful", "seen_alone", "note"]


def _check(yp: YoungPerson, data: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    when = data["occurred_at"]
    if when > timezone.now() + dt.timedelta(minutes=5):
        errors["occurred_at"] = "Date of contact must be today or in the past"
    elif timezone.localtime(when).date() < birthday(yp.date_of_birth, 16):
        errors["occurred_at"] = "Date of contact must be on or after the young person's 16th birthday"
    if not data.get("successful", True) and not data.get("reason_unsuccessful"):
        errors["reason_unsuccessful"] = "Say why the contact did not happen"
    if errors:
        raise ValidationError(errors)


def allocated_on(yp: YoungPerson, worker: Any, day: dt.date) -> bool:
    return yp.allocations.filter(worker=worker, start_date__lte=day).exclude(end_date__lt=day).exists()


def record_contact(actor: Any, yp: YoungPerson, data: dict[str, Any], submission_key: str | None = None,
                   request: Any = None) -> tuple[Contact, bool]:
    """Save a contact; (contact, created). The same submission key twice (a double click) saves one row."""
    require(actor, "contacts.add_contact", yp)
    if submission_key:
        existing = Contact.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return existing, False
    _check(yp, data)
    day = timezone.localtime(data["occurred_at"]).date()
    contact = Contact(young_person=yp, worker=actor, created_by=actor, submission_key=submission_key or None,
                      by_allocated_worker=allocated_on(yp, actor, day), **data)
    try:
        with transaction.atomic():
            contact.save()
            record(actor, Action.CREATE, young_person=yp, obj=contact,
                   detail={"kind": contact.kind, "successful": contact.successful,
                           "by_allocated_worker": contact.by_allocated_worker}, request=request)
    except IntegrityError:  # two requests with one key raced; the other one saved it
        return Contact.objects.get(submission_key=submission_key), False
    return contact, True


def can_edit(actor: Any, contact: Contact) -> bool:
    """Within 24 hours its author edits it; after that (or for anyone else) a change is an amendment."""
    return (timezone.now() - contact.created_at < EDIT_WINDOW and actor is not None
            and may(actor, "contacts.edit_contact", contact))


def can_change(actor: Any, contact: Contact) -> bool:
    return can_edit(actor, contact) or may(actor, "contacts.amend_contact", contact)


@transaction.atomic
def change_contact(actor: Any, contact: Contact, data: dict[str, Any], reason: str = "",
                   request: Any = None, version: int | None = None) -> Contact:
    """Edit within 24 hours by the author; otherwise an amendment with a reason, keeping what it said before."""
    editing = can_edit(actor, contact)
    if not editing:
        require(actor, "contacts.amend_contact", contact)
    contact = Contact.objects.select_for_update().select_related("young_person").get(pk=contact.pk)
    check_version(contact, version, "contact")
    _check(contact.young_person, data)
    before = snapshot(contact, [*FIELDS, "version"])
    if not editing and not reason:
        raise ValidationError({"reason": "Give a reason for amending this contact"})
    for name, value in data.items():
        setattr(contact, name, value)
    bump(contact)
    contact.save()
    if not editing:
        ContactAmendment.objects.create(contact=contact, amended_by=actor, reason=reason,
                                        before={k: str(v) for k, v in before.items()})
    changed(actor, contact, contact.young_person, before, request=request)
    return contact


@transaction.atomic
def record_effort(actor: Any, yp: YoungPerson, data: dict[str, Any], request: Any = None) -> LostContactCheck:
    require(actor, "contacts.record_effort", yp)
    check = LostContactCheck.objects.create(young_person=yp, recorded_by=actor, **data)
    record(actor, Action.CREATE, young_person=yp, obj=check, detail=data, request=request)
    return check


@transaction.atomic
def record_missing(actor: Any, yp: YoungPerson, data: dict[str, Any], request: Any = None) -> MissingEpisode:
    require(actor, "contacts.record_effort", yp)
    if data.get("end_date") and data["end_date"] < data["start_date"]:
        raise ValidationError({"end_date": "Found or returned on must be on or after the date missing from"})
    episode = MissingEpisode.objects.create(young_person=yp, recorded_by=actor, **data)
    record(actor, Action.CREATE, young_person=yp, obj=episode, detail=data, request=request)
    return episode
