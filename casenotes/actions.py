"""Writing case notes and marking significant events. Each asks accounts.policy and is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from casenotes.models import CaseNote, NoteKind, SignificantEvent
from leavingcare.versioning import bump, check_version


@transaction.atomic
def add_note(actor: Any, yp: Any, kind: str, on: dt.date | None, text: str, other_agency: str = "",
             request: Any = None) -> CaseNote:
    require(actor, "casenotes.add_note", yp)
    errors = {}
    if kind not in NoteKind.values:
        errors["kind"] = "Select the kind of note"
    if on is None:
        errors["on"] = "Enter the date"
    elif on > timezone.localdate():
        errors["on"] = "The date must be today or in the past"
    if not (text or "").strip():
        errors["text"] = "Enter the note"
    if kind == NoteKind.AGENCY and not (other_agency or "").strip():
        errors["other_agency"] = "Enter the other agency"
    if errors:
        raise ValidationError(errors)
    note = CaseNote.objects.create(young_person=yp, kind=kind, on=on, text=text.strip(),  # type: ignore[misc]
                                   other_agency=other_agency.strip(), created_by=actor)
    record(actor, Action.CREATE, young_person=yp, obj=note, detail={"kind": kind, "on": on}, request=request)
    return note


@transaction.atomic
def withdraw_note(actor: Any, note: CaseNote, version: int | None = None, request: Any = None) -> CaseNote:
    require(actor, "casenotes.add_note", note)
    stored = CaseNote.objects.select_for_update().get(pk=note.pk)
    check_version(stored, version, "case note")
    if stored.created_by_id != actor.pk and actor.role not in ("team_manager", "senior_manager"):
        raise ValidationError("Only the person who wrote a note, or a manager, withdraws it")
    before = snapshot(stored, ["withdrawn", "version"])
    stored.withdrawn = True
    bump(stored)
    stored.save(update_fields=["withdrawn", "version"])
    changed(actor, stored, stored.young_person, before, request=request)
    return stored


@transaction.atomic
def mark_significant(actor: Any, yp: Any, source: str, significant: bool = True, reason: str = "",
                     request: Any = None) -> bool:
    require(actor, "casenotes.mark_significant", yp)
    if not source or len(source) > 40:
        raise ValidationError({"source": "Choose an event on the chronology"})
    if significant:
        _, made = SignificantEvent.objects.get_or_create(young_person=yp, source=source,
                                                         defaults={"marked_by": actor, "reason": reason[:300]})
        if made:
            record(actor, Action.CHANGE, young_person=yp, object_type="casenotes.SignificantEvent",
                   object_id=source, detail={"significant": {"old": False, "new": True}}, request=request)
        return made
    gone, _ = SignificantEvent.objects.filter(young_person=yp, source=source).delete()
    if gone:
        record(actor, Action.CHANGE, young_person=yp, object_type="casenotes.SignificantEvent", object_id=source,
               detail={"significant": {"old": True, "new": False}}, request=request)
    return bool(gone)
