"""The young person's record: identity, circumstances, care history and allocations."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from leavingcare.versioning import Versioned
from people import codes
from people.eligibility import Category, Episode, age_band_on, age_on, category_on


class ServiceStatus(models.TextChoices):
    OPEN = "open", "Open"
    STEPPED_DOWN = "stepped_down", "Stepped down"
    CLOSED = "closed", "Closed"
    DIED = "died", "Died"


class YoungPerson(Versioned):
    la_person_id = models.CharField("LA person ID", max_length=36, unique=True)
    first_name = models.CharField(max_length=60)
    last_name = models.CharField(max_length=60)
    preferred_name = models.CharField(max_length=60, blank=True)
    date_of_birth = models.DateField(db_index=True)
    sex = models.CharField(max_length=1, choices=codes.SEX, default="U")
    gender = models.CharField(max_length=40, blank=True, help_text="As the young person describes it")
    ethnicity = models.CharField(max_length=4, choices=codes.ETHNICITY, default="NOBT")
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    upn = models.CharField("Unique pupil number", max_length=13, blank=True)

    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=20, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    district = models.ForeignKey("org.District", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="young_people")
    # The team holding the case: set by allocation of a PA (or by hand before one)
    team = models.ForeignKey("org.Team", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="young_people")

    # Circumstances that change the support
    is_uasc = models.BooleanField("unaccompanied asylum-seeking", default=False)
    immigration_status = models.CharField(max_length=20, choices=codes.IMMIGRATION_STATUS, blank=True)
    immigration_status_start = models.DateField(null=True, blank=True)
    immigration_status_end = models.DateField(null=True, blank=True)
    is_pregnant_or_parenting = models.BooleanField("pregnant or parenting", default=False)
    first_child_born = models.DateField("date of birth of first child", null=True, blank=True,
                                        help_text="For a young mother, the SSDA903 MC_DOB")
    in_custody = models.BooleanField(default=False)
    out_of_area = models.BooleanField("living out of area", default=False)
    has_disability = models.BooleanField(default=False)
    has_ehcp = models.BooleanField("education, health and care plan", default=False)
    special_guardianship = models.BooleanField("under a special guardianship order", default=False)
    detained_on_16th = models.BooleanField("detained or in hospital on 16th birthday", default=False)
    head_of_service_oversight = models.BooleanField(default=False)

    status = models.CharField(max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.OPEN,
                              db_index=True)
    status_changed_on = models.DateField(null=True, blank=True)
    date_of_death = models.DateField(null=True, blank=True)

    # Cached from the care history as at the last refresh (people.actions.refresh_category);
    # the truth is people.eligibility.category_on, computed for any date.
    category = models.CharField(max_length=20, choices=[(c.value, c.label) for c in Category],
                                default=Category.NONE, db_index=True)
    eligible_from = models.DateField(null=True, blank=True)
    # The day the last episode of care ended, blank while looked after or never looked after: no episode
    # covers any day after it (lets the OC3 derivation skip the care history of most care leavers)
    care_ended_on = models.DateField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Names, IDs, phone and postcode folded for search (people/search_text.py), kept up to date by save()
    search_text = models.CharField(max_length=400, blank=True, default="", db_default="", editable=False)

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["team", "status"]), models.Index(fields=["last_name", "first_name"])]

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args: object, **kwargs: object) -> None:
        from people.search_text import SOURCE_FIELDS, search_text_of

        self.search_text = search_text_of(self)
        fields = kwargs.get("update_fields")
        if fields is not None and set(fields) & set(SOURCE_FIELDS):  # type: ignore[call-overload]
            kwargs["update_fields"] = list(fields) + ["search_text"]  # type: ignore[call-overload]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def display_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"

    def age(self, on: dt.date | None = None) -> int:
        return age_on(self.date_of_birth, on or timezone.localdate())

    def age_band(self, on: dt.date | None = None) -> str:
        return age_band_on(self.date_of_birth, on or timezone.localdate()).value

    def episodes_for_rules(self) -> list[Episode]:
        return [Episode(e.start_date, e.end_date, e.is_short_break) for e in self.care_episodes.all()]

    def category_on(self, on: dt.date | None = None) -> Category:
        return category_on(self.date_of_birth, self.episodes_for_rules(), on or timezone.localdate(),
                           special_guardianship=self.special_guardianship,
                           detained_on_16th=self.detained_on_16th)

    @property
    def category_label(self) -> str:
        return Category(self.category).label


class CareEpisode(Versioned):
    """An SSDA903 episode of care. Consecutive episodes make a period of care."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="care_episodes")
    start_date = models.DateField("date episode started (DECOM)")
    end_date = models.DateField("date episode ceased (DEC)", null=True, blank=True)
    reason_new_episode = models.CharField("RNE", max_length=1, choices=codes.REASON_NEW_EPISODE, default="S")
    legal_status = models.CharField("LS", max_length=2, choices=codes.LEGAL_STATUS)
    cin = models.CharField("category of need (CIN)", max_length=2, choices=codes.CIN_CODES, default="N1")
    placement_type = models.CharField("PLACE", max_length=2, choices=codes.PLACEMENT_TYPE)
    placement_provider = models.CharField("PLACE_PROVIDER", max_length=4, blank=True)
    reason_ceased = models.CharField("REC", max_length=3, choices=codes.REASON_EPISODE_CEASED, blank=True)
    reason_place_change = models.CharField("REASON_PLACE_CHANGE", max_length=6, blank=True)
    home_postcode = models.CharField("HOME_POST", max_length=8, blank=True)
    placement_postcode = models.CharField("PL_POST", max_length=8, blank=True)
    urn = models.CharField("URN", max_length=10, blank=True)
    is_short_break = models.BooleanField("short break (respite)", default=False)

    class Meta:
        ordering = ["start_date"]
        indexes = [models.Index(fields=["young_person", "start_date"])]

    def __str__(self) -> str:
        return f"{self.start_date} to {self.end_date or 'now'} ({self.legal_status}/{self.placement_type})"


class AllocationRole(models.TextChoices):
    PERSONAL_ADVISER = "pa", "Personal adviser"
    SOCIAL_WORKER = "sw", "Social worker"


class Allocation(Versioned):
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="allocations")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations")
    role = models.CharField(max_length=2, choices=AllocationRole.choices)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                   related_name="+")

    class Meta:
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["worker", "end_date"]),
            models.Index(fields=["young_person", "role", "end_date"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["young_person", "role"], condition=models.Q(end_date__isnull=True),
                                    name="one_current_allocation_per_role"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.worker} from {self.start_date}"

    @property
    def is_current(self) -> bool:
        return self.end_date is None
