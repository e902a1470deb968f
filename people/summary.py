"""Everything the young person's summary page shows, read in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from accommodation.models import AccommodationEpisode, ActivityEpisode
from contacts.models import Contact
from people.eligibility import Category, became_eligible_on
from people.models import Allocation, AllocationRole, YoungPerson
from worklists.due import DueItem, next_due_for

CATEGORY_EXPLAINED = {
    Category.ELIGIBLE: "Aged 16 or 17 and looked after for at least 13 weeks since the age of 14, "
                       "including a day after the 16th birthday.",
    Category.RELEVANT: "Aged 16 or 17, eligible before, and no longer looked after.",
    Category.FORMER_RELEVANT: "Aged 18 to 25 and eligible or relevant before turning 18.",
    Category.QUALIFYING: "Looked after or under a special guardianship order at or after 16, "
                         "but not eligible: advice and assistance until 25.",
    Category.NONE: "Not a care leaver on the care history recorded.",
}


@dataclass
class Summary:
    person: YoungPerson
    as_at: dt.date
    age: int
    age_band: str
    category: Category
    category_explained: str
    eligible_from: dt.date | None
    pa: Allocation | None
    sw: Allocation | None
    allocations: list[Allocation]
    accommodation: AccommodationEpisode | None
    activity: ActivityEpisode | None
    last_contact: Contact | None
    last_attempt: Contact | None
    due: list[DueItem]
    flags: list[str] = field(default_factory=list)
    episodes: list[Any] = field(default_factory=list)
    retain_until: dt.date | None = None
    # Safeguarding, health and circumstances at the top of the page (None when the viewer may not see them)
    safeguarding: Any = None
    health: dict[str, Any] | None = None
    circumstances: dict[str, Any] | None = None


def health_facts(yp: YoungPerson) -> dict[str, Any]:
    from health.models import HealthCheck, HealthProfile, SDQScore

    return {"profile": HealthProfile.objects.filter(young_person=yp).first(),
            "assessment": HealthCheck.objects.filter(young_person=yp, kind="health_assessment").first(),
            "sdq": SDQScore.objects.filter(young_person=yp).first()}


def circumstance_facts(yp: YoungPerson) -> dict[str, Any]:
    from circumstances.models import Custody, ImmigrationCase, OutOfArea, RecordsRequest, StepDown

    # The record's flags (kept by the verbs and the import) say which areas can have anything: one query fewer each
    return {"immigration": ImmigrationCase.objects.filter(young_person=yp).first() if yp.is_uasc else None,
            "custody": Custody.objects.filter(young_person=yp, released_on__isnull=True).first()
            if yp.in_custody else None,
            "out_of_area": OutOfArea.objects.filter(young_person=yp, ended_on__isnull=True).first()
            if yp.out_of_area else None,
            "step_down": StepDown.objects.filter(young_person=yp, decision="pending").first(),
            "records_request": RecordsRequest.objects.filter(young_person=yp, completed_on__isnull=True).first(),
            "children": yp.children.count() if yp.is_pregnant_or_parenting else 0}


def flags_for(yp: YoungPerson) -> list[str]:
    flags = []
    if yp.is_uasc:
        flags.append("UASC" + (f": {yp.get_immigration_status_display()}" if yp.immigration_status else ""))
    if yp.is_pregnant_or_parenting:
        flags.append("Pregnant or parenting")
    if yp.in_custody:
        flags.append("In custody")
    if yp.out_of_area:
        flags.append("Living out of area")
    if yp.has_disability:
        flags.append("Disability")
    if yp.has_ehcp:
        flags.append("EHCP")
    if yp.head_of_service_oversight:
        flags.append("Head of Service oversight")
    return flags


def summary_for(yp: YoungPerson, as_at: dt.date, user: Any = None) -> Summary:
    """The summary as ``user`` may see it: safeguarding detail and health only for the young person's allocated
    workers and their managers (accounts/policy.py); others learn only that a concern exists."""
    yp = (YoungPerson.objects.select_related("team", "district")
          .prefetch_related("care_episodes",
                            Prefetch("allocations",
                                     queryset=Allocation.objects.select_related("worker", "worker__team")))
          .get(pk=yp.pk))
    allocations = list(yp.allocations.all())
    current = {a.role: a for a in allocations if a.end_date is None}
    episodes = list(yp.care_episodes.all())
    rules_episodes = yp.episodes_for_rules()
    category = yp.category_on(as_at)
    accommodation = (AccommodationEpisode.objects.filter(young_person=yp, start_date__lte=as_at)
                     .exclude(end_date__lt=as_at).order_by("-start_date").first())
    activity = (ActivityEpisode.objects.filter(young_person=yp, start_date__lte=as_at)
                .exclude(end_date__lt=as_at).order_by("-start_date").first())
    contacts = Contact.objects.filter(young_person=yp).select_related("worker")
    return Summary(
        person=yp, as_at=as_at, age=yp.age(as_at), age_band=yp.age_band(as_at), category=category,
        category_explained=CATEGORY_EXPLAINED[category],
        eligible_from=became_eligible_on(yp.date_of_birth, rules_episodes),
        pa=current.get(AllocationRole.PERSONAL_ADVISER), sw=current.get(AllocationRole.SOCIAL_WORKER),
        allocations=allocations, accommodation=accommodation, activity=activity,
        last_contact=contacts.filter(successful=True).order_by("-occurred_at").first(),
        last_attempt=contacts.filter(successful=False).order_by("-occurred_at").first(),
        due=next_due_for(yp, as_at), flags=flags_for(yp), episodes=episodes, retain_until=retain_until(yp),
        **_protected(yp, user),
    )


def retain_until(yp: YoungPerson) -> dt.date:
    """The record is kept until this date (the authority's ``retention_until_age`` birthday, the 75th by
    default); nothing is deleted before it."""
    from org.config import setting
    from people.eligibility import birthday

    return birthday(yp.date_of_birth, int(setting("retention_until_age")))


def _protected(yp: YoungPerson, user: Any) -> dict[str, Any]:
    from accounts.policy import may
    from safeguarding.queries import for_summary

    if user is None:
        return {}
    return {"safeguarding": for_summary(user, yp),
            "health": health_facts(yp) if may(user, "health.view", yp) else None,
            "circumstances": circumstance_facts(yp) if may(user, "circumstances.view", yp) else None}
