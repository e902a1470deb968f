"""Participation (seed 000 section 7): the hubs' weekly sessions, events with limited places and a waiting list,
attendance, the Care Leavers' Forum, and the PROUD awards.

Every write goes through ``participation.actions``; who may do what is in ``accounts/policy.py`` (the
``participation.*`` and ``awards.*`` permissions). Nothing is hard-deleted: bookings are cancelled, events are
cancelled, nominations keep their status.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from leavingcare.versioning import Versioned


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class HubSession(Versioned):
    """A regular weekly session at a hub (a drop-in, cooking, a health drop-in): no booking needed."""

    hub = models.ForeignKey("org.Hub", on_delete=models.PROTECT, related_name="sessions")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True, max_length=2000)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["hub__name", "weekday", "starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="hub_session_ends_after_start"),
            models.UniqueConstraint(fields=["hub", "weekday", "starts_at", "title"], name="one_hub_session"),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.get_weekday_display()}s at {self.hub}"


class EventKind(models.TextChoices):
    HUB = "hub", "Hub activity"
    CARE_LEAVERS_WEEK = "care_leavers_week", "Care Leavers' Week"
    PROGRAMME = "programme", "Summer participation programme"
    RESIDENTIAL = "residential", "Residential"
    TAKEOVER = "takeover", "Takeover day"
    OTHER = "other", "Other event"


class EventStatus(models.TextChoices):
    OPEN = "open", "Open"
    CANCELLED = "cancelled", "Cancelled"


class Event(Versioned):
    """Something young people book a place on. ``booked`` counts the places taken and can never pass
    ``capacity`` (a database check): a booking takes a place with one conditional update."""

    kind = models.CharField(max_length=20, choices=EventKind.choices)
    title = models.CharField(max_length=150)
    description = models.TextField(blank=True, max_length=4000)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    hub = models.ForeignKey("org.Hub", on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    place = models.CharField(max_length=200, blank=True, help_text="Where, when it is not at a hub")
    capacity = models.PositiveIntegerField()
    booked = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=EventStatus.choices, default=EventStatus.OPEN)
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                             related_name="+", help_text="The member of staff running it")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_has_places"),
            models.CheckConstraint(condition=Q(booked__lte=F("capacity")), name="event_never_overfilled"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def where(self) -> str:
        return ", ".join(x for x in [str(self.hub) + " hub" if self.hub_id else "", self.place] if x)

    @property
    def places_left(self) -> int:
        return max(0, self.capacity - self.booked)


class BookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


class Attendance(models.TextChoices):
    NOT_RECORDED = "", "Not recorded"
    ATTENDED = "attended", "Attended"
    DID_NOT_ATTEND = "did_not_attend", "Did not attend"


class Booking(Versioned):
    """A young person's place on an event, or their place in the queue for one."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="bookings")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="bookings")
    status = models.CharField(max_length=10, choices=BookingStatus.choices)
    attendance = models.CharField(max_length=15, choices=Attendance.choices, blank=True, default="")
    # When they joined (the waiting list is first come, first served: joined_at, then pk)
    joined_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            # One live booking (a place or a place in the queue) per young person per event
            models.UniqueConstraint(fields=["event", "young_person"], condition=~Q(status="cancelled"),
                                    name="one_live_booking_per_event"),
            models.CheckConstraint(condition=Q(attendance="") | Q(status="booked"),
                                   name="attendance_only_for_a_place"),
        ]
        indexes = [models.Index(fields=["event", "status", "joined_at"])]

    def __str__(self) -> str:
        return f"{self.young_person_id} on {self.event_id} ({self.status})"


class Notice(models.Model):
    """News for a young person shown in the app (a place came up from the waiting list, an event was cancelled).
    The email or text that goes with it only says there is news, never what it is."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="app_notices")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    text = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


# ---------------------------------------------------------------- the Care Leavers' Forum


class ForumMeeting(Versioned):
    held_on = models.DateField()
    hub = models.ForeignKey("org.Hub", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    place = models.CharField(max_length=200, blank=True)
    young_people_present = models.PositiveSmallIntegerField(default=0, help_text="How many young people came")
    notes = models.TextField(blank=True, max_length=4000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Forum {self.held_on:%d %b %Y}"


class ForumTopic(models.Model):
    meeting = models.ForeignKey(ForumMeeting, on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, max_length=4000, help_text="What young people said")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]


class ActionStatus(models.TextChoices):
    OPEN = "open", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


class ForumAction(Versioned):
    meeting = models.ForeignKey(ForumMeeting, on_delete=models.PROTECT, related_name="actions")
    text = models.CharField(max_length=300)
    owner = models.CharField(max_length=120, help_text="Who will do it (a name or a team)")
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)

    class Meta:
        ordering = ["due_on", "pk"]


# ---------------------------------------------------------------- the PROUD awards


class AwardYear(Versioned):
    year = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=120)
    nominations_close = models.DateField()
    ceremony_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class AwardCategory(models.Model):
    award_year = models.ForeignKey(AwardYear, on_delete=models.PROTECT, related_name="categories")
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["award_year", "name"], name="one_award_category_name")]

    def __str__(self) -> str:
        return self.name


class NominationStatus(models.TextChoices):
    NOMINATED = "nominated", "Nominated"
    SHORTLISTED = "shortlisted", "Shortlisted"
    NOT_SHORTLISTED = "not_shortlisted", "Not shortlisted"
    WINNER = "winner", "Winner"


class Nomination(Versioned):
    """A professional's nomination of a young person in one category. Who may see it: accounts/policy.py."""

    category = models.ForeignKey(AwardCategory, on_delete=models.PROTECT, related_name="nominations")
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="nominations")
    reason = models.TextField(max_length=3000)
    status = models.CharField(max_length=16, choices=NominationStatus.choices, default=NominationStatus.NOMINATED)
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["category__name", "created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["category", "young_person"],
                                               name="one_nomination_per_category")]
