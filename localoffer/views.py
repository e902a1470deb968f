"""The Local Offer's staff pages, under /local-offer/. Thin: reads through localoffer.queries, writes through
localoffer.actions. Creating or changing an entry goes through a preview showing it as a young person sees it
in the app, then Save. No young person is named on any of these pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from audit.log import record
from audit.models import Action
from leavingcare.access import rule
from leavingcare.forms import apply_errors
from leavingcare.pages import submitted
from leavingcare.versioning import check_version, parse_version
from localoffer import actions, queries, rules
from localoffer.forms import EntryForm, PartnerForm
from localoffer.models import Area, Entry, Partner, Status

CAPTION = "Local Offer"


def entry_of(request: HttpRequest, kwargs: dict[str, Any]) -> Entry:
    return get_object_or_404(Entry.objects.select_related("partner", "entitlement"), pk=kwargs["pk"])


def partner_of(request: HttpRequest, kwargs: dict[str, Any]) -> Partner:
    return get_object_or_404(Partner, pk=kwargs["pk"])


def _version(request: HttpRequest) -> int | None:
    return parse_version(request.POST.get("version")) if request.method == "POST" else None


# ---------------------------------------------------------------- reading


@rule("localoffer.view")
def entry_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    filters = {k: request.GET.get(k, "")[:100] for k in ("area", "status", "provider", "review", "q")}
    entries = list(queries.staff_list(filters, today))
    for e in entries:
        e.review = rules.review_state(e.review_on, today)  # type: ignore[attr-defined]
    groups = queries.by_area(entries)
    if filters["area"] in Area.values:
        groups = [g for g in groups if g[0] == filters["area"]]
    overdue = Entry.objects.exclude(status=Status.DEFUNCT).filter(review_on__lt=today).count()
    record(request.user, Action.VIEW, object_type="page:local_offer")
    return render(request, "localoffer/list.html", {
        "groups": groups, "filters": filters, "areas": Area.choices, "statuses": Status.choices,
        "partners": Partner.objects.all(), "council": queries.council_name(), "overdue": overdue,
        "count": len(entries), "filtered": any(filters.values())})


@rule("localoffer.view", of=entry_of)
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    entry = entry_of(request, {"pk": pk})
    today = timezone.localdate()
    return render(request, "localoffer/detail.html", {
        "e": entry, "review": rules.review_state(entry.review_on, today), "council": queries.council_name(),
        "cost": queries.cost_words(entry, today), "worth": queries.worth(entry, today),
        "ages": rules.who_words(entry.min_age, entry.max_age, entry.circumstance_labels()), "today": today})


@rule("localoffer.view")
def partner_list(request: HttpRequest) -> HttpResponse:
    from django.db.models import Count

    return render(request, "localoffer/partners.html", {
        "partners": Partner.objects.annotate(n=Count("entries")), "council": queries.council_name()})


# ---------------------------------------------------------------- writing, with a preview


def _hidden(request: HttpRequest) -> list[tuple[str, str]]:
    """What was typed, as (name, value) pairs, to carry through the preview page."""
    skip = {"csrfmiddlewaretoken", "step"}
    return [(k, v) for k, values in request.POST.lists() if k not in skip for v in values]


def _entry_page(request: HttpRequest, entry: Entry | None) -> HttpResponse:
    """Step 1: the form (button "Preview"). Step 2 (step=preview): the entry as a young person sees it, with
    Save and Change. Step 3 (step=save): the verb. Step "change" returns to the form with what was typed."""
    today = timezone.localdate()
    initial: dict[str, Any] = {"min_age": 16, "max_age": 24, "cost_kind": "free", "status": "active",
                               "review_on": actions.default_review_on(today)}
    if entry is not None:
        initial = {f: getattr(entry, f) for f in actions.ENTRY_FIELDS}
        initial["partner"] = str(entry.partner_id or "")
        initial["entitlement"] = str(entry.entitlement_id or "")
    step = request.POST.get("step", "") if request.method == "POST" else ""
    form = EntryForm(request.POST or None, initial=initial)
    version = entry.version if entry is not None else None
    if request.method == "POST":
        version = _version(request) or version
    heading = f"Change {entry.name}" if entry else "Add to the Local Offer"
    back_url = reverse("localoffer:detail", args=[entry.pk]) if entry else reverse("localoffer:list")
    if step == "preview" and form.is_valid():
        try:
            values = actions.clean_entry(form.cleaned_data)
            if entry is not None:
                check_version(entry, version, "Local Offer entry")
        except ValidationError as error:
            apply_errors(form, error)
        else:
            shown = Entry(**values, pk=getattr(entry, "pk", None))
            return render(request, "localoffer/preview.html", {
                "e": shown, "hidden": _hidden(request), "heading": heading, "back_url": back_url,
                "council": queries.council_name(), "cost": queries.cost_words(shown, today),
                "ages": rules.who_words(shown.min_age, shown.max_age, shown.circumstance_labels()),
                "caption": CAPTION,
                "action": request.path})
    if step == "save":
        saved: list[Entry] = []

        def act(data: dict[str, Any]) -> Entry:
            if entry is None:
                saved.append(actions.add_entry(request.user, data, request=request))
            else:
                saved.append(actions.change_entry(request.user, entry, data, version, request=request))
            return saved[0]

        if submitted(request, form, act, lambda e: f"{e.name} is saved in the Local Offer"):
            return redirect("localoffer:detail", saved[0].pk)
    return render(request, "localoffer/form.html", {
        "form": form, "heading": heading, "back_url": back_url, "caption": CAPTION, "version": version,
        "error_title": bool(form.errors) if step in ("preview", "save") else False,
        "show_errors": step in ("preview", "save")})


@rule("localoffer.change", "localoffer.change")
def entry_new(request: HttpRequest) -> HttpResponse:
    return _entry_page(request, None)


@rule("localoffer.change", "localoffer.change", of=entry_of)
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _entry_page(request, entry_of(request, {"pk": pk}))


def _partner_page(request: HttpRequest, partner: Partner | None) -> HttpResponse:
    initial = {f: getattr(partner, f) for f in actions.PARTNER_FIELDS} if partner else {"active": True}
    form = PartnerForm(request.POST or None, initial=initial)
    version = _version(request) or (partner.version if partner else None)

    def act(data: dict[str, Any]) -> Partner:
        if partner is None:
            return actions.add_partner(request.user, data, request=request)
        return actions.change_partner(request.user, partner, data, version, request=request)

    if submitted(request, form, act, lambda p: f"{p.name} is saved"):
        return redirect("localoffer:partners")
    return render(request, "form.html", {
        "form": form, "heading": f"Change {partner.name}" if partner else "Add a partner organisation",
        "button": "Save", "back_url": reverse("localoffer:partners"), "caption": CAPTION, "version": version,
        "show_errors": request.method == "POST"})


@rule("localoffer.change", "localoffer.change")
def partner_new(request: HttpRequest) -> HttpResponse:
    return _partner_page(request, None)


@rule("localoffer.change", "localoffer.change", of=partner_of)
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _partner_page(request, partner_of(request, {"pk": pk}))

