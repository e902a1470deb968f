"""The care leavers' Local Offer (seed 000 section 2.4, section 8): what the council and its partners offer,
under the five areas the law names, published to young people in the app and to anyone as Open Referral UK
open data (``localoffer.openreferral``). Nothing here is about any one young person. Every record people edit
carries a version; nothing is hard-deleted (an entry that has stopped is marked defunct)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from leavingcare.versioning import Versioned


class Area(models.TextChoices):
    """The five areas a Local Offer must cover (Children and Social Work Act 2017 s2; DfE guidance 2018)."""

    HEALTH = "health", "Health and wellbeing"
    RELATIONSHIPS = "relationships", "Relationships"
    EET = "eet", "Education, employment and training"
    ACCOMMODATION = "accommodation", "Accommodation"
    PARTICIPATION = "participation", "Participation in society"


class Circumstance(models.TextChoices):
    """Groups an entry may be only (or especially) for. An entry with none is for every care leaver."""

    PARENTS = "parents", "Young parents"
    UASC = "uasc", "Unaccompanied asylum-seeking young people"
    CUSTODY = "custody", "Young people in custody"
    OUT_OF_AREA = "out_of_area", "Young people living outside the county"
    DISABLED = "disabled", "Disabled young people"


class Status(models.TextChoices):
    """Open Referral UK's service statuses, as they are."""

    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    DEFUNCT = "defunct", "Defunct (stopped for good)"
    TEMPORARILY_CLOSED = "temporarily closed", "Temporarily closed"


class CostKind(models.TextChoices):
    FREE = "free", "Free"
    CHARGE = "charge", "There is a charge"
    ENTITLEMENT = "entitlement", "Money the young person is entitled to (from the entitlements catalogue)"


class Partner(Versioned):
    """A partner organisation that makes part of the offer (the NHS, a college, a housing association, a
    charity). Entries with no partner are the council's own."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    website = models.URLField(max_length=200, blank=True)
    email = models.EmailField(max_length=120, blank=True)
    phone = models.CharField(max_length=30, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Entry(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    area = models.CharField(max_length=20, choices=Area.choices, blank=True)
    name = models.CharField(max_length=120)
    summary = models.TextField(help_text="What it is, in words a 16-year-old understands")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, null=True, blank=True, related_name="entries",
                                help_text="Blank when the council provides it")
    min_age = models.PositiveSmallIntegerField(default=16)
    max_age = models.PositiveSmallIntegerField(default=24, help_text="The last age (in years) it is for")
    circumstances = models.JSONField(default=list, blank=True,
                                     help_text="Codes from Circumstance; empty means every care leaver")
    how_to_get = models.TextField(blank=True)
    cost_kind = models.CharField(max_length=20, choices=CostKind.choices, default=CostKind.FREE)
    cost_amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    cost_description = models.CharField(max_length=120, blank=True)
    entitlement = models.ForeignKey("money.Entitlement", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="local_offer_entries")
    contact_name = models.CharField(max_length=120, blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    contact_email = models.EmailField(max_length=120, blank=True)
    contact_url = models.URLField(max_length=200, blank=True)
    location_name = models.CharField(max_length=120, blank=True)
    address = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=60, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    when = models.CharField(max_length=200, blank=True)
    review_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["area", "name"]
        verbose_name_plural = "entries"
        indexes = [models.Index(fields=["status", "area"]), models.Index(fields=["review_on"])]

    def __str__(self) -> str:
        return self.name

    @property
    def provider_name(self) -> str:
        if self.partner_id:
            return self.partner.name  # type: ignore[union-attr]
        from org.models import Authority

        authority = Authority.objects.order_by("pk").first()
        return authority.name if authority else "The council"

    def circumstance_labels(self) -> list[str]:
        labels = dict(Circumstance.choices)
        return [str(labels.get(c, c)) for c in self.circumstances or []]
