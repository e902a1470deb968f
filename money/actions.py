"""Requests and approvals: raise, approve (within the role's limit, never one's own), reject, pay. All logged."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.policy import require
from audit.log import record
from audit.models import Action
from leavingcare.versioning import bump, check_version
from money.entitlements import to_pay
from money.models import Entitlement, Payment, PaymentRequest, RequestStatus
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
    require(actor, "money.decide", req)
    check_version(req, version, "request")
    if req.status != RequestStatus.REQUESTED:
        raise ValidationError(f"This request is already {req.get_status_display().lower()}")
    if req.requested_by_id == actor.pk:
        raise ValidationError("You cannot approve your own request: ask another manager")
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
