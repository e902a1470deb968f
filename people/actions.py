"""The write path for young people's records: every change goes through a verb here.

Each verb validates, saves inside a transaction, and writes the audit event with
old and new values (after zulip's zerver/actions). A refused change raises
django.core.exceptions.ValidationError keyed by the field, and saves nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.policy import require
from accounts.roles import Role
from audit.log import changed, field_changes, record, snapshot
from audit.models import Action
from leavingcare.versioning import bump, check_version
from people.allocation_rules import status_change_problem
from people.care_history import EpisodeInput, problems
from people.eligibility import became_eligible_on, care_ended_on, category_on
from people.models import Allocation, AllocationRole, CareEpisode, ServiceStatus, YoungPerson

# Fields a worker may set on the record (status changes go through set_service_status)
RECORD_FIELDS = [
    "la_person_id", "first_name", "last_name", "preferred_name", "date_of_birth", "sex", "gender", "ethnicity",
    "nhs_number", "upn", "email", "phone", "address", "postcode", "district_id", "team_id",
    "is_uasc", "immigration_status", "immigration_status_start", "immigration_status_end",
    "is_pregnant_or_parenting", "in_custody", "out_of_area", "has_disability", "has_ehcp",
    "special_guardianship", "detained_on_16th", "head_of_service_oversight",
]
SETTABLE = set(RECORD_FIELDS) | {"district", "team"}
EPISODE_FIELDS = ["start_date", "end_date", "reason_new_episode", "legal_status", "cin", "placement_type",
                  "placement_provider", "reason_ceased", "reason_place_change", "home_postcode",
                  "placement_postcode", "urn", "is_short_break"]
# Which staff role may hold which allocation
ALLOCATION_ROLES = {AllocationRole.PERSONAL_ADVISER: Role.PERSONAL_ADVISER,
                    AllocationRole.SOCIAL_WORKER: Role.SOCIAL_WORKER}


def _errors(found: list[tuple[str, str]]) -> ValidationError:
    errors: dict[str, list[str]] = {}
    for field, message in found:
        errors.setdefault(field, []).append(message)
    return ValidationError(errors)


def refresh_category(yp: YoungPerson, as_at: dt.date | None = None, save: bool = True) -> YoungPerson:
    """Recompute the cached category and eligible-from date from the care history."""
    episodes = yp.episodes_for_rules()
    yp.category = category_on(yp.date_of_birth, episodes, as_at or timezone.localdate(),
                              special_guardianship=yp.special_guardianship,
                              detained_on_16th=yp.detained_on_16th).value
    yp.eligible_from = became_eligible_on(yp.date_of_birth, episodes)
    yp.care_ended_on = care_ended_on(episodes)
    if save:
        from worklists.facts import forget

        YoungPerson.objects.filter(pk=yp.pk).update(category=yp.category, eligible_from=yp.eligible_from,
                                                    care_ended_on=yp.care_ended_on)
        forget(yp.pk)  # the stored clock facts read the eligibility date
    return yp


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = sorted(set(fields) - SETTABLE)
    if unknown:
        raise ValidationError({name: "This field cannot be set here" for name in unknown})


def _validate_record(yp: YoungPerson) -> None:
    found: list[tuple[str, str]] = []
    today = timezone.localdate()
    if isinstance(yp.date_of_birth, dt.date) and yp.date_of_birth > today:
        found.append(("date_of_birth", "Date of birth must be in the past"))
    start, end = yp.immigration_status_start, yp.immigration_status_end
    if start and end and end < start:
        found.append(("immigration_status_end", "The immigration status end date must be after its start date"))
    if yp.immigration_status and not yp.is_uasc:
        found.append(("immigration_status", "Record an immigration status only for an unaccompanied asylum-seeking "
                                            "young person"))
    try:
        yp.full_clean()
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            found.extend((field, m) for m in messages)
    if found:
        raise _errors(found)


def _save_record(yp: YoungPerson) -> None:
    try:
        with transaction.atomic():
            yp.save()
    except IntegrityError as exc:  # a concurrent save of the same LA person ID
        raise ValidationError({"la_person_id": "A young person with this LA person ID already exists"}) from exc


@transaction.atomic
def create_young_person(actor: Any, request: Any = None, **fields: Any) -> YoungPerson:
    _check_fields(fields)
    if not fields.get("team") and not fields.get("team_id") and getattr(actor, "team_id", None):
        fields["team_id"] = actor.team_id  # so the person who adds the record can see it
    yp = YoungPerson(**fields)
    require(actor, "people.add_record", yp.team if yp.team_id else None)
    _validate_record(yp)
    _save_record(yp)
    refresh_category(yp)
    record(actor, Action.CREATE, young_person=yp, obj=yp, request=request,
           detail={f: {"old": None, "new": getattr(yp, f)} for f in RECORD_FIELDS
                   if getattr(yp, f) not in (None, "", False)})
    return yp


@transaction.atomic
def update_young_person(actor: Any, yp: YoungPerson, request: Any = None, version: int | None = None,
                        **fields: Any) -> YoungPerson:
    """Change fields of the record; the audit event keeps each old and new value, read from the stored row.

    ``version`` is the version the change was made from: a save from an older one is refused.
    """
    _check_fields(fields)
    require(actor, "people.change_record", yp)
    stored = YoungPerson.objects.select_for_update().get(pk=yp.pk)
    check_version(stored, version, "record")
    before = snapshot(stored, [*RECORD_FIELDS, "version"])
    for name, value in fields.items():
        setattr(stored, name, value)
    if stored.team_id != before["team_id"]:
        require(actor, "people.change_team", YoungPerson.objects.get(pk=yp.pk))
    _validate_record(stored)
    if stored.date_of_birth != before["date_of_birth"]:
        _check_episodes_against_birth(stored)
    if not field_changes(before, snapshot(stored, before.keys())):
        return stored  # nothing changed: no new version, no event
    bump(stored)
    _save_record(stored)
    refresh_category(stored)
    changed(actor, stored, stored, before, request=request)
    yp.refresh_from_db()
    return stored


def _check_episodes_against_birth(yp: YoungPerson) -> None:
    if yp.care_episodes.filter(start_date__lt=yp.date_of_birth).exists():
        raise ValidationError({"date_of_birth": "A care episode starts before this date of birth"})


def _check_history(yp: YoungPerson, candidate: CareEpisode) -> None:
    mine = EpisodeInput(candidate.start_date, candidate.end_date, "episode")
    others = [] if candidate.is_short_break else [
        EpisodeInput(e.start_date, e.end_date, "episode")
        for e in yp.care_episodes.exclude(pk=candidate.pk).filter(is_short_break=False)]
    found = problems(yp.date_of_birth, others + [mine], timezone.localdate())
    if found:
        raise _errors(found)


@transaction.atomic
def save_care_episode(actor: Any, yp: YoungPerson, episode: CareEpisode, request: Any = None,
                      version: int | None = None) -> CareEpisode:
    """Add or change an episode of care after checking the whole history stays possible."""
    from people.codes import SHORT_BREAK_LEGAL_STATUSES

    require(actor, "people.change_care_history", yp)
    if episode.pk is not None and episode.young_person_id not in (None, yp.pk):
        raise ValidationError({"young_person": "This episode belongs to another young person"})
    stored = None
    if episode.pk is not None:
        stored = CareEpisode.objects.select_for_update().get(pk=episode.pk)
        check_version(stored, version, "episode of care")
    episode.young_person = yp
    if episode.legal_status in SHORT_BREAK_LEGAL_STATUSES:
        episode.is_short_break = True
    if episode.start_date and episode.end_date and episode.end_date <= episode.start_date:
        raise ValidationError({"end_date": "The episode must end after it starts"})
    episode.full_clean()
    _check_history(yp, episode)
    is_new = episode.pk is None
    before = {} if stored is None else snapshot(stored, [*EPISODE_FIELDS, "version"])
    if stored is not None:
        episode.version = stored.version + 1
    episode.save()
    if is_new:
        record(actor, Action.CREATE, young_person=yp, obj=episode, request=request,
               detail={f: {"old": None, "new": getattr(episode, f)} for f in EPISODE_FIELDS
                       if getattr(episode, f) not in (None, "")})
    else:
        changed(actor, episode, yp, before, request=request)
    refresh_category(yp)
    return episode


def add_care_episode(actor: Any, yp: YoungPerson, request: Any = None, **fields: Any) -> CareEpisode:
    unknown = sorted(set(fields) - set(EPISODE_FIELDS))
    if unknown:
        raise ValidationError({name: "This field cannot be set here" for name in unknown})
    return save_care_episode(actor, yp, CareEpisode(**fields), request=request)


@transaction.atomic
def allocate(actor: Any, yp: YoungPerson, worker: Any, role: str, start: dt.date,
             reason: str = "", request: Any = None) -> Allocation:
    """Allocate ``worker`` in ``role`` from ``start``, ending any current allocation in that role.

    A reallocation needs a reason, which is kept on the ended allocation and in the audit log.
    """
    require(actor, "people.allocate", yp)
    if role not in AllocationRole.values:
        raise ValidationError({"role": "Choose personal adviser or social worker"})
    if worker is None or not getattr(worker, "is_active", False):
        raise ValidationError({"worker": "Choose an active member of staff"})
    if worker.role != ALLOCATION_ROLES[AllocationRole(role)]:
        raise ValidationError({"worker": f"{worker} is not a {AllocationRole(role).label.lower()}"})
    if start > timezone.localdate():
        raise ValidationError({"start_date": "The allocation cannot start in the future"})
    if start < yp.date_of_birth:
        raise ValidationError({"start_date": "The allocation cannot start before the date of birth"})
    if yp.status in (ServiceStatus.CLOSED, ServiceStatus.DIED):
        raise ValidationError({"worker": "The record is closed; re-open it before allocating"})
    current = Allocation.objects.select_for_update().filter(young_person=yp, role=role, end_date__isnull=True).first()
    if current is not None:
        if current.worker_id == worker.pk:
            raise ValidationError({"worker": f"{worker} is already allocated"})
        if not reason.strip():
            raise ValidationError({"reason": "Give a reason for the reallocation"})
        if start < current.start_date:
            raise ValidationError({"start_date": "The new allocation cannot start before the current one"})
        current.end_date = start
        current.end_reason = reason.strip()
        bump(current)
        current.save(update_fields=["end_date", "end_reason", "version"])
    allocation = Allocation.objects.create(young_person=yp, worker=worker, role=role, start_date=start,
                                           created_by=actor if getattr(actor, "pk", None) else None)
    before_team = yp.team_id
    if role == AllocationRole.PERSONAL_ADVISER and worker.team_id and worker.team_id != yp.team_id:
        require(actor, "people.change_team", yp)  # a PA from another team takes the case to that team
        yp.team_id = worker.team_id
        yp.version = YoungPerson.objects.get(pk=yp.pk).version + 1
        yp.save(update_fields=["team", "version", "updated_at"])
    record(actor, Action.CREATE, young_person=yp, obj=allocation,
           detail={"worker": str(worker), "worker_id": worker.pk, "role": role, "start_date": start,
                   "reason": reason.strip(),
                   "previous_worker": str(current.worker) if current else None,
                   "previous_allocation": current.pk if current else None,
                   **({"team_id": {"old": before_team, "new": yp.team_id}} if before_team != yp.team_id else {})},
           request=request)
    return allocation


@transaction.atomic
def end_allocation(actor: Any, allocation: Allocation, end: dt.date, reason: str, request: Any = None,
                   version: int | None = None) -> None:
    require(actor, "people.allocate", allocation.young_person)
    allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
    check_version(allocation, version, "allocation")
    if allocation.end_date is not None:
        raise ValidationError({"end_date": "This allocation has already ended"})
    if not reason.strip():
        raise ValidationError({"reason": "Give a reason for ending the allocation"})
    if end < allocation.start_date:
        raise ValidationError({"end_date": "The allocation cannot end before it starts"})
    if end > timezone.localdate():
        raise ValidationError({"end_date": "The allocation cannot end in the future"})
    allocation.end_date, allocation.end_reason = end, reason.strip()
    bump(allocation)
    allocation.save(update_fields=["end_date", "end_reason", "version"])
    record(actor, Action.CHANGE, young_person=allocation.young_person, obj=allocation,
           detail={"end_date": {"old": None, "new": end}, "reason": reason.strip(),
                   "version": {"old": allocation.version - 1, "new": allocation.version}}, request=request)


@transaction.atomic
def set_service_status(actor: Any, yp: YoungPerson, status: str, on: dt.date, request: Any = None,
                       version: int | None = None, reason: str = "", today: dt.date | None = None) -> None:
    """Step down (from 21, on request), re-open (until 25), close (at 25), or record a death.

    Stepping down, closing or a death ends the current allocations on that date. ``reason`` (e.g. "Reached 25"
    from the daily closure) is kept in the audit event beside the old and new values.
    """
    require(actor, "people.change_status", yp)
    stored = YoungPerson.objects.select_for_update().get(pk=yp.pk)
    check_version(stored, version, "record")
    yp.status, yp.version = stored.status, stored.version
    problem = status_change_problem(yp.date_of_birth, yp.status, status, on, today or timezone.localdate())
    if problem:
        raise ValidationError({"status": problem})
    before = {"status": yp.status, "status_changed_on": yp.status_changed_on, "date_of_death": yp.date_of_death,
              "version": yp.version}
    yp.status, yp.status_changed_on = status, on
    if status == ServiceStatus.DIED:
        yp.date_of_death = on
    bump(yp)
    yp.save(update_fields=["status", "status_changed_on", "date_of_death", "version", "updated_at"])
    diff = field_changes(before, snapshot(yp, before.keys()))
    record(actor, Action.CHANGE, young_person=yp, obj=yp, request=request,
           detail={**diff, **({"reason": reason} if reason else {})})
    if status in (ServiceStatus.STEPPED_DOWN, ServiceStatus.CLOSED, ServiceStatus.DIED):
        reason = reason or {ServiceStatus.STEPPED_DOWN: "Stepped down", ServiceStatus.CLOSED: "Record closed at 25",
                            ServiceStatus.DIED: "Died"}[ServiceStatus(status)]
        for allocation in yp.allocations.filter(end_date__isnull=True):
            allocation.end_date = max(on, allocation.start_date)
            allocation.end_reason = reason
            allocation.save(update_fields=["end_date", "end_reason"])
            record(actor, Action.CHANGE, young_person=yp, obj=allocation, request=request,
                   detail={"end_date": {"old": None, "new": allocation.end_date}, "reason": reason})
