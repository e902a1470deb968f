"""The write path for young people's records: every change goes through a verb here.

Each verb validates, saves inside a transaction, and writes the audit event with
old and new values (after zulip's zerver/actions).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.log import changed, record
from audit.models import Action
from people.care_history import EpisodeInput, problems
from people.eligibility import became_eligible_on, category_on
from people.models import Allocation, AllocationRole, CareEpisode, ServiceStatus, YoungPerson

RECORD_FIELDS = [
    "first_name", "last_name", "preferred_name", "date_of_birth", "sex", "gender", "ethnicity",
    "nhs_number", "upn", "email", "phone", "address", "postcode", "district_id", "team_id",
    "is_uasc", "immigration_status", "immigration_status_start", "immigration_status_end",
    "is_pregnant_or_parenting", "in_custody", "out_of_area", "has_disability", "has_ehcp",
    "special_guardianship", "detained_on_16th", "head_of_service_oversight", "la_person_id",
]


def refresh_category(yp: YoungPerson, as_at: dt.date | None = None, save: bool = True) -> YoungPerson:
    episodes = yp.episodes_for_rules()
    yp.category = category_on(yp.date_of_birth, episodes, as_at or timezone.localdate(),
                              special_guardianship=yp.special_guardianship,
                              detained_on_16th=yp.detained_on_16th).value
    yp.eligible_from = became_eligible_on(yp.date_of_birth, episodes)
    if save:
        YoungPerson.objects.filter(pk=yp.pk).update(category=yp.category, eligible_from=yp.eligible_from)
    return yp


@transaction.atomic
def create_young_person(actor: Any, **fields: Any) -> YoungPerson:
    yp = YoungPerson(**fields)
    yp.full_clean()
    yp.save()
    refresh_category(yp)
    record(actor, Action.CREATE, young_person=yp, obj=yp)
    return yp


@transaction.atomic
def update_young_person(actor: Any, yp: YoungPerson, request: Any = None, **fields: Any) -> YoungPerson:
    before = {f: getattr(yp, f) for f in RECORD_FIELDS}
    for name, value in fields.items():
        setattr(yp, name, value)
    yp.full_clean()
    yp.save()
    refresh_category(yp)
    changed(actor, yp, yp, before, request=request)
    return yp


def _check_history(yp: YoungPerson, candidate: CareEpisode) -> None:
    others = [EpisodeInput(e.start_date, e.end_date, "episode") for e in
              yp.care_episodes.exclude(pk=candidate.pk) if not e.is_short_break]
    mine = EpisodeInput(candidate.start_date, candidate.end_date, "episode")
    found = problems(yp.date_of_birth, others + [mine] if not candidate.is_short_break else [mine],
                     timezone.localdate())
    if found:
        errors: dict[str, list[str]] = {}
        for field, message in found:
            errors.setdefault(field, []).append(message)
        raise ValidationError(errors)


@transaction.atomic
def save_care_episode(actor: Any, yp: YoungPerson, episode: CareEpisode, request: Any = None) -> CareEpisode:
    from people.codes import SHORT_BREAK_LEGAL_STATUSES

    episode.young_person = yp
    if episode.legal_status in SHORT_BREAK_LEGAL_STATUSES:
        episode.is_short_break = True
    episode.full_clean()
    _check_history(yp, episode)
    is_new = episode.pk is None
    before = {} if is_new else {
        f: getattr(CareEpisode.objects.get(pk=episode.pk), f)
        for f in ("start_date", "end_date", "legal_status", "placement_type", "reason_ceased", "is_short_break")
    }
    episode.save()
    if is_new:
        record(actor, Action.CREATE, young_person=yp, obj=episode)
    else:
        changed(actor, episode, yp, before, request=request)
    refresh_category(yp)
    return episode


@transaction.atomic
def allocate(actor: Any, yp: YoungPerson, worker: Any, role: str, start: dt.date,
             reason: str = "", request: Any = None) -> Allocation:
    """Allocate ``worker`` in ``role`` from ``start``, ending any current allocation in that role."""
    if role not in AllocationRole.values:
        raise ValidationError({"role": "Choose personal adviser or social worker"})
    if start > timezone.localdate():
        raise ValidationError({"start_date": "The allocation cannot start in the future"})
    current = yp.allocations.select_for_update().filter(role=role, end_date__isnull=True).first()
    if current is not None:
        if current.worker_id == worker.pk:
            raise ValidationError({"worker": f"{worker} is already allocated"})
        if not reason:
            raise ValidationError({"reason": "Give a reason for the reallocation"})
        if start < current.start_date:
            raise ValidationError({"start_date": "The new allocation cannot start before the current one"})
        current.end_date = start
        current.end_reason = reason
        current.save(update_fields=["end_date", "end_reason"])
    allocation = Allocation.objects.create(young_person=yp, worker=worker, role=role, start_date=start,
                                           created_by=actor if getattr(actor, "pk", None) else None)
    before_team = yp.team_id
    if role == AllocationRole.PERSONAL_ADVISER and worker.team_id and worker.team_id != yp.team_id:
        yp.team_id = worker.team_id
        yp.save(update_fields=["team", "updated_at"])
    record(actor, Action.CREATE, young_person=yp, obj=allocation,
           detail={"worker": str(worker), "role": role, "reason": reason,
                   "previous_worker": str(current.worker) if current else None,
                   **({"team": {"old": before_team, "new": yp.team_id}} if before_team != yp.team_id else {})},
           request=request)
    return allocation


@transaction.atomic
def end_allocation(actor: Any, allocation: Allocation, end: dt.date, reason: str, request: Any = None) -> None:
    if not reason:
        raise ValidationError({"reason": "Give a reason for ending the allocation"})
    if end < allocation.start_date:
        raise ValidationError({"end_date": "The allocation cannot end before it starts"})
    allocation.end_date, allocation.end_reason = end, reason
    allocation.save(update_fields=["end_date", "end_reason"])
    record(actor, Action.CHANGE, young_person=allocation.young_person, obj=allocation,
           detail={"end_date": {"old": None, "new": end}, "reason": reason}, request=request)


@transaction.atomic
def set_service_status(actor: Any, yp: YoungPerson, status: str, on: dt.date, request: Any = None) -> None:
    """Step down (from 21, on request), re-open (until 25), close, or record a death."""
    age = yp.age(on)
    if status == ServiceStatus.STEPPED_DOWN and age < 21:
        raise ValidationError({"status": "A young person can step down from 21, on their request"})
    if status == ServiceStatus.OPEN and yp.status == ServiceStatus.STEPPED_DOWN and age >= 25:
        raise ValidationError({"status": "The service can be re-opened only until the 25th birthday"})
    if yp.status == ServiceStatus.DIED:
        raise ValidationError({"status": "This young person has died; the record is closed"})
    before = {"status": yp.status, "status_changed_on": yp.status_changed_on, "date_of_death": yp.date_of_death}
    yp.status, yp.status_changed_on = status, on
    if status == ServiceStatus.DIED:
        yp.date_of_death = on
    yp.save(update_fields=["status", "status_changed_on", "date_of_death", "updated_at"])
    changed(actor, yp, yp, before, request=request)
