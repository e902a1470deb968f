"""Requests and approvals: raise, approve (within the role's limit, never one's own), reject, pay. All logged."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.policy import require
from audit.log import field_changes, record
from audit.models import Action
from leavingcare.validation import MONEY_MAX
from leavingcare.versioning import bump, check_version
from money.entitlements import to_pay
from money.models import Entitlement, Frequency, Payment, PaymentRequest, PaymentRun, Rate, RequestStatus
from money.queries import entitled_today, suha_remaining
from notifications import events
from org.config import setting
from people.models import YoungPerson


def parse_amount(raw: Any) -> Decimal:
    try:
        amount = Decimal(str(raw).replace("£", "").replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError({"amount": "Amount must be an amount of money, like 25.50"}) from None
    if not amount.is_finite() or amount <= 0:
        raise ValidationError({"amount": "Amount must be more than £0"})
    if amount > MONEY_MAX:  # the column holds 9 digits, 2 after the point (SQLite would keep more, then fail)
        raise ValidationError({"amount": f"Amount must be £{MONEY_MAX:,} or less"})
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({"amount": "Amount must be in pounds and pence, like 25.50"})
    return amount


@transaction.atomic
def raise_request(actor: Any, yp: YoungPerson, entitlement: Entitlement, amount: Any, reason: str,
                  request: Any = None) -> PaymentRequest:
    require(actor, "money.raise_request", yp)
    value = parse_amount(amount)
    errors: dict[str, str] = {}
    if yp.status != "open":
        status = yp.get_status_display().lower()
        errors["young_person"] = f"{yp.display_name}'s service is {status}: nothing can be paid"
    if not reason.strip():
        errors["reason"] = "Say what the money is for"
    if yp.status == "open" and entitlement.code not in {o.code for o in entitled_today(yp, timezone.localdate())}:
        errors["entitlement"] = (f"{yp.display_name} is not entitled to {entitlement.name} today: choose one of "
                                 "the entitlements on their money page")
    if entitlement.code == "SUHA":
        left = suha_remaining(yp)
        if value > left:
            errors["amount"] = f"Amount is more than the £{left:,.2f} left of the Setting Up Home Allowance"
    if errors:
        raise ValidationError(errors)
    req = PaymentRequest.objects.create(young_person=yp, entitlement=entitlement, amount=value, reason=reason,
                                        requested_by=actor)
    record(actor, Action.CREATE, young_person=yp, obj=req,
           detail={"entitlement": entitlement.code, "amount": value, "reason": reason}, request=request)
    events.money_requested(req, actor)
    return req


def approval_limit(user: Any) -> Decimal:
    if user.is_superuser:
        return Decimal("1e9")
    return Decimal(str(setting("money_approval_limits").get(user.role, "0")))


@transaction.atomic
def approve(actor: Any, req: PaymentRequest, request: Any = None, version: int | None = None) -> PaymentRequest:
    req = PaymentRequest.objects.select_for_update().select_related("young_person").get(pk=req.pk)
    if actor is not None and req.requested_by_id == actor.pk:
        raise ValidationError("You cannot approve your own request: ask another manager")
    require(actor, "money.decide", req)
    check_version(req, version, "request")
    if req.status != RequestStatus.REQUESTED:
        raise ValidationError(f"This request is already {req.get_status_display().lower()}")
    if req.amount > approval_limit(actor):
        raise ValidationError(f"£{req.amount:,.2f} is over your approval limit of £{approval_limit(actor):,.2f}")
    if req.entitlement.code == "SUHA" and req.amount > suha_remaining(req.young_person):
        raise ValidationError("The Setting Up Home Allowance left is now less than this request")
    req.status, req.decided_by, req.decided_at = RequestStatus.APPROVED, actor, timezone.now()
    bump(req)
    req.save(update_fields=["status", "decided_by", "decided_at", "version"])
    record(actor, Action.CHANGE, young_person=req.young_person, obj=req,
           detail={"status": {"old": "requested", "new": "approved"},
                   "version": {"old": req.version - 1, "new": req.version}}, request=request)
    events.money_decided(req, actor)
    return req


@transaction.atomic
def reject(actor: Any, req: PaymentRequest, reason: str, request: Any = None,
           version: int | None = None) -> PaymentRequest:
    req = PaymentRequest.objects.select_for_update().select_related("young_person").get(pk=req.pk)
    if actor is not None and req.requested_by_id == actor.pk:
        raise ValidationError("You cannot decide your own request: ask another manager")
    require(actor, "money.decide", req)
    check_version(req, version, "request")
    if not reason.strip():
        raise ValidationError({"rejection_reason": "Give a reason for rejecting the request"})
    if req.status != RequestStatus.REQUESTED:
        raise ValidationError(f"This request is already {req.get_status_display().lower()}")
    req.status, req.decided_by, req.decided_at, req.rejection_reason = (RequestStatus.REJECTED, actor,
                                                                        timezone.now(), reason)
    bump(req)
    req.save(update_fields=["status", "decided_by", "decided_at", "rejection_reason", "version"])
    record(actor, Action.CHANGE, young_person=req.young_person, obj=req,
           detail={"status": {"old": "requested", "new": "rejected"}, "reason": reason,
                   "version": {"old": req.version - 1, "new": req.version}}, request=request)
    events.money_decided(req, actor)
    return req


@transaction.atomic
def mark_paid(actor: Any, req: PaymentRequest, request: Any = None, version: int | None = None) -> Payment:
    req = PaymentRequest.objects.select_for_update().select_related("young_person", "entitlement").get(pk=req.pk)
    require(actor, "money.pay", req)
    check_version(req, version, "request")
    if req.status != RequestStatus.APPROVED:
        raise ValidationError("Only an approved request can be paid")
    if req.young_person.status != "open":
        raise ValidationError("The young person's service is not open: nothing can be paid")
    payment = Payment.objects.create(young_person=req.young_person, entitlement=req.entitlement,
                                     amount=to_pay(req.amount), paid_on=timezone.localdate(),
                                     period_key=f"request-{req.pk}", request=req,
                                     budget_code=req.entitlement.budget_code, team=req.young_person.team)
    req.status = RequestStatus.PAID
    bump(req)
    req.save(update_fields=["status", "version"])
    record(actor, Action.CHANGE, young_person=req.young_person, obj=req,
           detail={"status": {"old": "approved", "new": "paid"}, "amount": payment.amount,
                   "version": {"old": req.version - 1, "new": req.version}}, request=request)
    return payment


# ---------------------------------------------------------------- the entitlements catalogue (administrators)
CATALOGUE_FIELDS = ["name", "description", "budget_code", "frequency", "schedule", "min_age", "max_age",
                    "discretionary_from_age", "supported_accommodation_only", "active"]


def _check_entitlement(ent: Entitlement) -> None:
    problems: dict[str, str] = {}
    if not ent.name.strip():
        problems["name"] = "Enter the name"
    if not ent.budget_code.strip():
        problems["budget_code"] = "Enter the budget code"
    if ent.frequency not in Frequency.values:
        problems["frequency"] = "Select how often it is paid"
    if ent.schedule not in ("", "weekly", "monthly", "birthday", "festival"):
        problems["schedule"] = "Select when the payment run pays it, or none"
    if not 16 <= ent.min_age <= 24:
        problems["min_age"] = "The first age must be from 16 to 24"
    if not ent.min_age <= ent.max_age <= 24:
        problems["max_age"] = "The last age must be from the first age to 24 (support ends on the 25th birthday)"
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def add_entitlement(actor: Any, code: str, request: Any = None, **fields: Any) -> Entitlement:
    require(actor, "money.change_catalogue")
    code = (code or "").strip().upper()
    if not re.fullmatch(r"[A-Z0-9_]{2,20}", code):
        raise ValidationError({"code": "The code is 2 to 20 capital letters, digits or underscores, like LCA"})
    if Entitlement.objects.filter(code=code).exists():
        raise ValidationError({"code": f"There is already an entitlement with the code {code}"})
    ent = Entitlement(code=code, **{k: v for k, v in fields.items() if k in CATALOGUE_FIELDS})
    _check_entitlement(ent)
    ent.save()
    record(actor, Action.CREATE, obj=ent, request=request,
           detail={"code": code, **{k: getattr(ent, k) for k in CATALOGUE_FIELDS}})
    return ent


@transaction.atomic
def change_entitlement(actor: Any, ent: Entitlement | int, version: int | None = None, request: Any = None,
                       **fields: Any) -> Entitlement:
    require(actor, "money.change_catalogue")
    stored = Entitlement.objects.select_for_update().get(pk=getattr(ent, "pk", ent))
    check_version(stored, version, "entitlement")
    unknown = sorted(set(fields) - set(CATALOGUE_FIELDS))
    if unknown:
        raise ValidationError({name: "This field cannot be set here" for name in unknown})
    before = {k: getattr(stored, k) for k in CATALOGUE_FIELDS}
    for k, v in fields.items():
        setattr(stored, k, v)
    _check_entitlement(stored)
    after = {k: getattr(stored, k) for k in CATALOGUE_FIELDS}
    diff = field_changes(before, after)
    if not diff:
        return stored
    old_version = stored.version
    bump(stored)
    stored.save()
    record(actor, Action.CHANGE, obj=stored, request=request,
           detail={**diff, "version": {"old": old_version, "new": stored.version}})
    return stored


@transaction.atomic
def add_rate(actor: Any, ent: Entitlement | int, effective_from: Any, amount: Any, amount_from_18: Any = None,
             request: Any = None) -> Rate:
    """A new dated rate; earlier rates stay, so payments already made keep the amount of their day."""
    require(actor, "money.change_catalogue")
    stored = Entitlement.objects.select_for_update().get(pk=getattr(ent, "pk", ent))
    problems: dict[str, str] = {}
    if effective_from is None:
        problems["effective_from"] = "Enter the date the rate applies from"
    elif Rate.objects.filter(entitlement=stored, effective_from=effective_from).exists():
        problems["effective_from"] = f"There is already a rate from {effective_from:%d/%m/%Y}"
    elif PaymentRun.objects.filter(period_ending__gte=effective_from).exists() and stored.schedule:
        problems["effective_from"] = "A payment run has already paid on or after that date; choose a later date"

    def money(raw: Any, field: str, required: bool) -> Decimal | None:
        if raw in (None, ""):
            if required:
                problems[field] = "Enter the amount"
            return None
        try:
            value = Decimal(str(raw).replace("£", "").replace(",", "").strip())
        except InvalidOperation:
            problems[field] = "The amount must be an amount of money, like 25.50"
            return None
        if value <= 0 or value >= Decimal("100000") or value != value.quantize(Decimal("0.01")):
            problems[field] = "The amount must be more than £0 and less than £100,000, in pounds and pence"
        return value

    value = money(amount, "amount", True)
    from_18 = money(amount_from_18, "amount_from_18", False)
    if problems:
        raise ValidationError(problems)
    rate = Rate.objects.create(entitlement=stored, effective_from=effective_from, amount=value,
                               amount_from_18=from_18)
    record(actor, Action.CREATE, obj=rate, request=request,
           detail={"entitlement": stored.code, "effective_from": effective_from, "amount": value,
                   "amount_from_18": from_18})
    return rate
