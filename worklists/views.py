"""Worklists: mine, my team's (with counts by team and locality), caseloads and the keeping-in-touch measure."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.models import User
from accounts.roles import MANAGER_ROLES, Role
from audit.log import viewed_many
from contacts.losing_touch import described, lost_contact
from contacts.measures import in_touch_rows
from housing.queries import bed_and_breakfast_items
from leavingcare.access import rule
from leavingcare.pagecache import cached_page
from org.models import Team
from people.models import YoungPerson
from people.scope import can_see_names, young_people_for
from worklists.caseloads import caseloads
from worklists.queries import items, items_and_counts

PAGE_SIZE = 50


def _allowed(request: HttpRequest) -> None:
    if not can_see_names(request.user):
        raise PermissionDenied("Your role sees performance figures, not named records.")


@rule("worklists.view")
@cached_page
def mine(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    today = timezone.localdate()
    user = request.user
    if user.role in MANAGER_ROLES:
        return redirect("worklists:team")
    caseload = YoungPerson.objects.filter(pk__in=young_people_for(user).filter(
        allocations__worker=user, allocations__end_date__isnull=True).values("pk"))
    found = items(caseload, today, worker_id=user.pk)
    page = _page(request, found)
    lost = described(list(lost_contact(caseload, today)))
    viewed_many(user, {i.young_person.pk for i in page} | {yp.pk for yp in lost}, "page:my_worklist", request=request)
    return render(request, "worklists/list.html", {
        "heading": "My worklist", "page": page, "today": today,
        "counts": Counter(i.due.status for i in found), "lost": lost,
        "alarms": bed_and_breakfast_items(caseload, today)})


def _page(request: HttpRequest, found: list[Any]) -> Any:
    return Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))


def _team_scope(user: Any) -> Any:
    if user.role == Role.TEAM_MANAGER:
        ids = set(user.managed_teams.values_list("pk", flat=True)) | ({user.team_id} if user.team_id else set())
        return Team.objects.filter(pk__in=ids)
    if user.role in MANAGER_ROLES or user.role in {Role.HOUSING_ADVISER, Role.FINANCE_OFFICER} or user.is_superuser:
        return Team.objects.filter(kind=Team.LEAVING_CARE)
    return Team.objects.filter(pk=user.team_id)


@rule("worklists.view")
@cached_page
def team(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    today = timezone.localdate()
    teams = _team_scope(request.user).select_related("locality")
    chosen = request.GET.get("team")
    selected = teams.filter(pk=chosen) if chosen and chosen.isdigit() else teams
    people = young_people_for(request.user).filter(team__in=selected)
    found, counted = items_and_counts(people, today)
    page = _page(request, found)
    lost = described(list(lost_contact(people, today).select_related("team")[:200]))
    viewed_many(request.user, {i.young_person.pk for i in page} | {yp.pk for yp in lost}, "page:team_worklist",
                request=request)
    worker_ids = {i.due.worker_id for i in page if i.due.worker_id}
    by_team: Counter[tuple[str, str]] = Counter()
    by_locality: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    for (team_name, locality, status), n in counted.items():
        by_team[(team_name or "No team", status)] += n
        by_locality[(locality or "–", status)] += n
        totals[status] += n
    return render(request, "worklists/team.html", {
        "heading": "Team worklist", "page": page,
        # Every manager sees every 16- or 17-year-old in bed and breakfast they may see, whichever team is chosen
        "alarms": bed_and_breakfast_items(young_people_for(request.user), today),
        "query": f"team={chosen}" if chosen else "", "today": today,
        "teams": teams, "chosen": chosen, "workers": User.objects.in_bulk(worker_ids),
        "counts": totals, "team_counts": sorted({t for t, _ in by_team}),
        "by_team": by_team, "by_locality": by_locality, "locality_names": sorted({loc for loc, _ in by_locality}),
        "caseloads": caseloads(User.objects.filter(team__in=selected)),
        "in_touch": in_touch_rows(people, today),
        "lost": lost})
