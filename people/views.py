"""Staff pages for young people's records. Thin: reading goes through people.scope, writing through people.actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.roles import CASEWORKER_ROLES
from audit.log import viewed, viewed_many
from leavingcare.access import rule, young_person
from leavingcare.forms import apply_errors
from leavingcare.pagecache import cached_page
from leavingcare.pages import form_page, submitted
from org.config import setting
from org.models import Team
from people import actions
from people.forms import AllocationForm, CareEpisodeForm, SearchForm, StatusForm, YoungPersonForm
from people.models import Allocation, CareEpisode
from people.queries import needing_pa, search_from_form
from people.scope import can_see_names, get_young_person_or_404, young_people_for
from people.summary import summary_for

PAGE_SIZE = 50


def _names_allowed(request: HttpRequest) -> None:
    if not can_see_names(request.user):
        raise PermissionDenied("Your role sees performance figures, not named records.")


CASELOAD_VIEWS = {"mine": "My caseload", "team": "My team"}


def _list_view(request: HttpRequest) -> str:
    """A personal adviser or social worker opens on their own caseload; a search looks across their team."""
    if request.user.role not in CASEWORKER_ROLES:
        return "all"
    chosen = request.GET.get("view", "")
    if chosen in CASELOAD_VIEWS:
        return chosen
    return "team" if request.GET.get("q") else "mine"


@rule("people.view_list")
@cached_page
def person_list(request: HttpRequest) -> HttpResponse:
    _names_allowed(request)
    today = timezone.localdate()
    form = SearchForm(request.GET or None, teams=Team.objects.filter(kind=Team.LEAVING_CARE))
    params = form.cleaned_data if form.is_valid() else {}
    searched = any(params.values())
    view = _list_view(request)
    qs = young_people_for(request.user)
    if view == "mine":
        qs = qs.filter(pk__in=Allocation.objects.filter(worker=request.user, end_date__isnull=True)
                       .values("young_person_id"))
    if form.is_bound and not form.is_valid():
        qs = qs.none()
    qs = search_from_form(qs, params, today).select_related("team")
    qs = qs.prefetch_related("allocations__worker")
    page = Paginator(qs.order_by("last_name", "first_name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    viewed_many(request.user, [yp.pk for yp in page.object_list], "page:people_list", request=request)
    query = request.GET.copy()
    query.pop("page", None)
    toggle = query.copy()
    toggle.pop("view", None)
    empty_team = None
    if params.get("team") and not page.paginator.count:
        team = Team.objects.filter(pk=params["team"]).first()
        if team is not None and not young_people_for(request.user).filter(team=team).exists():
            empty_team = team
    return render(request, "people/list.html", {
        "form": form, "page": page, "today": today, "query": query.urlencode(), "view": view,
        "views": CASELOAD_VIEWS if view != "all" else {}, "toggle_query": toggle.urlencode(),
        "searched": searched, "empty_team": empty_team})


@rule("people.view_record", of=young_person)
@cached_page
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:summary", request=request)
    return render(request, "people/detail.html", {"s": summary_for(yp, timezone.localdate(), request.user),
                                                      "yp": yp})


def _save_person(request: HttpRequest, form: YoungPersonForm, existing: Any) -> Any:
    data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
    if existing is None:
        return actions.create_young_person(request.user, request=request, **data)
    return actions.update_young_person(request.user, existing, request=request,
                                       version=form.cleaned_data.get("version"), **data)


@rule("people.add_record", "people.add_record")
def create(request: HttpRequest) -> HttpResponse:
    return _record_form(request, None)


@rule("people.change_record", "people.change_record", of=young_person, log_as="page:edit_record")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _record_form(request, get_young_person_or_404(request.user, pk, request))


def _record_form(request: HttpRequest, yp: Any) -> HttpResponse:
    form = YoungPersonForm(request.POST or None, instance=yp, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save_person(request, form, yp)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{saved.display_name}'s record is saved")
            return redirect("people:detail", pk=saved.pk)
    return form_page(request, form, yp, "Change the record" if yp else "Add a young person", "Save record")


@rule("people.change_care_history", "people.change_care_history", of=young_person, log_as="page:care_episode")
def episode(request: HttpRequest, pk: int, episode_pk: int | None = None) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    instance = get_object_or_404(CareEpisode, pk=episode_pk, young_person=yp) if episode_pk else None
    form = CareEpisodeForm(request.POST or None, instance=instance)
    if submitted(request, form, lambda d: actions.save_care_episode(request.user, yp, form.instance, request=request,
                                                               version=d.get("version")),
                 "Care history updated"):
        return redirect("people:detail", pk=yp.pk)
    return form_page(request, form, yp, "Change an episode of care" if instance else "Add an episode of care")


@rule("people.allocate", "people.allocate", of=young_person, log_as="page:allocate")
def allocate(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = AllocationForm(request.POST or None, initial={"start_date": timezone.localdate()})
    if submitted(request, form, lambda d: actions.allocate(
            request.user, yp, d["worker"], d["role"], d["start_date"], d["reason"], request=request),
            lambda allocation: f"{allocation.worker.get_full_name()} is allocated"):
        return redirect("people:detail", pk=yp.pk)
    return form_page(request, form, yp, "Allocate a worker", "Allocate")


@rule("people.change_status", "people.change_status", of=young_person, log_as="page:service_status")
def status(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = StatusForm(request.POST or None, initial={"status": yp.status, "on": timezone.localdate()})
    if submitted(request, form, lambda d: actions.set_service_status(request.user, yp, d["status"], d["on"],
                                                                     request=request),
                 lambda _: f"Service status is now {yp.get_status_display().lower()}"):
        return redirect("people:detail", pk=yp.pk)
    return form_page(request, form, yp, "Change the service status", "Change status")


@rule("people.view_needing_pa")
def needs_pa(request: HttpRequest) -> HttpResponse:
    _names_allowed(request)
    today = timezone.localdate()
    people = needing_pa(request.user, today).select_related("team").order_by("date_of_birth")
    shown = list(people[:500])
    viewed_many(request.user, shown, "page:needs_pa", request=request)
    return render(request, "people/needs_pa.html", {"people": shown, "count": people.count(),
                                                    "age": setting("pa_coallocation_age"), "today": today})


@rule("people.export_record", of=young_person)
def record_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole record as a tagged PDF (subject access or transfer); managers only, audit-logged."""
    from accounts.policy import require
    from audit.log import record
    from audit.models import Action
    from people.whole_record import render_pdf

    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "people.export_record", yp)
    content = render_pdf(yp)
    record(request.user, Action.EXPORT, young_person=yp, obj=yp, object_type="export:whole_record",
           detail={"format": "pdf"}, request=request)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="record-{yp.la_person_id}.pdf"'
    return response
