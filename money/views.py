"""Money pages: what a young person is entitled to, requests and approvals, payment runs and the finance export."""

from __future__ import annotations

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.log import record, viewed
from audit.models import Action
from leavingcare.forms import GovukForm
from leavingcare.pages import form_page, submitted
from money import actions
from money.models import Entitlement, Payment, PaymentRequest, PaymentRun, RequestStatus
from money.queries import entitled_today, suha_remaining, totals_by
from people.scope import can_see_names, get_young_person_or_404, scoped

DECIDERS = {Role.TEAM_MANAGER, Role.SENIOR_MANAGER}
PAYERS = {Role.FINANCE_OFFICER}


class RequestForm(GovukForm):
    entitlement = forms.ModelChoiceField(label="What is it for", queryset=Entitlement.objects.filter(active=True))
    amount = forms.CharField(label="Amount in pounds", help_text="For example, 150.00")
    reason = forms.CharField(label="Reason", widget=forms.Textarea, required=False,
                             help_text="What the money is for, in the young person's words if you can")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if not can_see_names(request.user):
        raise PermissionDenied("Your role sees performance figures, not named records.")
    mine = PaymentRequest.objects.filter(requested_by=request.user).select_related("young_person", "entitlement",
                                                                                  "requested_by")
    waiting = scoped(PaymentRequest.objects.filter(status=RequestStatus.REQUESTED), request.user).exclude(
        requested_by=request.user).select_related("young_person", "entitlement", "requested_by")
    approved = scoped(PaymentRequest.objects.filter(status=RequestStatus.APPROVED), request.user).select_related(
        "young_person", "entitlement", "requested_by")
    payments = scoped(Payment.objects.all(), request.user)
    return render(request, "money/home.html", {
        "reject_error": request.GET.get("reject_error", ""),
        "mine": mine[:50],
        # Emergencies first: they are needed the same day
        "waiting": sorted(waiting[:100], key=lambda r: r.entitlement.code != "EMERGENCY")
        if request.user.role in DECIDERS else [],
        "approved": approved[:100] if request.user.role in PAYERS else [],
        "runs": PaymentRun.objects.all()[:12],
        "by_budget": totals_by(payments, "budget_code", "month")[-36:],
        "by_team": totals_by(payments, "team__name", "month")[-60:]})


@login_required
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:money", request=request)
    return render(request, "money/for_young_person.html", {
        "yp": yp, "offers": entitled_today(yp, timezone.localdate()),
        "payments": Payment.objects.filter(young_person=yp).select_related("entitlement")[:200],
        "requests": PaymentRequest.objects.filter(young_person=yp).select_related("entitlement", "requested_by")})


@login_required
def raise_request(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = RequestForm(request.POST or None)
    if submitted(request, form, lambda d: actions.raise_request(
            request.user, yp, d["entitlement"], d["amount"], d["reason"], request=request),
            "Request sent for approval"):
        return redirect("money:for_young_person", pk=yp.pk)
    return form_page(request, form, yp, "Ask for money", "Send for approval", back="money:for_young_person",
                     caption=f"{yp.display_name} · Setting Up Home Allowance left: £{suha_remaining(yp):,.2f}")


@login_required
def decide(request: HttpRequest, request_pk: int) -> HttpResponse:
    req = get_object_or_404(scoped(PaymentRequest.objects.all(), request.user), pk=request_pk)
    if request.method != "POST":
        return redirect("money:home")
    try:
        if request.POST.get("decision") == "approve":
            actions.approve(request.user, req, request=request)
            messages.success(request, f"Approved £{req.amount:,.2f} for {req.young_person.display_name}")
        elif request.POST.get("decision") == "pay":
            if request.user.role not in PAYERS:
                raise PermissionDenied
            actions.mark_paid(request.user, req, request=request)
            messages.success(request, f"Paid £{req.amount:,.2f} to {req.young_person.display_name}")
        else:
            actions.reject(request.user, req, request.POST.get("rejection_reason", ""), request=request)
            messages.success(request, "Request rejected; the worker can see why")
    except ValidationError as error:
        if getattr(error, "error_dict", {}).keys() == {"rejection_reason"}:
            # Shown on the reason box of this request, as a field error (money/_requests.html)
            return redirect(f"{reverse('money:home')}?reject_error={req.pk}#reject-{req.pk}")
        messages.error(request, " ".join(error.messages))
    return redirect("money:home")


@login_required
def run_export(request: HttpRequest, run_pk: int) -> HttpResponse:
    if request.user.role not in PAYERS | DECIDERS and not request.user.is_superuser:
        raise PermissionDenied("Only finance officers and managers export payment runs.")
    run = get_object_or_404(PaymentRun, pk=run_pk)
    payments = scoped(run.payments.all(), request.user).select_related("young_person", "entitlement", "team")
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="payment-run-{run.period_ending}.csv"'
    writer = csv.writer(response)
    writer.writerow(["period_ending", "la_person_id", "name", "entitlement", "budget_code", "team", "amount"])
    count = 0
    for p in payments.order_by("young_person__la_person_id", "entitlement__code"):
        writer.writerow([run.period_ending.isoformat(), p.young_person.la_person_id, p.young_person.display_name,
                         p.entitlement.code, p.budget_code, p.team.name if p.team else "", f"{p.amount:.2f}"])
        count += 1
    record(request.user, Action.EXPORT, object_type="export:payment_run", object_id=str(run.pk),
           detail={"period_ending": run.period_ending, "rows": count}, request=request)
    return response
