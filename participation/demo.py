"""Demo participation: a year of events at the three hubs (Care Leavers' Week, the summer participation programme
with a residential at Tower Wood, hub activities) with bookings and attendance, upcoming events to book (one full,
with a waiting list), fortnightly forum meetings with topics and actions, and the PROUD awards (seed 000 section 7).
The text is written for this demo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F
from django.utils import timezone

from accounts.models import User
from org.models import Hub
from participation import actions
from participation.models import (
    Attendance,
    AwardCategory,
    Booking,
    BookingStatus,
    Event,
    EventKind,
    ForumAction,
    ForumMeeting,
    ForumTopic,
    Nomination,
)
from people.demo_support import DemoContext
from people.models import YoungPerson

K = EventKind
# (days from as-at, hour, length in hours, kind, title, hub or None, place, capacity, description)
PAST = [
    (-330, 10, 6, K.PROGRAMME, "Outdoor activities day", None, "Beacon Fell Country Park", 25,
     "Climbing, orienteering and a barbecue."),
    (-300, 10, 54, K.RESIDENTIAL, "Three-day residential at Tower Wood", None, "Tower Wood, Windermere", 16,
     "Canoeing, gorge walking and camp cooking. Transport from each hub."),
    (-290, 19, 3, K.PROGRAMME, "Grease the Musical", None, "Preston Guild Hall", 30, "A night at the theatre."),
    (-260, 11, 4, K.PROGRAMME, "Young Advisors training", "Preston", "", 12,
     "Learn how to advise the council on services for young people."),
    (-200, 12, 4, K.CARE_LEAVERS_WEEK, "Care Leavers' Week celebration lunch", "Burnley", "", 40,
     "Food, music and the launch of the new hub timetable."),
    (-198, 18, 3, K.CARE_LEAVERS_WEEK, "Care Leavers' Week film night", "Lancaster", "", 20, "Pizza and a film."),
    (-150, 10, 6, K.TAKEOVER, "Corporate Parenting Board youth takeover", None, "County Hall, Preston", 12,
     "Young people run the board for the day."),
    (-90, 14, 2, K.HUB, "Independent skills: budgeting", "Preston", "", 10, "Make a weekly budget that works."),
    (-60, 17, 2, K.HUB, "Cooking on a budget", "Burnley", "", 10, "Cook a week of meals for under £20."),
    (-30, 14, 2, K.HUB, "Dance and fitness", "Lancaster", "", 15, "A relaxed session for all levels."),
]
UPCOMING = [
    (12, 17, 2, K.HUB, "Cooking on a budget", "Preston", "", 8, "Cook a week of meals for under £20."),
    (20, 10, 6, K.PROGRAMME, "Co-production day: the new Local Offer", None, "Preston hub", 20,
     "Help us rewrite the Local Offer so it makes sense to you. Lunch provided."),
    (26, 13, 3, K.HUB, "Board games afternoon", "Lancaster", "", 12, "Drop in for games and snacks."),
    (40, 10, 54, K.RESIDENTIAL, "Autumn residential at Tower Wood", None, "Tower Wood, Windermere", 4,
     "Three days of outdoor activities. Places are limited: join the waiting list if it is full."),
    (60, 12, 4, K.CARE_LEAVERS_WEEK, "Care Leavers' Week celebration", "Burnley", "", 40,
     "Food, music and the PROUD awards shortlist announced."),
]
TOPICS = [
    ("The Local Offer review", "The website is hard to find things on; an app would be better.",
     "Share the draft Local Offer at the next forum", "Participation lead"),
    ("Planning Care Leavers' Week", "Ideas: a celebration lunch, a film night, an awards evening.",
     "Book venues for Care Leavers' Week", "Participation lead"),
    ("PROUD awards", "Add a category for volunteering.", "Ask the awards panel about a volunteering category",
     "Service manager"),
    ("Travel to the hubs", "Bus fares stop some people coming.", "Find out whether travel costs can be paid",
     "Team manager, Central"),
    ("Mental health support after 18", "Waiting lists are too long.", "Invite the ICB to the next forum",
     "Head of Service"),
]


def _at(as_at: dt.date, days: int, hour: int) -> dt.datetime:
    return dt.datetime.combine(as_at + dt.timedelta(days=days), dt.time(hour), tzinfo=timezone.get_current_timezone())


def populate(ctx: DemoContext) -> None:
    hubs = {h.name: h for h in Hub.objects.all()}
    if not hubs:
        return
    staff = list(User.objects.filter(username__in=["pa1", "pa2", "pa3", "tm1"]).order_by("username"))
    lead = staff[0] if staff else None
    hi = dt.date(ctx.as_at.year - 17, ctx.as_at.month, 1)
    lo = dt.date(ctx.as_at.year - 24, ctx.as_at.month, 1)
    pool = list(YoungPerson.objects.filter(status="open", date_of_birth__range=(lo, hi)).order_by("pk")
                .values_list("pk", flat=True)[:400])
    rng = ctx.rng("participation")
    now = timezone.now()
    bookings = []
    # Past events from the demo's date; upcoming ones from today too, so the app has events to book
    ahead = max(ctx.as_at, timezone.localdate())
    dated = [(ctx.as_at, e) for e in PAST] + [(ahead, e) for e in UPCOMING]
    for base_day, (days, hour, hours, kind, title, hub, place, capacity, text) in dated:
        starts = _at(base_day, days, hour)
        event = Event.objects.create(kind=kind, title=title, description=text, starts_at=starts,
                                     ends_at=starts + dt.timedelta(hours=hours), hub=hubs.get(hub or ""),
                                     place=place, capacity=capacity, lead=lead, created_by=lead)
        if starts > now:
            continue
        chosen = rng.sample(pool, min(len(pool), rng.randint(capacity * 2 // 3, capacity)))
        for pk in chosen:
            went = rng.random() < 0.8
            bookings.append(Booking(event=event, young_person_id=pk, status=BookingStatus.BOOKED,
                                    attendance=Attendance.ATTENDED if went else Attendance.DID_NOT_ATTEND))
        Event.objects.filter(pk=event.pk).update(booked=len(chosen))
    Booking.objects.bulk_create(bookings, batch_size=1000)
    _upcoming_bookings(ctx, pool, rng)
    _forum(ctx, hubs, lead)
    _awards(ctx, staff, pool, rng)
    ctx.log(f"  participation: {Event.objects.count()} events, {Booking.objects.count()} bookings")


def _upcoming_bookings(ctx: DemoContext, pool: list[int], rng: Any) -> None:
    from youngapp.models import AppAccess

    demo = AppAccess.objects.filter(email="young.person@example.org").select_related("young_person").first()
    for event in Event.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at"):
        others = [pk for pk in pool if demo is None or pk != demo.young_person_id]
        wanted = event.capacity + 2 if event.kind == K.RESIDENTIAL else rng.randint(1, event.capacity // 2)
        for pk in rng.sample(others, min(len(others), wanted)):
            actions.book(None, event, YoungPerson(pk=pk), waiting_list=True)
        if demo is not None and event.title == "Cooking on a budget":
            actions.book(None, event, demo.young_person)


def _forum(ctx: DemoContext, hubs: dict[str, Any], lead: Any) -> None:
    names = sorted(hubs)
    for n in range(7):  # fortnightly, the latest first
        held = ctx.as_at - dt.timedelta(days=4 + 14 * n)
        meeting = ForumMeeting.objects.create(held_on=held, hub=hubs[names[n % len(names)]],
                                              young_people_present=8 + (n * 3) % 7, created_by=lead)
        title, said, action, owner = TOPICS[n % len(TOPICS)]
        ForumTopic.objects.create(meeting=meeting, title=title, summary=said)
        ForumAction.objects.create(meeting=meeting, text=action, owner=owner,
                                   due_on=held + dt.timedelta(days=28), status="done" if n >= 3 else "open")


def _awards(ctx: DemoContext, staff: list[Any], pool: list[int], rng: Any) -> None:
    if not staff or not pool:
        return
    year = ctx.as_at.year
    cats = ["Achievement in education", "Courage and resilience", "Helping others", "Most improved",
            "Volunteering"]
    last = actions.add_award_year(None, year - 1, f"PROUD awards {year - 1}", dt.date(year - 1, 2, 1),
                                  dt.date(year - 1, 3, 20), cats)
    this = actions.add_award_year(None, year, f"PROUD awards {year}", ctx.as_at + dt.timedelta(days=45),
                                  ctx.as_at + dt.timedelta(days=75), cats)
    reasons = ["Started college and has not missed a day.", "Volunteers every week at the food bank.",
               "Helped other young people settle in at the hub.", "Kept going through a very hard year.",
               "Set up home and manages their money well."]
    rows = []
    for award in (last, this):
        for c in AwardCategory.objects.filter(award_year=award):
            for i, pk in enumerate(rng.sample(pool, 3)):
                status = ("winner" if i == 0 else "shortlisted") if award == last else (
                    "shortlisted" if i == 0 else "nominated")
                rows.append(Nomination(category=c, young_person_id=pk, reason=rng.choice(reasons), status=status,
                                       nominated_by=staff[i % len(staff)]))
    Nomination.objects.bulk_create(rows)
    Event.objects.filter(booked__gt=F("capacity")).update(booked=F("capacity"))  # never: a guard for the demo
