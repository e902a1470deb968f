"""Who may see whom: the one place the need-to-know rule lives.

Every page, API endpoint and export that reads young people's records goes
through ``young_people_for`` (for YoungPerson querysets) or ``scoped`` (for any
model that belongs to a young person). Performance analysts and administrators
see no named records: they get aggregates from the performance app.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest

from accounts.roles import AGGREGATE_ONLY_ROLES, CASEWORKER_ROLES, SERVICE_WIDE_ROLES, Role
from audit.log import record
from audit.models import Action
from leavingcare.memo import remember, remembered
from people.models import YoungPerson

M = TypeVar("M", bound=Model)

NOTHING = Q(pk__in=[])


def scope_q(user: Any, prefix: str = "") -> Q:
    """A Q over YoungPerson (``prefix`` e.g. "young_person__") selecting the records ``user`` may see."""
    p = prefix
    if user is None or not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.is_superuser or user.role in SERVICE_WIDE_ROLES:
        return Q()
    if user.role in AGGREGATE_ONLY_ROLES or user.role == Role.ADMINISTRATOR:
        return NOTHING
    if user.role == Role.TEAM_MANAGER or user.role in CASEWORKER_ROLES:
        own_caseload = Q(**{f"{p}allocations__worker": user, f"{p}allocations__end_date__isnull": True})
        teams = _own_team_ids(user)
        return (Q(**{f"{p}team_id__in": sorted(teams)}) if teams else NOTHING) | own_caseload
    return NOTHING


def young_people_for(user: Any) -> QuerySet[YoungPerson]:
    """The young people ``user`` may see. Distinct-free: caseload is matched with a subquery."""
    q = scope_q(user)
    if q == Q():
        return YoungPerson.objects.all()
    # Resolve the caseload join in a subquery so callers never get duplicate rows.
    return YoungPerson.objects.filter(pk__in=YoungPerson.objects.filter(q).values("pk"))


def scoped(qs: QuerySet[M], user: Any, via: str = "young_person") -> QuerySet[M]:
    """Restrict any queryset of things belonging to a young person to those ``user`` may see."""
    q = scope_q(user)
    if q == Q():
        return qs
    return qs.filter(**{f"{via}__in": YoungPerson.objects.filter(q).values("pk")})


def can_see_names(user: Any) -> bool:
    return scope_q(user) != NOTHING


def _own_team_ids(user: Any) -> set[int]:
    """The teams whose records this user sees whole (a manager's teams and own team, a caseworker's team)."""
    if user is None or not user.is_authenticated or not user.is_active or user.is_superuser:
        return set()
    if user.role == Role.TEAM_MANAGER:
        ids = set(remembered(("managed_teams", user.pk),
                             lambda: list(user.managed_teams.values_list("pk", flat=True))))
        return ids | ({user.team_id} if user.team_id else set())
    if user.role in CASEWORKER_ROLES and user.team_id:
        return {user.team_id}
    return set()


def _team_member(user: Any, lookup: str, pk: Any) -> YoungPerson | None:
    """The young person, read directly, when they are in one of the user's own teams (the usual case, and the
    same answer ``young_people_for`` gives without its caseload join); otherwise None, and the caller asks the
    scope. Everything else (caseload outside the team, service-wide roles, refusals) goes through the scope."""
    teams = _own_team_ids(user)
    if not teams:
        return None
    candidate = YoungPerson.objects.filter(**{lookup: pk}).first()
    return candidate if candidate is not None and candidate.team_id in teams else None


def get_young_person_or_404(user: Any, pk: Any, request: HttpRequest | None = None,
                            lookup: str = "pk") -> YoungPerson:
    """The young person if ``user`` may see them; otherwise log the refusal and raise 404."""
    try:
        found = _team_member(user, lookup, pk) or young_people_for(user).get(**{lookup: pk})
    except (YoungPerson.DoesNotExist, ValueError):
        try:
            target = YoungPerson.objects.filter(**{lookup: pk}).first() if str(pk).strip() else None
        except (ValueError, TypeError):  # a malformed id in the URL
            target = None
        record(user, Action.DENIED, young_person=target, object_type="people.YoungPerson",
               object_id=str(pk)[:40], request=request)
        raise Http404("No young person found") from None
    # Found through the scope: the policy's "in scope" question about this record is answered for this read
    remember(("in_scope", getattr(user, "pk", None), found.pk), True)
    return found
