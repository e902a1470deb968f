"""Reading for the app: a young person's own record (nothing else), and what staff need to see of the app.

A young person's session never goes through ``people.scope`` (it gives them nothing): their one record is the
one their ``AppAccess`` links to, and every object a page names is looked up within it, so another young
person's ids answer 404.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from audit.log import record
from audit.models import Action
from money.queries import Offer, entitled_today, suha_remaining
from people.eligibility import birthday
from people.models import Allocation, YoungPerson
from plans.models import PathwayPlan, PlanStatus
from youngapp import rules as r
from youngapp.models import FileRequest, Message, PlanResponse, PlanResponseKind


def own_record(user: Any) -> YoungPerson:
    access = getattr(user, "app_access", None) if getattr(user, "is_authenticated", False) else None
    if access is None or not access.is_usable:
        raise Http404("No record")
    return access.young_person


def own_or_404(user: Any, qs: QuerySet[Any], pk: Any, via: str = "young_person", request: Any = None) -> Any:
    """The object ``pk`` of ``qs`` if it belongs to the user's own record; otherwise log the refusal and 404."""
    yp = own_record(user)
    try:
        return qs.get(**{"pk": int(pk), via: yp})
    except (qs.model.DoesNotExist, ValueError, TypeError):
        record(user, Action.DENIED, young_person=yp, object_type=qs.model._meta.label, object_id=str(pk)[:40],
               request=request)
        raise Http404("Not found") from None


def current_pa(yp: YoungPerson) -> Allocation | None:
    return (Allocation.objects.filter(young_person=yp, role="pa", end_date__isnull=True)
            .select_related("worker", "worker__team").first())


def current_plan(yp: YoungPerson) -> PathwayPlan | None:
    """The plan the young person sees: the one shared with them for their views, else the latest signed off.
    Drafts are the workers' and are not shown."""
    plans = PathwayPlan.objects.filter(young_person=yp)
    return (plans.filter(status=PlanStatus.SHARED).order_by("-started_on", "-pk").first()
            or plans.filter(status=PlanStatus.SIGNED_OFF).order_by("-signed_off_on", "-pk").first())


def askable(yp: YoungPerson, on: dt.date) -> list[Offer]:
    """What the young person may ask for today: entitlements paid on request that apply to them."""
    from money.models import Entitlement

    on_request = set(Entitlement.objects.filter(schedule="", active=True).values_list("code", flat=True))
    return [o for o in entitled_today(yp, on) if o.code in on_request]


@dataclass(frozen=True)
class Change:
    age: int
    on: dt.date
    starts: list[Offer]
    stops: list[Offer]
    changes: list[tuple[Offer, Offer]]  # (before, after) where the amount changes
    only_if_agreed: list[Offer]  # from this birthday, only when the PA agrees (discretionary)


def changes_ahead(yp: YoungPerson, today: dt.date, now: list[Offer]) -> list[Change]:
    """What changes at 18 and at 21, by the same entitlement rules the payment run uses."""
    out = []
    before = {o.code: o for o in now}
    for age in (18, 21):
        day = birthday(yp.date_of_birth, age)
        if day <= today:
            continue
        after = {o.code: o for o in entitled_today(yp, day)}
        out.append(Change(age, day, [o for c, o in after.items() if c not in before],
                          [o for c, o in before.items() if c not in after],
                          [(before[c], o) for c, o in after.items() if c in before and before[c].amount != o.amount
                           and before[c].left is None],
                          [o for c, o in after.items() if o.discretionary and c in before
                           and not before[c].discretionary]))
        before = after
    return out


def money_for(yp: YoungPerson, today: dt.date) -> dict[str, Any]:
    from money.models import Payment, PaymentRequest

    now = entitled_today(yp, today)
    payments = Payment.objects.filter(young_person=yp).select_related("entitlement").order_by("-paid_on", "-pk")
    return {"now": now, "ahead": changes_ahead(yp, today, now), "suha_left": suha_remaining(yp),
            "payments": payments[:20], "paid_total": sum((p.amount for p in payments), Decimal("0.00")),
            "requests": PaymentRequest.objects.filter(young_person=yp).select_related("entitlement")[:20],
            "askable": askable(yp, today)}


# ---------------------------------------------------------------- for staff


def caseload_ids(user: Any) -> QuerySet[Any]:
    return Allocation.objects.filter(worker=user, end_date__isnull=True).values("young_person_id")


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False) or getattr(user, "role", None) == "young_person":
        return 0
    return Message.objects.filter(young_person_id__in=caseload_ids(user), from_young_person=True,
                                  read_at__isnull=True).count()


@dataclass(frozen=True)
class AppItem:
    young_person: YoungPerson
    what: str
    since: dt.date
    url: str


def worklist_items(user: Any, today: dt.date) -> list[AppItem]:
    """For a worker: young people's messages unanswered for two working days, review requests and requests to
    see their file, that nobody has dealt with yet, for young people on their caseload."""
    ids = caseload_ids(user)
    items = []
    oldest: dict[int, Message] = {}
    for m in (Message.objects.filter(young_person_id__in=ids, from_young_person=True, answered_at__isnull=True)
              .order_by("sent_at").select_related("young_person")):
        oldest.setdefault(m.young_person_id, m)
    for m in sorted(oldest.values(), key=lambda m: m.sent_at):
        sent_on = timezone.localdate(m.sent_at)
        if r.answer_overdue(sent_on, today):
            items.append(AppItem(m.young_person, "Message not answered", sent_on,
                                 reverse("youngapp:staff_record", args=[m.young_person_id])))
    for p in (PlanResponse.objects.filter(plan__young_person_id__in=ids, kind=PlanResponseKind.REVIEW,
                                          dealt_with_at__isnull=True).select_related("plan__young_person")):
        items.append(AppItem(p.plan.young_person, "Asked for a plan review", p.created_at.date(),
                             reverse("youngapp:staff_record", args=[p.plan.young_person_id])))
    for f in FileRequest.objects.filter(young_person_id__in=ids, dealt_with_at__isnull=True).select_related(
            "young_person"):
        what = "Asked to see their file" + (" with your help" if f.pa_helps else "")
        items.append(AppItem(f.young_person, what, f.created_at.date(),
                             reverse("youngapp:staff_record", args=[f.young_person_id])))
    return sorted(items, key=lambda i: i.since)


def open_items_for(yp: YoungPerson) -> dict[str, Any]:
    return {
        "reviews": PlanResponse.objects.filter(plan__young_person=yp).filter(
            Q(kind=PlanResponseKind.REVIEW, dealt_with_at__isnull=True) | ~Q(kind=PlanResponseKind.REVIEW))
        .select_related("area", "plan")[:30],
        "file_requests": FileRequest.objects.filter(young_person=yp)[:10],
    }
