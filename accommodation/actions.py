"""Recording where a young person lives and what they do. A move ends the current episode the day before."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from accommodation.models import AccommodationEpisode, ActivityEpisode, InTouchStatus
from accommodation.rules import Period, problems
from accounts.policy import require
from audit.log import record
from audit.models import Action
from people.models import YoungPerson


def _move(actor: Any, yp: YoungPerson, model: Any, start: dt.date, values: dict[str, Any], request: Any) -> Any:
    current = model.objects.select_for_update().filter(young_person=yp, end_date__isnull=True).order_by(
        "-start_date").first()
    if current is not None and start <= current.start_date:
        raise ValidationError({"start_date": f"The start date must be after {current.start_date:%d/%m/%Y}, when "
                                             "the current one began"})
    others = [Period(e.start_date, e.end_date) for e in model.objects.filter(young_person=yp, end_date__isnull=False)]
    found = problems(Period(start, None), others, yp.date_of_birth)
    if found:
        errors: dict[str, list[str]] = {}
        for name, message in found:
            errors.setdefault(name, []).append(message)
        raise ValidationError(errors)
    if current is not None:
        current.end_date = start - dt.timedelta(days=1)
        current.save(update_fields=["end_date"])
    episode = model.objects.create(young_person=yp, start_date=start, **values)
    record(actor, Action.CREATE, young_person=yp, obj=episode,
           detail={"from": str(current) if current else None, "to": str(episode), **values}, request=request)
    return episode


@transaction.atomic
def record_move(actor: Any, yp: YoungPerson, start: dt.date, accom: str, suitable: bool | None, provision: str = "",
                district: Any = None, out_of_area: bool = False, note: str = "", request: Any = None,
                address: str = "", postcode: str = "") -> Any:
    """A move. With a new address or postcode the young person's own record follows (versioned, audited), so
    the summary shows where they live now."""
    from accommodation.codes import ALWAYS_UNSUITABLE

    require(actor, "accommodation.record_move", yp)
    if accom in ALWAYS_UNSUITABLE:
        suitable = False
    episode = _move(actor, yp, AccommodationEpisode, start, {"accom": accom, "suitable": suitable,
                                                            "provision": provision, "district": district,
                                                            "out_of_area": out_of_area, "note": note,
                                                            "address": address}, request)
    if postcode or address or district is not None:
        from audit.log import changed, snapshot
        from leavingcare.versioning import bump

        stored = YoungPerson.objects.select_for_update().get(pk=yp.pk)
        fields = ["postcode", "address", "district_id", "version"]
        before = snapshot(stored, fields)
        stored.postcode = postcode or stored.postcode
        stored.address = address or stored.address
        stored.district = district or stored.district
        if snapshot(stored, fields) != before:
            bump(stored)
            stored.save(update_fields=["postcode", "address", "district", "version", "updated_at"])
            changed(actor, stored, stored, before, request=request)
    return episode


@transaction.atomic
def record_activity(actor: Any, yp: YoungPerson, start: dt.date, activity: str, note: str = "",
                    request: Any = None) -> Any:
    require(actor, "accommodation.record_activity", yp)
    return _move(actor, yp, ActivityEpisode, start, {"activity": activity, "note": note}, request)


@transaction.atomic
def record_in_touch(actor: Any, yp: YoungPerson, on: dt.date, code: str, note: str = "",
                    request: Any = None) -> InTouchStatus:
    require(actor, "accommodation.record_in_touch", yp)
    status = InTouchStatus.objects.create(young_person=yp, recorded_on=on, in_touch=code, note=note,
                                          recorded_by=actor)
    record(actor, Action.CREATE, young_person=yp, obj=status, detail={"in_touch": code}, request=request)
    return status
