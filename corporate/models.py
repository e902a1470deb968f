"""The Corporate Parenting Board (meetings, who attends, priority groups, deliverables, decisions and actions) and
the service's action plans (seed 004's "where we are / the change needed / how progress is measured", and the
improvement plan of seed 000, "Pathway to Excellence").

Nothing here names a young person: the board and the committee see figures, never records.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from leavingcare.versioning import Versioned


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    DONE = "done", "Complete"


class Measure(models.TextChoices):
    """The measures the system computes (performance/definitions.py), which an action can be tracked by."""

    IN_TOUCH = "in_touch", "In touch"
    SUITABLE = "suitable_accommodation", "Suitable accommodation"
    EET = "eet", "In education, employment or training"
    EET_ADJUSTED = "eet_adjusted", "EET, excluding illness, disability, pregnancy or parenting"


class AgeBand(models.TextChoices):
    B17 = "17-18", "17-18"
    B19 = "19-21", "19-21"
    B22 = "22-25", "22-25"


class Tracked(Versioned):
    """What every board action and plan action shares: an owner, a date, a status typed by people or, when the
    action names a measure, read from the live figure against its target."""

    owner = models.CharField(max_length=120, blank=True)
    due_on = models.DateField(null=True, blank=True)
    rag = models.CharField("Status", max_length=5, choices=Rag.choices, default=Rag.AMBER)
    measure = models.CharField(max_length=30, choices=Measure.choices, blank=True)
    age_band = models.CharField(max_length=5, choices=AgeBand.choices, blank=True)
    target = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True,
                                 help_text="The percentage the measure should reach")
    archived = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Meeting(Versioned):
    """A meeting of the Corporate Parenting Board (bi-monthly by default: org.config ``board_meeting_months``)."""

    class Kind(models.TextChoices):
        BOARD = "board", "Corporate Parenting Board"
        YOUNG_PEOPLE = "young_people", "Young People's Corporate Parenting Board"

    held_on = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.BOARD)
    venue = models.CharField(max_length=200, blank=True)
    chair = models.CharField(max_length=120, blank=True)
    notes = models.TextField(blank=True)
    cancelled = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.held_on:%d %B %Y}"


class Attendee(models.Model):
    """Someone at (or sending apologies to) a meeting. Young people's representatives are named by first name
    only, as the board's minutes do."""

    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        YOUNG_PERSON = "young_person", "Young people's representative"
        CO_OPTED = "co_opted", "Co-opted member"
        OTHER = "other", "Other attendee"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    organisation = models.CharField(max_length=200, blank=True)
    apologies = models.BooleanField(default=False)

    class Meta:
        ordering = ["role", "pk"]

    def __str__(self) -> str:
        return self.name


class PriorityGroup(Versioned):
    """One of the board's priority groups (seed 003: four), with its leads."""

    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    aim = models.TextField(blank=True)
    leads = models.CharField(max_length=300, blank=True, help_text="Priority leads, separated by commas")
    archived = models.BooleanField(default=False)

    class Meta:
        ordering = ["number", "pk"]

    def __str__(self) -> str:
        return f"{self.number}) {self.title}"


class Deliverable(Versioned):
    """A key activity or deliverable of a priority group, with its due date as the board wrote it and as a date."""

    group = models.ForeignKey(PriorityGroup, on_delete=models.PROTECT, related_name="deliverables")
    description = models.TextField()
    due_text = models.CharField("Due (as written)", max_length=200, blank=True)
    due_on = models.DateField(null=True, blank=True)
    rag = models.CharField("Status", max_length=5, choices=Rag.choices, default=Rag.AMBER)
    archived = models.BooleanField(default=False)

    class Meta:
        ordering = ["group", "due_on", "pk"]

    def __str__(self) -> str:
        return self.description[:80]


class BoardItem(Tracked):
    """A decision the board made or an action it set (an action has an owner and a date)."""

    class Kind(models.TextChoices):
        DECISION = "decision", "Decision"
        ACTION = "action", "Action"

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="items")
    group = models.ForeignKey(PriorityGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="items")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ACTION)
    text = models.TextField()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class ActionPlan(Versioned):
    """An action plan: the board's, or the service's own improvement plan."""

    class Kind(models.TextChoices):
        IMPROVEMENT = "improvement", "Service improvement plan"
        CHANGE = "change", "Action plan"

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CHANGE)
    summary = models.TextField(blank=True)
    started_on = models.DateField(null=True, blank=True)
    archived = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["archived", "-started_on", "pk"]

    def __str__(self) -> str:
        return self.title


class PlanStep(Tracked):
    """One row of an action plan in seed 004's shape."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="steps")
    theme = models.CharField(max_length=120, blank=True)
    where_we_are = models.TextField("Where we are now")
    change_needed = models.TextField("The change we need to make")
    what_we_will_do = models.TextField("What we will do", blank=True)
    how_measured = models.TextField("How we will measure progress", blank=True)
    outcomes = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "due_on", "pk"]

    def __str__(self) -> str:
        return self.change_needed[:80]
