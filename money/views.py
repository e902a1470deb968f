"""Money pages: what a young person is entitled to, requests and approvals, payment runs and the finance export."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.policy import may
from accounts.roles import Role
from audit.log import exported, viewed, viewed_many
from leavingcare import csvsafe
from leavingcare.access import payment_request, rule, young_person
from leavingcare.forms import GovukForm
from leavingcare.pagecache import cached_page
from leavingcare.pages import form_page, submitted
from leavingcare.versioning import parse_version
from money import actions
from money.models import Entitlement, Payment, PaymentRequest, PaymentRun, RequestStatus
from money.queries import entitled_today, suha_remaining, totals_by
from people.scope import can_see_names, get_young_person_or_404, scoped


class RequestForm(GovukForm):
    entitlement = forms.ModelChoiceField(label="What is it for", queryset=Entitlement.objects.filter(active=True))
    amount = forms.CharField(label="Amount in pounds", help_text="For example, 150.00")
    reason = forms.CharField(label="Reason", widget=forms.Textarea, required=False,
                             help_text="What the money is for, in the young person's words if you can")


@rule("people.view_list")
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    if not can_see_names(request.user):
        raise PermissionDenied("Your role sees performance figures, not named records.")
    mine = PaymentRequest.objects.filter(requested_by=request.user).select_related("young_person", "entitlement",
                                                                                  "requested_by")
    waiting = scoped(PaymentRequest.objects.filter(status=RequestStatus.REQUESTED), request.user).exclude(
        requested_by=request.user).select_related("young_person", "entitlement", "requested_by")
    if request.user.role == Role.TEAM_MANAGER:  # a team manager decides for the teams they manage
        teams = set(request.user.managed_teams.values_list("pk", flat=True)) | {request.user.team_id}
        waiting = waiting.filter(young_person__team_id__in=[t for t in teams if t])
    approved = scoped(PaymentRequest.objects.filter(status=RequestStatus.APPROVED), request.user).select_related(
        "young_person", "entitlement", "requested_by")
    payments = scoped(Payment.objects.all(), request.user)
    # Emergencies first: they are needed the same day
    shown = {"mine": list(mine[:50]),
             "waiting": sorted(waiting[:100], key=lambda r: r.entitlement.code != "EMERGENCY")
             if may(request.user, "money.decide") else [],
             "approved": list(approved[:100]) if may(request.user, "money.pay") else []}
    viewed_many(request.user, {r.young_person_id for rows in shown.values() for r in rows}, "page:money_home",
                request=request)
    return render(request, "money/home.html", {
        **shown, "reject_error": request.GET.get("reject_error", ""), "runs": PaymentRun.objects.all()[:12],
        "by_budget": totals_by(payments, "budget_code", "month")[-36:],
        "by_team": totals_by(payments, "team__name", "month")[-60:]})


@rule("people.view_record", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:money", request=request)
    return render(request, "money/for_young_person.html", {
        "yp": yp, "offers": entitled_today(yp, timezone.localdate()),
        "payments": Payment.objects.filter(young_person=yp).select_related("entitlement")[:200],
        "requests": PaymentRequest.objects.filter(young_person=yp).select_related("entitlement", "requested_by")})


@rule("money.raise_request", "money.raise_request", of=young_person, log_as="page:money_request")
def raise_request(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = RequestForm(request.POST or None)
    if submitted(request, form, lambda d: actions.raise_request(
            request.user, yp, d["entitlement"], d["amount"], d["reason"], request=request),
            "Request sent for approval"):
        return redirect("money:for_young_person", pk=yp.pk)
    return form_page(request, form, yp, "Ask for money", "Send for approval", back="money:for_young_person",
                     caption=f"{yp.display_name} · Setting Up Home Allowance left: £{suha_remaining(yp):,.2f}")


def _check_page(request: HttpRequest, req: PaymentRequest) -> HttpResponse:
    """Check and approve (or mark paid): what was asked, by whom, for what, and what is left of it, before the
    decision is made. Approving is never one click from the queue."""
    yp = req.young_person
    viewed(request.user, yp, "page:money_decide", request=request)
    today = timezone.localdate()
    offer = next((o for o in entitled_today(yp, today) if o.code == req.entitlement.code), None)
    return render(request, "money/decide.html", {
        "req": req, "yp": yp, "offer": offer,
        "suha_left": suha_remaining(yp) if req.entitlement.code == "SUHA" else None,
        "earlier": (PaymentRequest.objects.filter(young_person=yp).exclude(pk=req.pk)
                    .select_related("entitlement").order_by("-requested_at")[:5])})


@rule("money.act_on_request", "money.act_on_request", of=payment_request)
def decide(request: HttpRequest, request_pk: int) -> HttpResponse:
    req = get_object_or_404(scoped(PaymentRequest.objects.select_related("young_person", "entitlement",
                                                                         "requested_by"), request.user),
                            pk=request_pk)
    if request.method != "POST" or (request.POST.get("decision") == "approve" and not request.POST.get("checked")):
        return _check_page(request, req)
    try:
        version = parse_version(request.POST.get("version"))
        if request.POST.get("decision") == "approve":
            actions.approve(request.user, req, request=request, version=version)
            messages.success(request, f"Approved £{req.amount:,.2f} for {req.young_person.display_name}")
        elif request.POST.get("decision") == "pay":
            actions.mark_paid(request.user, req, request=request, version=version)
            messages.success(request, f"Paid £{req.amount:,.2f} to {req.young_person.display_name}")
        elif request.POST.get("decision") != "reject":
            messages.error(request, "Choose approve, reject or mark paid")
        else:
            actions.reject(request.user, req, request.POST.get("rejection_reason", ""), request=request,
                           version=version)
            messages.success(request, "Request rejected; the worker can see why")
    except ValidationError as error:
        if getattr(error, "error_dict", {}).keys() == {"rejection_reason"}:
            # Shown on the reason box of this request, as a field error (money/_requests.html)
            return redirect(f"{reverse('money:home')}?reject_error={req.pk}#reject-{req.pk}")
        messages.error(request, " ".join(error.messages))
    return redirect("money:home")


@rule("money.export_run")
def run_export(request: HttpRequest, run_pk: int) -> HttpResponse:
    run = get_object_or_404(PaymentRun, pk=run_pk)
    payments = scoped(run.payments.all(), request.user).select_related("young_person", "entitlement", "team")
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="payment-run-{run.period_ending}.csv"'
    writer = csvsafe.writer(response)
    writer.writerow(["period_ending", "la_person_id", "name", "entitlement", "budget_code", "team", "amount"])
    count = 0
    people: set[int] = set()
    for p in payments.order_by("young_person__la_person_id", "entitlement__code"):
        people.add(p.young_person_id)
        writer.writerow([run.period_ending.isoformat(), p.young_person.la_person_id, p.young_person.display_name,
                         p.entitlement.code, p.budget_code, p.team.name if p.team else "", f"{p.amount:.2f}"])
        count += 1
    exported(request.user, "export:payment_run", count, people, request=request, object_id=str(run.pk),
             detail={"period_ending": run.period_ending})
    return response
