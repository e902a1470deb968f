"""Entitlements (held as data, with rates that change over time), requests, payment runs and payments."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from leavingcare.versioning import Versioned


class Frequency(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    YEARLY = "yearly", "Once a year"
    ONE_OFF = "one_off", "One-off"
    LIFETIME_CAP = "lifetime_cap", "Up to a total over the young person's time with the service"
    ON_REQUEST = "on_request", "On request"


class Entitlement(Versioned):
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True, help_text="In plain words, as a young person would read it")
    budget_code = models.CharField(max_length=20)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    min_age = models.PositiveSmallIntegerField(default=16)
    max_age = models.PositiveSmallIntegerField(default=24, help_text="Last age (in years) at which it applies")
    discretionary_from_age = models.PositiveSmallIntegerField(null=True, blank=True)
    # Paid by the weekly payment run without a request: weekly, on the 1st of a month, on the birthday, or
    # on the festival date (config festival_allowance_date); blank when paid on request
    schedule = models.CharField(max_length=10, blank=True, choices=[
        ("weekly", "Every week"), ("monthly", "On the 1st of each month"), ("birthday", "On the birthday"),
        ("festival", "On the festival date")])
    # Only for young people in these ACCOM letters (config allowance_accom_letters) when set
    supported_accommodation_only = models.BooleanField(default=False)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Rate(models.Model):
    entitlement = models.ForeignKey(Entitlement, on_delete=models.PROTECT, related_name="rates")
    effective_from = models.DateField()
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    amount_from_18 = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True,
                                         help_text="A different amount from the 18th birthday, when there is one")

    class Meta:
        ordering = ["entitlement", "-effective_from"]
        unique_together = [("entitlement", "effective_from")]


class PaymentRun(models.Model):
    period_ending = models.DateField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        ordering = ["-period_ending"]


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", "Waiting for approval"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    PAID = "paid", "Paid"
    WITHDRAWN = "withdrawn", "Withdrawn"


class PaymentRequest(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="payment_requests")
    entitlement = models.ForeignKey(Entitlement, on_delete=models.PROTECT, related_name="requests")
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    reason = models.TextField()
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]


class Payment(models.Model):
    """Money paid. ``period_key`` makes each payment unique, so nothing is ever paid twice."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="payments")
    entitlement = models.ForeignKey(Entitlement, on_delete=models.PROTECT, related_name="payments")
    amount = models.DecimalField(max_digits=9, decimal_places=2)
    paid_on = models.DateField()
    period_key = models.CharField(max_length=30, help_text="e.g. 2025-06-15 (week), 2025-06 (month), 2025 (year)")
    run = models.ForeignKey(PaymentRun, on_delete=models.PROTECT, null=True, blank=True, related_name="payments")
    request = models.OneToOneField(PaymentRequest, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="payment")
    budget_code = models.CharField(max_length=20)
    team = models.ForeignKey("org.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-paid_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["young_person", "entitlement", "period_key"],
                                               name="never_paid_twice")]
        indexes = [models.Index(fields=["budget_code", "paid_on"]), models.Index(fields=["team", "paid_on"])]
