"""One timeline of every significant event on a young person's record, read from where each fact is kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

KINDS = {
    "care": "Care history", "move": "Moves", "activity": "Education, work or training", "contact": "Contacts",
    "plan": "Plans", "money": "Money", "status": "Status changes", "note": "Case notes",
    "participation": "Events and participation",
}


@dataclass
class Event:
    on: dt.date
    kind: str
    title: str
    detail: str = ""
    who: str = ""
    source: str = ""
    significant: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def _name(user: Any) -> str:
    return user.get_full_name() if user is not None else ""


def events_for(yp: Any, kinds: set[str] | None = None, start: dt.date | None = None, end: dt.date | None = None,
               significant_only: bool = False) -> list[Event]:
    from accommodation.models import AccommodationEpisode, ActivityEpisode
    from audit.models import AuditEvent
    from casenotes.models import CaseNote, SignificantEvent
    from contacts.models import Contact
    from money.models import PaymentRequest
    from plans.models import PathwayPlan

    want = kinds or set(KINDS)
    out: list[Event] = []
    if "care" in want:
        for e in yp.care_episodes.all():
            out.append(Event(e.start_date, "care", "Came into care" if e.reason_new_episode == "S"
                             else "Change of placement or legal status",
                             f"{e.get_placement_type_display()}; {e.get_legal_status_display()}",
                             source=f"people.CareEpisode:{e.pk}"))
            if e.end_date:
                out.append(Event(e.end_date, "care", "Episode of care ended", e.get_reason_ceased_display(),
                                 source=f"people.CareEpisode:{e.pk}:end"))
    if "move" in want:
        for m in AccommodationEpisode.objects.filter(young_person=yp).select_related("district"):
            suitable = {True: "suitable", False: "not suitable", None: "suitability not known"}[m.suitable]
            out.append(Event(m.start_date, "move", f"Moved: {m.get_accom_display()}",
                             "; ".join(x for x in [suitable, m.address, m.note] if x),
                             source=f"accommodation.AccommodationEpisode:{m.pk}"))
    if "activity" in want:
        for a in ActivityEpisode.objects.filter(young_person=yp):
            out.append(Event(a.start_date, "activity", f"Activity: {a.get_activity_display()}", a.note,
                             source=f"accommodation.ActivityEpisode:{a.pk}"))
    if "contact" in want:
        for c in Contact.objects.filter(young_person=yp).select_related("worker"):
            title = f"{c.get_kind_display()} contact" + ("" if c.successful else " (not successful)")
            out.append(Event(c.occurred_at.date(), "contact", title, c.note or c.reason_unsuccessful,
                             _name(c.worker), source=f"contacts.Contact:{c.pk}"))
    if "plan" in want:
        for p in PathwayPlan.objects.filter(young_person=yp).select_related("signed_off_by", "author"):
            kind = "Review" if p.is_review else "Pathway plan"
            out.append(Event(p.started_on, "plan", f"{kind} started", who=_name(p.author),
                             source=f"plans.PathwayPlan:{p.pk}"))
            if p.shared_on:
                out.append(Event(p.shared_on, "plan", f"{kind} shared with the young person",
                                 source=f"plans.PathwayPlan:{p.pk}:shared"))
            if p.signed_off_on:
                out.append(Event(p.signed_off_on, "plan", f"{kind} signed off", who=_name(p.signed_off_by),
                                 source=f"plans.PathwayPlan:{p.pk}:signed"))
    if "money" in want:
        for r in (PaymentRequest.objects.filter(young_person=yp, decided_at__isnull=False)
                  .select_related("entitlement", "decided_by")):
            out.append(Event(r.decided_at.date(), "money",
                             f"{r.entitlement.name} £{r.amount:,.2f} {r.get_status_display().lower()}",
                             r.rejection_reason or r.reason, _name(r.decided_by),
                             source=f"money.PaymentRequest:{r.pk}"))
    if "status" in want:
        for ev in (AuditEvent.objects.filter(young_person=yp, object_type="people.YoungPerson", action="change",
                                             detail__has_key="status").select_related("actor")):
            change = ev.detail.get("status") or {}
            if isinstance(change, dict):
                old, new = _status_label(change.get("old")), _status_label(change.get("new"))
                out.append(Event(ev.at.date(), "status", f"Service status changed from {old} to {new}",
                                 who=_name(ev.actor), source=f"audit.AuditEvent:{ev.pk}"))
    if "note" in want:
        for n in CaseNote.objects.filter(young_person=yp, withdrawn=False).select_related("created_by"):
            agency = f" (with {n.other_agency})" if n.other_agency else ""
            out.append(Event(n.on, "note", f"{n.get_kind_display()}{agency}", n.text, _name(n.created_by),
                             source=f"casenotes.CaseNote:{n.pk}"))
    if "participation" in want:
        from participation.chronology import events_for as participation_events

        out += participation_events(yp, Event)
    marked = set(SignificantEvent.objects.filter(young_person=yp).values_list("source", flat=True))
    for e in out:
        e.significant = e.source in marked
    out = [e for e in out if (start is None or e.on >= start) and (end is None or e.on <= end)
           and (not significant_only or e.significant)]
    out.sort(key=lambda e: (e.on, e.kind, e.source), reverse=True)
    return out


def _status_label(value: Any) -> str:
    from people.models import ServiceStatus

    try:
        return str(ServiceStatus(value).label).lower()
    except ValueError:
        return str(value or "not recorded")
