"""Reads for safeguarding pages and the summary: what a viewer may see, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from accounts.policy import may
from audit.models import Action, AuditEvent
from people.models import YoungPerson
from safeguarding.models import Concern, Meeting, Oversight, SafetyPlan
from safeguarding.rules import oversight_review_due


@dataclass
class Safeguarding:
    """What the summary page shows. ``detail`` is False for viewers who only learn that a concern exists."""

    detail: bool
    open_concerns: int
    concerns: list[Concern] = field(default_factory=list)
    oversight: Oversight | None = None
    oversight_due: dt.date | None = None
    safety_plan: SafetyPlan | None = None
    meetings: list[Meeting] = field(default_factory=list)


def for_summary(user: Any, yp: YoungPerson) -> Safeguarding:
    detail = may(user, "safeguarding.view_detail", yp)
    open_q = Concern.objects.filter(young_person=yp, closed_on__isnull=True)
    if not detail:
        return Safeguarding(detail=False, open_concerns=open_q.count())
    concerns = list(open_q.select_related("raised_by", "acknowledged_by"))
    oversight = (Oversight.objects.filter(young_person=yp, ended_on__isnull=True)
                 .annotate(last=Max("reviews__reviewed_on")).first())
    due = oversight_review_due(oversight.started_on, oversight.last, oversight.review_every_months) \
        if oversight else None
    plan = SafetyPlan.objects.filter(young_person=yp, superseded_on__isnull=True).select_related("written_by").first()
    return Safeguarding(detail=True, open_concerns=len(concerns), concerns=concerns, oversight=oversight,
                        oversight_due=due, safety_plan=plan)


def oversight_list(people: QuerySet[YoungPerson]) -> list[dict[str, Any]]:
    """Each young person under oversight, with what changed since the last review: counts of recorded changes by
    area from the audit log, and new concerns, counted in the database."""
    rows = list(Oversight.objects.filter(young_person__in=people, ended_on__isnull=True)
                .select_related("young_person", "started_by").annotate(last=Max("reviews__reviewed_on")))
    out = []
    for o in rows:
        since = o.last or o.started_on
        since_at = timezone.make_aware(dt.datetime.combine(since, dt.time()))
        changes = (AuditEvent.objects.filter(young_person=o.young_person_id, at__gte=since_at,
                                             action__in=[Action.CREATE, Action.CHANGE])
                   .exclude(object_type__in=["safeguarding.Oversight", "safeguarding.OversightReview"])
                   .values("object_type").annotate(n=Count("pk")).order_by("-n"))
        concerns = Concern.objects.filter(young_person=o.young_person_id, raised_at__gte=since_at).count()
        out.append({"oversight": o, "since": since, "due": oversight_review_due(o.started_on, o.last,
                                                                                o.review_every_months),
                    "changes": [(c["object_type"].split(".")[-1], c["n"]) for c in changes], "new_concerns": concerns})
    return sorted(out, key=lambda r: r["due"])


def inbox(user: Any, people: QuerySet[YoungPerson]) -> QuerySet[Concern]:
    """Open concerns a manager should see: those not yet acknowledged or decided, in their scope; a senior manager
    sees those escalated, and their own notices."""
    qs = Concern.objects.filter(young_person__in=people, closed_on__isnull=True).filter(
        Q(acknowledged_at__isnull=True) | Q(decision=""))
    if getattr(user, "role", None) == "senior_manager":
        qs = qs.filter(Q(escalation_level__gte=1) | Q(notices__recipient=user)).distinct()
    return qs.select_related("young_person", "raised_by").annotate(
        unread=Count("notices", filter=Q(notices__recipient=user, notices__read_at__isnull=True)))


