"""Worklists from the database: the rows that are overdue or due soon, found by one query.

The database narrows the cohort to young people who could have something overdue or due within the
horizon (each clock rule turned into a date bound on annotated columns: last PA contact, last social
worker visit, latest plan, ...). Only those rows are read, and ``worklists.clock`` gives each its exact due
dates, so the command line, the pages and ``next_due_for`` cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from django.db.models import Case, DateField, Exists, F, OuterRef, Q, QuerySet, Subquery, When
from django.utils import timezone

from accommodation.models import AccommodationEpisode
from contacts.models import Contact
from org.config import settings
from people.eligibility import Episode, age_on, became_eligible_on, category_on, dob_range_for_ages
from people.models import Allocation, CareEpisode, ServiceStatus, YoungPerson
from plans.models import NeedsAssessment, PathwayPlan
from worklists.clock import Due, Facts, Intervals, add_months, clock, status_of
from worklists.facts import fill_missing
from worklists.stored import facts_hold, open_in_age, stored_counts, stored_items

IN_PERSON = ["home_visit", "office", "hub", "prison_visit"]
SIGNED = ["signed_off", "superseded"]


def intervals() -> Intervals:
    values = settings("pa_contact_interval_months", "pa_contact_after_move_days", "sw_visit_interval_weeks",
                      "needs_assessment_months", "pathway_plan_review_months", "pa_coallocation_age",
                      "due_soon_days")
    return Intervals(*(int(v) for v in values.values()))


def end_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))


def annotated(qs: QuerySet[YoungPerson], as_at: dt.date) -> QuerySet[YoungPerson]:
    """Young people with the facts the clock reads, as columns."""
    until = end_of_day(as_at)
    current = Allocation.objects.filter(young_person=OuterRef("pk"), start_date__lte=as_at).filter(
        Q(end_date__isnull=True) | Q(end_date__gt=as_at)).order_by("-start_date", "-pk")
    pa = current.filter(role="pa")
    sw = current.filter(role="sw")
    contacts = Contact.objects.filter(young_person=OuterRef("pk"), successful=True, occurred_at__lt=until)
    return qs.annotate(
        pa_id=Subquery(pa.values("worker_id")[:1]),
        pa_since=Subquery(pa.values("start_date")[:1]),
        sw_id=Subquery(sw.values("worker_id")[:1]),
        sw_since=Subquery(sw.values("start_date")[:1]),
        last_pa_contact_at=Subquery(contacts.filter(made_by="pa").order_by("-occurred_at")
                                    .values("occurred_at")[:1]),
        last_sw_visit_at=Subquery(contacts.filter(made_by="sw", kind__in=IN_PERSON).order_by("-occurred_at")
                                  .values("occurred_at")[:1]),
        last_move=Subquery(AccommodationEpisode.objects.filter(young_person=OuterRef("pk"), start_date__lte=as_at)
                           .order_by("-start_date").values("start_date")[:1]),
        latest_plan=Subquery(PathwayPlan.objects.filter(young_person=OuterRef("pk"), status__in=SIGNED,
                                                        signed_off_on__lte=as_at)
                             .order_by("-signed_off_on").values("signed_off_on")[:1]),
        review_due=Subquery(PathwayPlan.objects.filter(young_person=OuterRef("pk"), status__in=SIGNED,
                                                       signed_off_on__lte=as_at)
                            .order_by("-signed_off_on").values("next_review_due")[:1]),
        assessment_completed=Exists(NeedsAssessment.objects.filter(young_person=OuterRef("pk"),
                                                                   completed_on__lte=as_at)),
        pa_ended=Subquery(Allocation.objects.filter(young_person=OuterRef("pk"), role="pa", end_date__lte=as_at)
                          .order_by("-end_date").values("end_date")[:1]),
        opened_on=Case(When(status_changed_on__lte=as_at, then=F("status_changed_on")), output_field=DateField()),
        looked_after=Exists(CareEpisode.objects.filter(young_person=OuterRef("pk"), start_date__lte=as_at,
                                                       is_short_break=False)
                            .filter(Q(end_date__isnull=True) | Q(end_date__gt=as_at))),
    )


def candidates(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals) -> QuerySet[YoungPerson]:
    """Open young people aged 16-24 who could have something overdue or due by the horizon, with the facts
    worked out from the record (``worklists.stored`` reads them from stored facts instead)."""
    horizon = as_at + dt.timedelta(days=iv.due_soon_days)
    slack = dt.timedelta(days=4)  # month arithmetic is not exactly invertible at month ends
    under_18_from = dob_range_for_ages(as_at, 16, 17)[0]
    coalloc_by = dob_range_for_ages(horizon, iv.coallocation_age, 24)[1]
    contact_bound = add_months(horizon, -iv.pa_contact_months) + slack
    move_from = add_months(horizon, -iv.pa_contact_months) - slack
    plan_bound = add_months(horizon, -iv.plan_review_months) + slack
    rows = annotated(open_in_age(qs, as_at), as_at)
    visit_bound = end_of_day(horizon - dt.timedelta(weeks=iv.sw_visit_weeks))
    assessment_bound = add_months(horizon, -iv.needs_assessment_months) + slack
    sixteen_by = dob_range_for_ages(assessment_bound, 16, 24)[1]
    care_leaver = (Q(eligible_from__isnull=False)
                   | Q(category__in=["eligible", "relevant", "former_relevant", "qualifying"]))
    due = care_leaver & (
        Q(pa_id__isnull=False, last_pa_contact_at__lt=end_of_day(contact_bound))
        | Q(pa_id__isnull=False, last_pa_contact_at__isnull=True, pa_since__lte=contact_bound)
        | Q(pa_id__isnull=False, last_move__gte=move_from, last_move__lte=horizon - dt.timedelta(days=1))
        | Q(pa_id__isnull=True, date_of_birth__lte=coalloc_by)
        | (Q(looked_after=True, date_of_birth__gte=under_18_from)
           & (Q(last_sw_visit_at__isnull=True) | Q(last_sw_visit_at__lt=visit_bound)))
        | Q(assessment_completed=False, date_of_birth__gte=under_18_from, date_of_birth__lte=sixteen_by,
            eligible_from__lte=assessment_bound)
        | Q(latest_plan__lte=plan_bound)
        | Q(review_due__lte=horizon)
    )
    return rows.filter(due)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()


def category_from_columns(row: YoungPerson, as_at: dt.date) -> str:
    """The category as at the date from stored columns: ``eligible_from`` does not depend on the date, so
    eligible / relevant / former relevant follow from it, the age and whether looked after now; qualifying
    (and the rare detained-on-16th route) come from the cached category, refreshed daily."""
    age = age_on(row.date_of_birth, as_at)
    if not 16 <= age < 25:
        return "none"
    if row.eligible_from is not None and row.eligible_from <= as_at:
        if age < 18:
            return "eligible" if getattr(row, "looked_after", False) else "relevant"
        return "former_relevant"
    if row.category in ("relevant", "former_relevant"):
        return "relevant" if age < 18 else "former_relevant"
    return "qualifying" if row.category == "qualifying" else "none"


def facts_for(row: YoungPerson, as_at: dt.date, exact: bool = True) -> Facts:
    if exact:
        episodes = [Episode(e.start_date, e.end_date, e.is_short_break) for e in row.care_episodes.all()]
        category = category_on(row.date_of_birth, episodes, as_at, special_guardianship=row.special_guardianship,
                               detained_on_16th=row.detained_on_16th).value
        eligible_from = became_eligible_on(row.date_of_birth, episodes)
    else:
        category, eligible_from = category_from_columns(row, as_at), row.eligible_from
    return Facts(
        dob=row.date_of_birth, category=category, is_open=row.status == ServiceStatus.OPEN,
        looked_after=bool(getattr(row, "looked_after", False)), pa_id=row.pa_id, pa_since=row.pa_since,
        sw_id=row.sw_id, sw_since=row.sw_since, last_pa_contact=_date(row.last_pa_contact_at),
        last_move=row.last_move, last_sw_visit=_date(row.last_sw_visit_at),
        eligible_from=eligible_from,
        assessment_completed=bool(row.assessment_completed), latest_plan=row.latest_plan,
        review_due=row.review_due, pa_ended=row.pa_ended, opened_on=row.opened_on,
    )


LIST_FIELDS = ["la_person_id", "first_name", "last_name", "preferred_name", "date_of_birth", "status", "category",
               "eligible_from", "team__name", "team__locality__name"]
# Up to this many young people whose stored facts do not hold on the date are looked up by id
BY_ID = 2000


class Listed(NamedTuple):
    """A young person as a worklist shows them."""

    pk: int
    la_person_id: str
    first_name: str
    last_name: str
    preferred_name: str
    team_name: str | None
    locality_name: str | None

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"


class Item(NamedTuple):
    young_person: Listed
    due: Due


def _listed(row: YoungPerson) -> Listed:
    team = row.team
    return Listed(row.pk, row.la_person_id, row.first_name, row.last_name, row.preferred_name,
                  team.name if team else None, team.locality.name if team and team.locality else None)


def from_record(rows: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals) -> Iterator[Item]:
    for row in rows.select_related("team__locality").only(*LIST_FIELDS).iterator(chunk_size=5000):
        person = _listed(row)
        for d in clock(facts_for(row, as_at, exact=False), as_at, iv):
            yield Item(person, d)


def from_stored(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals, worker_id: int | None) -> Iterator[Item]:
    for person, kind, due, worker in stored_items(qs, as_at, iv, worker_id):
        yield Item(Listed(*person), Due(kind, due, status_of(due, as_at, iv.due_soon_days), worker))


def not_holding(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals) -> QuerySet[YoungPerson]:
    """Those in ``qs`` the worklist must work out from the record: no stored facts, or facts that do not hold
    on ``as_at`` (the record has events after it, such as an allocation ending later)."""
    rest = open_in_age(qs, as_at).exclude(facts_hold(as_at, iv))
    ids = list(rest.values_list("pk", flat=True)[:BY_ID + 1])
    return YoungPerson.objects.filter(pk__in=ids) if len(ids) <= BY_ID else rest


def worked_out(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals) -> QuerySet[YoungPerson] | None:
    """Store facts for those in ``qs`` who have none (changed since the last look), then return those whose
    facts still do not hold on ``as_at`` and must be worked out from the record, or None when there are none."""
    rest = not_holding(qs, as_at, iv)
    if rest.exists() and fill_missing(rest, iv):
        rest = not_holding(rest, as_at, iv)
    return rest if rest.exists() else None


def _from_record(rest: QuerySet[YoungPerson] | None, as_at: dt.date, iv: Intervals) -> list[Item]:
    return list(from_record(candidates(rest, as_at, iv), as_at, iv)) if rest is not None else []


def _extra(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals) -> list[Item]:
    """Items from other areas of the record (``worklists.extra``: health, safeguarding, circumstances)."""
    from worklists.extra import extra_dues

    found = extra_dues(qs, as_at, iv.due_soon_days)
    if not found:
        return []
    rows = (YoungPerson.objects.filter(pk__in={pk for pk, _ in found}).select_related("team__locality")
            .only(*LIST_FIELDS))
    people = {row.pk: _listed(row) for row in rows}
    return [Item(people[pk], due) for pk, due in found if pk in people]


def _in_order(found: Iterable[Item], statuses: Iterable[str], worker_id: int | None) -> list[Item]:
    wanted = set(statuses)
    return sorted((i for i in found if i.due.status in wanted and (worker_id is None or i.due.worker_id == worker_id)),
                  key=lambda i: (i.due.due, i.young_person.la_person_id, i.due.kind))


def items(qs: QuerySet[YoungPerson], as_at: dt.date, statuses: Iterable[str] = ("overdue", "due_soon"),
          all_candidates: bool = False, worker_id: int | None = None) -> list[Item]:
    """Every overdue or due-soon item for the young people in ``qs`` (already scoped by the caller), or only
    those of one worker. Stored clock facts are read where they hold; the rest come from the record.
    ``all_candidates`` works out everyone from the record, with no narrowing (for the tests)."""
    iv = intervals()
    if all_candidates:
        found = list(from_record(annotated(qs, as_at), as_at, iv)) + _extra(qs, as_at, iv)
    else:
        worked = _from_record(worked_out(qs, as_at, iv), as_at, iv)  # first: it stores facts that were missing
        found = list(from_stored(qs, as_at, iv, worker_id)) + worked + _extra(qs, as_at, iv)
    return _in_order(found, statuses, worker_id)


def items_and_counts(qs: QuerySet[YoungPerson], as_at: dt.date) -> tuple[list[Item], Counter[tuple[Any, Any, str]]]:
    """The overdue and due-soon items, and how many by (team, locality, overdue|due_soon): counted in the
    database where stored facts hold, with one look at which do not (the team page shows both)."""
    iv = intervals()
    worked = _from_record(worked_out(qs, as_at, iv), as_at, iv)  # first: it stores facts that were missing
    counted = stored_counts(qs, as_at, iv)
    extra = _extra(qs, as_at, iv)
    counted.update((i.young_person.team_name, i.young_person.locality_name, i.due.status)
                   for i in worked + extra if i.due.status != "upcoming")
    return _in_order(list(from_stored(qs, as_at, iv, None)) + worked + extra, ("overdue", "due_soon"), None), counted


def due_for_one(yp: YoungPerson, as_at: dt.date) -> list[Due]:
    from worklists.extra import extra_dues

    row = annotated(YoungPerson.objects.filter(pk=yp.pk), as_at).prefetch_related("care_episodes").first()
    if row is None:
        return []
    iv = intervals()
    extra = [due for _, due in extra_dues(YoungPerson.objects.filter(pk=yp.pk), as_at, iv.due_soon_days,
                                          everything=True)]
    return sorted(clock(facts_for(row, as_at), as_at, iv) + sorted(extra, key=lambda d: d.kind), key=lambda d: d.due)

