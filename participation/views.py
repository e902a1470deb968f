"""Staff pages for participation under /participation/: events and who is coming, attendance, hub sessions, a
young person's events, the Care Leavers' Forum and the PROUD awards. Thin: reads through participation.queries
(named young people only within the viewer's scope), writes through participation.actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.policy import may
from accounts.roles import Role
from audit.log import record, viewed, viewed_many
from audit.models import Action
from leavingcare.access import rule, young_person
from leavingcare.forms import apply_errors
from leavingcare.pages import submitted
from leavingcare.versioning import parse_version
from participation import actions, loaders, queries
from participation.forms import (
    AttendanceForm,
    AwardYearForm,
    BookForForm,
    CancelEventForm,
    CategoryForm,
    DecisionForm,
    EventForm,
    ForumActionForm,
    ForumMeetingForm,
    HubSessionForm,
    NominationForm,
    TopicForm,
)
from participation.models import (
    AwardCategory,
    AwardYear,
    Booking,
    BookingStatus,
    EventStatus,
    ForumAction,
    ForumMeeting,
    HubSession,
    Nomination,
    NominationStatus,
)
from people.scope import get_young_person_or_404

CAPTION = "Participation"


def _form(request: HttpRequest, form: Any, heading: str, back_url: str, button: str = "Save",
          caption: str = CAPTION) -> HttpResponse:
    return render(request, "includes/form_page.html", {
        "form": form, "heading": heading, "button": button, "back_url": back_url, "caption": caption,
        "error_title": bool(form.errors)})


def _version(request: HttpRequest) -> int | None:
    try:
        return parse_version(request.POST.get("version"))
    except ValidationError:
        return 0  # not a version this record has had: check_version refuses it with its message


def _staff_leads() -> Any:
    return User.objects.filter(is_active=True, role__in=[Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER,
                                                         Role.TEAM_MANAGER, Role.SENIOR_MANAGER])


# ---------------------------------------------------------------- events and hubs


@rule("participation.view")
def home(request: HttpRequest) -> HttpResponse:
    events = list(queries.upcoming()[:50])
    sessions = HubSession.objects.filter(active=True).select_related("hub")
    record(request.user, Action.VIEW, object_type="page:participation")
    return render(request, "participation/staff/home.html", {
        "events": events, "sessions": sessions, "today": timezone.localdate(),
        "past": queries.Event.objects.filter(starts_at__lt=timezone.now()).select_related("hub")
        .order_by("-starts_at")[:20]})


@rule("participation.manage_events", "participation.manage_events")
def event_new(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if submitted(request, form, lambda d: actions.create_event(
            request.user, kind=d["kind"], title=d["title"], description=d["description"],
            starts_at=d.get("starts_at"), ends_at=d.get("ends_at"), hub=d["hub"], place=d["place"],
            capacity=d["capacity"], lead=request.user, request=request),
            lambda e: f"{e.title} is added. Young people can book it in the app"):
        return redirect("participation:home")
    return _form(request, form, "Add an event", reverse("participation:home"), "Add event")


@rule("participation.view", of=loaders.event)
def event(request: HttpRequest, pk: int) -> HttpResponse:
    ev = loaders.event(request, {"pk": pk})
    who = queries.attendees(ev, request.user)
    viewed_many(request.user, {b.young_person_id for b in who.booked + who.waiting}, "page:event_attendees",
                request=request)
    started = ev.starts_at <= timezone.now()
    return render(request, "participation/staff/event.html", {
        "ev": ev, "who": who, "started": started,
        "can_manage": may(request.user, "participation.manage_events", ev) and ev.status == EventStatus.OPEN})


@rule("participation.manage_events", "participation.manage_events", of=loaders.event)
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    ev = loaders.event(request, {"pk": pk})
    form = EventForm(request.POST or None, initial=EventForm.initial_for(ev))
    if submitted(request, form, lambda d: actions.change_event(
            request.user, ev, version=_version(request), request=request, kind=d["kind"], title=d["title"],
            description=d["description"], starts_at=d.get("starts_at"), ends_at=d.get("ends_at"), hub=d["hub"],
            place=d["place"], capacity=d["capacity"]), "Event changed"):
        return redirect("participation:event", pk=ev.pk)
    return _form(request, form, "Change the event", reverse("participation:event", args=[ev.pk]),
                 caption=ev.title)


@rule("participation.manage_events", "participation.manage_events", of=loaders.event)
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    ev = loaders.event(request, {"pk": pk})
    form = CancelEventForm(request.POST or None, initial={"version": ev.version})
    if submitted(request, form, lambda d: actions.cancel_event(request.user, ev, d["reason"],
                                                                version=_version(request), request=request),
                 "The event is cancelled. Everyone booked on it has been told in the app"):
        return redirect("participation:event", pk=ev.pk)
    return _form(request, form, "Cancel the event", reverse("participation:event", args=[ev.pk]),
                 "Cancel event", caption=ev.title)


@rule(None, "participation.record_attendance", of=loaders.booking)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    booking = loaders.booking(request, {"pk": pk})
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            actions.record_attendance(request.user, booking, form.cleaned_data["attendance"],
                                      version=form.cleaned_data.get("version"), request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Attendance recorded for {booking.young_person.display_name}")
    else:
        messages.error(request, "Select attended or did not attend")
    return redirect("participation:event", pk=booking.event_id)


@rule(None, "participation.cancel_for", of=loaders.booking)
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = loaders.booking(request, {"pk": pk})
    try:
        actions.cancel_booking(request.user, booking, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{booking.young_person.display_name}'s booking is cancelled")
    return redirect("participation:event", pk=booking.event_id)


@rule("participation.manage_events", "participation.manage_events")
def session_new(request: HttpRequest) -> HttpResponse:
    form = HubSessionForm(request.POST or None)
    if submitted(request, form, lambda d: actions.add_hub_session(
            request.user, d["hub"], d["weekday"], d["starts_at"], d["ends_at"], d["title"], d["description"],
            request=request), "Hub session added"):
        return redirect("participation:home")
    return _form(request, form, "Add a hub session", reverse("participation:home"))


@rule("participation.manage_events", "participation.manage_events", of=loaders.hub_session)
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = loaders.hub_session(request, {"pk": pk})
    form = HubSessionForm(request.POST or None, initial={
        "hub": session.hub_id, "weekday": session.weekday, "starts_at": f"{session.starts_at:%H:%M}",
        "ends_at": f"{session.ends_at:%H:%M}", "title": session.title, "description": session.description,
        "active": session.active, "version": session.version})
    if submitted(request, form, lambda d: actions.change_hub_session(
            request.user, session, version=_version(request), request=request, hub=d["hub"], weekday=d["weekday"],
            starts_at=d["starts_at"], ends_at=d["ends_at"], title=d["title"], description=d["description"],
            active=d["active"]), "Hub session changed"):
        return redirect("participation:home")
    return _form(request, form, "Change a hub session", reverse("participation:home"))


# ---------------------------------------------------------------- a young person's events


@rule("participation.view_for_record", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:participation", request=request)
    bookings = queries.for_young_person(yp)
    nominations = [n for n in Nomination.objects.filter(young_person=yp).select_related(
        "category__award_year", "nominated_by") if may(request.user, "awards.view_nomination", n)]
    return render(request, "participation/staff/for_record.html", {
        "p": yp, "yp": yp, "bookings": bookings, "nominations": nominations,
        "attended": sum(1 for b in bookings if b.attendance == "attended"),
        "dna": sum(1 for b in bookings if b.attendance == "did_not_attend")})


@rule("participation.book_for", "participation.book_for", of=young_person)
def book_for(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    events = list(queries.upcoming().filter(starts_at__gt=timezone.now()))
    form = BookForForm(request.POST or None)
    form.fields["event"].choices = [("", "Choose")] + [
        (str(e.pk), f"{e.title}, {timezone.localtime(e.starts_at):%-d %b %Y %H:%M} "
                    f"({e.places_left} place{'s' if e.places_left != 1 else ''} left)") for e in events]
    back = reverse("participation:for_young_person", args=[yp.pk])

    def act(d: dict[str, Any]) -> Booking:
        chosen = next(e for e in events if str(e.pk) == d["event"])
        return actions.book(request.user, chosen, yp, waiting_list=d["waiting_list"], request=request)

    if submitted(request, form, act, lambda b: (f"{yp.display_name} has a place on {b.event.title}"
                                                if b.status == BookingStatus.BOOKED else
                                                f"{yp.display_name} is on the waiting list for {b.event.title}")):
        return redirect(back)
    viewed(request.user, yp, "page:book_event", request=request)
    return _form(request, form, "Book a place on an event", back, "Book", caption=yp.display_name)


# ---------------------------------------------------------------- the Care Leavers' Forum


@rule("participation.forum")
def forum(request: HttpRequest) -> HttpResponse:
    meetings = ForumMeeting.objects.select_related("hub").annotate(
        n_topics=Count("topics", distinct=True),
        n_open=Count("actions", filter=Q(actions__status__in=["open", "in_progress"]), distinct=True))
    open_actions = ForumAction.objects.filter(status__in=["open", "in_progress"]).select_related("meeting")
    return render(request, "participation/staff/forum.html", {"meetings": meetings, "open_actions": open_actions,
                                                              "today": timezone.localdate()})


@rule("participation.forum", "participation.forum")
def forum_new(request: HttpRequest) -> HttpResponse:
    form = ForumMeetingForm(request.POST or None)
    if submitted(request, form, lambda d: actions.add_forum_meeting(
            request.user, d["held_on"], d["hub"], d["place"], d["young_people_present"] or 0, d["notes"],
            request=request), "Forum meeting added"):
        return redirect("participation:forum")
    return _form(request, form, "Add a forum meeting", reverse("participation:forum"), caption="Care Leavers' Forum")


@rule("participation.forum", of=loaders.forum_meeting)
def forum_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    m = loaders.forum_meeting(request, {"pk": pk})
    return render(request, "participation/staff/forum_meeting.html", {
        "m": m, "topics": m.topics.all(), "actions": m.actions.all(), "today": timezone.localdate()})


@rule("participation.forum", "participation.forum", of=loaders.forum_meeting)
def forum_edit(request: HttpRequest, pk: int) -> HttpResponse:
    m = loaders.forum_meeting(request, {"pk": pk})
    form = ForumMeetingForm(request.POST or None, initial={
        "held_on": m.held_on, "hub": m.hub_id, "place": m.place, "young_people_present": m.young_people_present,
        "notes": m.notes, "version": m.version})
    back = reverse("participation:forum_meeting", args=[m.pk])
    if submitted(request, form, lambda d: actions.change_forum_meeting(
            request.user, m, version=_version(request), request=request, held_on=d["held_on"], hub=d["hub"],
            place=d["place"], young_people_present=d["young_people_present"] or 0, notes=d["notes"]),
            "Forum meeting changed"):
        return redirect(back)
    return _form(request, form, "Change the forum meeting", back, caption="Care Leavers' Forum")


@rule("participation.forum", "participation.forum", of=loaders.forum_meeting)
def topic_add(request: HttpRequest, pk: int) -> HttpResponse:
    m = loaders.forum_meeting(request, {"pk": pk})
    form = TopicForm(request.POST or None)
    back = reverse("participation:forum_meeting", args=[m.pk])
    if submitted(request, form, lambda d: actions.add_topic(request.user, m, d["title"], d["summary"],
                                                             request=request), "Topic added"):
        return redirect(back)
    return _form(request, form, "Add a topic", back, caption=str(m))


@rule("participation.forum", "participation.forum", of=loaders.forum_meeting)
def forum_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    m = loaders.forum_meeting(request, {"pk": pk})
    form = ForumActionForm(request.POST or None)
    del form.fields["status"]
    back = reverse("participation:forum_meeting", args=[m.pk])
    if submitted(request, form, lambda d: actions.add_forum_action(request.user, m, d["text"], d["owner"],
                                                                    d["due_on"], request=request), "Action added"):
        return redirect(back)
    return _form(request, form, "Add an action", back, caption=str(m))


@rule("participation.forum", "participation.forum", of=loaders.forum_action)
def forum_action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    act = loaders.forum_action(request, {"pk": pk})
    form = ForumActionForm(request.POST or None, initial={
        "text": act.text, "owner": act.owner, "due_on": act.due_on, "status": act.status, "version": act.version})
    back = reverse("participation:forum_meeting", args=[act.meeting_id])
    if submitted(request, form, lambda d: actions.change_forum_action(
            request.user, act, version=_version(request), request=request, text=d["text"], owner=d["owner"],
            due_on=d["due_on"], status=d["status"]), "Action changed"):
        return redirect(back)
    return _form(request, form, "Change an action", back, caption=str(act.meeting))


# ---------------------------------------------------------------- the PROUD awards


@rule("awards.view")
def awards(request: HttpRequest) -> HttpResponse:
    years = list(AwardYear.objects.prefetch_related("categories"))
    visible = [n for n in Nomination.objects.select_related("category__award_year", "young_person", "nominated_by")
               if may(request.user, "awards.view_nomination", n)]
    winners = Nomination.objects.filter(status=NominationStatus.WINNER).select_related(
        "category__award_year", "young_person")
    shown_winners = [w for w in winners if may(request.user, "awards.view_nomination", w)]
    viewed_many(request.user, {n.young_person_id for n in visible}, "page:awards", request=request)
    return render(request, "participation/staff/awards.html", {
        "years": years, "nominations": visible, "winners": shown_winners, "today": timezone.localdate(),
        "other_winners": len(list(winners)) - len(shown_winners)})


@rule("awards.manage", "awards.manage")
def award_year_new(request: HttpRequest) -> HttpResponse:
    form = AwardYearForm(request.POST or None)
    if submitted(request, form, lambda d: actions.add_award_year(
            request.user, d["year"], d["title"], d["nominations_close"], d["ceremony_on"],
            (d["categories"] or "").splitlines(), request=request), lambda y: f"{y.title} set up"):
        return redirect("participation:awards")
    return _form(request, form, "Set up a year's awards", reverse("participation:awards"), caption="PROUD awards")


@rule("awards.manage", "awards.manage", of=loaders.award_year)
def category_add(request: HttpRequest, pk: int) -> HttpResponse:
    year = loaders.award_year(request, {"pk": pk})
    form = CategoryForm(request.POST or None)
    if submitted(request, form, lambda d: actions.add_category(request.user, year, d["name"], d["description"],
                                                                request=request), "Category added"):
        return redirect("participation:awards")
    return _form(request, form, "Add a category", reverse("participation:awards"), caption=year.title)


@rule("awards.nominate", "awards.nominate", of=young_person)
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    today = timezone.localdate()
    categories = list(AwardCategory.objects.filter(award_year__nominations_close__gte=today)
                      .select_related("award_year"))
    form = NominationForm(request.POST or None)
    form.fields["category"].choices = [("", "Choose")] + [(str(c.pk), f"{c.award_year.title}: {c.name}")
                                                          for c in categories]
    back = reverse("participation:for_young_person", args=[yp.pk])

    def act(d: dict[str, Any]) -> Nomination:
        chosen = next(c for c in categories if str(c.pk) == d["category"])
        return actions.nominate(request.user, chosen, yp, d["reason"], request=request)

    if submitted(request, form, act, f"{yp.display_name} is nominated. Thank you"):
        return redirect(back)
    viewed(request.user, yp, "page:nominate", request=request)
    return _form(request, form, "Nominate for a PROUD award", back, "Send nomination", caption=yp.display_name)


@rule("awards.view_nomination", "awards.shortlist", of=loaders.nomination)
def nomination(request: HttpRequest, pk: int) -> HttpResponse:
    n = loaders.nomination(request, {"pk": pk})
    form = DecisionForm(request.POST or None, initial={"status": n.status, "version": n.version})
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_nomination(request.user, n, form.cleaned_data["status"],
                                      version=form.cleaned_data.get("version"), request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Decision saved")
            return redirect("participation:nomination", pk=n.pk)
    viewed(request.user, n.young_person, "page:nomination", request=request)
    return render(request, "participation/staff/nomination.html", {
        "n": n, "form": form, "error_title": bool(form.errors),
        "can_decide": may(request.user, "awards.shortlist", n)})
