"""Who may do what to whom: the one place the rules for writes live.

``people.scope`` answers "may this person see this record?" (need-to-know). This module answers the other
question: "may this person do this to this record?". It is written with the ``rules`` package, so the one
call ``user.has_perm("people.change_record", young_person)`` means the same thing in a verb, a template
(``{% load rules %}{% has_perm "people.change_record" user yp as can_edit %}``), a view and the API.

Every verb in every ``actions.py`` calls ``require(actor, PERMISSION, obj)`` before it changes anything.
A permission checked with no object (``user.has_perm("plans.sign_off")``) answers "does this person's role
ever do this?", which is what navigation and list pages use; with an object it also checks that the record
is in the person's scope (and any rule about that object, such as "not your own request").

``actor=None`` is the service itself: scheduled jobs, imports and commands run by the operations team.
"""

from __future__ import annotations

from typing import Any

import rules
from django.core.exceptions import PermissionDenied

from accounts.roles import Role

R = Role
CASEWORKERS = {R.PERSONAL_ADVISER, R.SOCIAL_WORKER}
MANAGERS = {R.TEAM_MANAGER, R.SENIOR_MANAGER}
PRACTITIONERS = CASEWORKERS | MANAGERS

# What each permission is, in words a refusal can show.
REFUSALS: dict[str, str] = {}


def young_person_of(obj: Any) -> Any:
    """The young person a record belongs to (the record itself for a YoungPerson)."""
    from people.models import YoungPerson

    seen = 0
    while obj is not None and not isinstance(obj, YoungPerson) and seen < 4:
        for attr in ("young_person", "plan", "area", "contact"):
            if hasattr(obj, attr):
                obj = getattr(obj, attr)
                break
        else:
            return None
        seen += 1
    return obj if isinstance(obj, YoungPerson) else None


# ---------------------------------------------------------------- predicates


def role_is(*roles: str) -> Any:
    name = "role_is_" + "_or_".join(str(r) for r in roles)

    @rules.predicate(name=name)
    def check(user: Any) -> bool:
        return bool(getattr(user, "is_authenticated", False) and getattr(user, "role", None) in roles)

    return check


@rules.predicate
def in_scope(user: Any, obj: Any) -> bool:
    """The record belongs to a young person the user may see (or there is no record: a role-level question)."""
    if obj is None:
        return True
    yp = young_person_of(obj)
    if yp is None:
        return False
    from people.scope import young_people_for

    return young_people_for(user).filter(pk=yp.pk).exists()


@rules.predicate
def manages_team_of(user: Any, obj: Any) -> bool:
    """A team manager acting on a record of a team they manage (or any record, for a senior manager)."""
    if getattr(user, "role", None) == R.SENIOR_MANAGER:
        return True
    if obj is None:
        return getattr(user, "role", None) == R.TEAM_MANAGER
    yp = young_person_of(obj)
    team_id = getattr(yp, "team_id", None) if yp is not None else getattr(obj, "pk", None)
    if team_id is None:
        return getattr(user, "role", None) == R.TEAM_MANAGER
    return team_id == user.team_id or user.managed_teams.filter(pk=team_id).exists()


@rules.predicate
def not_own_request(user: Any, obj: Any) -> bool:
    return obj is None or getattr(obj, "requested_by_id", None) != user.pk


@rules.predicate
def is_author(user: Any, obj: Any) -> bool:
    return obj is None or getattr(obj, "created_by_id", None) == user.pk


@rules.predicate
def allowed_team(user: Any, team: Any) -> bool:
    """May create or hold a record for ``team`` (a Team): their own or managed team; anywhere for a senior."""
    if getattr(user, "role", None) == R.SENIOR_MANAGER or team is None:
        return True
    team_id = getattr(team, "pk", team)
    return team_id == user.team_id or user.managed_teams.filter(pk=team_id).exists()


caseworker = role_is(*CASEWORKERS)
manager = role_is(*MANAGERS)
practitioner = role_is(*PRACTITIONERS)
senior = role_is(R.SENIOR_MANAGER)
housing = role_is(R.HOUSING_ADVISER)
finance = role_is(R.FINANCE_OFFICER)
analyst = role_is(R.PERFORMANCE_ANALYST)
administrator = role_is(R.ADMINISTRATOR)


def add(name: str, predicate: Any, refusal: str) -> None:
    rules.add_perm(name, predicate)
    REFUSALS[name] = refusal


# ---------------------------------------------------------------- the young person's record (people)
add("people.add_record", practitioner & allowed_team,
    "Only personal advisers, social workers and managers add records, and only for their own team")
add("people.change_record", practitioner & in_scope,
    "Only the young person's workers and their managers change the record")
add("people.change_team", manager & in_scope & manages_team_of,
    "Only a manager of the young person's team moves a case to another team")
add("people.change_care_history", practitioner & in_scope,
    "Only the young person's workers and their managers change the care history")
add("people.allocate", manager & in_scope & manages_team_of,
    "Only a manager of the young person's team allocates workers")
add("people.change_status", manager & in_scope & manages_team_of,
    "Only a manager of the young person's team steps down, re-opens or closes a record")
add("people.view_needing_pa", practitioner, "The list of young people needing a PA is for practitioners")

# ---------------------------------------------------------------- keeping in touch (contacts)
add("contacts.add_contact", (practitioner | housing) & in_scope,
    "Only the young person's workers, managers and housing advisers record contacts")
add("contacts.edit_contact", (practitioner | housing) & in_scope & is_author,
    "Only the person who recorded a contact changes it in the first 24 hours")
add("contacts.amend_contact", (practitioner | housing) & in_scope,
    "Only the young person's workers and their managers amend a contact")
add("contacts.record_effort", practitioner & in_scope,
    "Only the young person's workers and their managers record efforts to get back in touch")

# ---------------------------------------------------------------- where they live and what they do
add("accommodation.record_move", (practitioner | housing) & in_scope,
    "Only the young person's workers, managers and housing advisers record a move")
add("accommodation.record_activity", practitioner & in_scope,
    "Only the young person's workers and their managers record education, work or training")
add("accommodation.record_in_touch", practitioner & in_scope,
    "Only the young person's workers and their managers record whether we are in touch")

# ---------------------------------------------------------------- pathway plans
add("plans.change_plan", practitioner & in_scope,
    "Only the young person's workers and their managers write the plan")
add("plans.share", practitioner & in_scope, "Only the young person's workers and their managers share the plan")
add("plans.sign_off", manager & in_scope & manages_team_of,
    "Only a team manager or senior manager signs off a pathway plan")
add("plans.audit", manager & in_scope, "Only managers audit the quality of plans")
add("plans.view_audit_report", manager | analyst, "The plan quality report is for managers and analysts")

# ---------------------------------------------------------------- money
add("money.raise_request", practitioner & in_scope,
    "Only the young person's workers and their managers ask for money")
add("money.decide", manager & in_scope & manages_team_of & not_own_request,
    "Only a manager of the young person's team, who did not ask for it, decides a request")
add("money.pay", finance & in_scope, "Only finance officers mark a request paid")
add("money.export_run", finance | manager, "Only finance officers and managers export payment runs")

# ---------------------------------------------------------------- oversight, figures and returns
add("audit.view_access_history", manager & in_scope, "Access history is for managers")
add("performance.view_dashboard", manager | analyst, "The dashboard is for managers and performance analysts")
add("returns.view", manager | analyst, "Returns are for managers and performance analysts")
add("returns.export_annex_a", manager, "Ofsted Annex A names young people: it is for managers")
add("returns.export_ssda903", senior, "The SSDA903 return covers everyone: it is for the head of service")


# ---------------------------------------------------------------- safeguarding, health and circumstances (issue 14)
@rules.predicate
def allocated_to(user: Any, obj: Any) -> bool:
    """The user is a current allocated worker (PA or social worker) of the record's young person."""
    if obj is None:
        return True
    yp = young_person_of(obj)
    return yp is not None and yp.allocations.filter(worker_id=user.pk, end_date__isnull=True).exists()


# Safeguarding detail (what a concern says, oversight, the safety plan, meetings, health) is for the young person's
# allocated workers and their managers. Everyone else who may see the record (a finance officer, a housing adviser,
# a colleague in the team) sees that a concern exists, not what it says.
need_to_know = (caseworker & in_scope & allocated_to) | (manager & in_scope & manages_team_of)

add("safeguarding.raise_concern", (practitioner | housing | finance) & in_scope,
    "Only staff who work with the young person raise a concern about them")
add("safeguarding.view_detail", need_to_know,
    "Safeguarding detail is for the young person's allocated workers and their managers")
add("safeguarding.acknowledge", manager & in_scope & manages_team_of,
    "Only a manager of the young person's team acknowledges a concern")
add("safeguarding.decide", manager & in_scope & manages_team_of,
    "Only a manager of the young person's team records the decision on a concern")
add("safeguarding.start_oversight", manager & in_scope & manages_team_of,
    "Only a manager puts a young person under Head of Service oversight")
add("safeguarding.review_oversight", senior & in_scope,
    "Only a senior manager reviews a young person under Head of Service oversight")
add("safeguarding.view_oversight_list", senior, "The list of young people under oversight is for senior managers")
add("safeguarding.write_safety_plan", need_to_know,
    "Only the young person's allocated workers and their managers write the safety plan")
add("safeguarding.record_meeting", need_to_know,
    "Only the young person's allocated workers and their managers record a multi-agency meeting")
add("health.view", need_to_know, "Health records are for the young person's allocated workers and their managers")
add("health.record", need_to_know,
    "Only the young person's allocated workers and their managers record health")
add("circumstances.view", (practitioner | housing) & in_scope,
    "Circumstances are for the young person's workers, managers and housing advisers")
add("circumstances.record", practitioner & in_scope,
    "Only the young person's workers and their managers record circumstances")
add("circumstances.decide_step_down", manager & in_scope & manages_team_of,
    "Only a manager of the young person's team decides a step-down")
add("people.export_record", manager & in_scope,
    "Only a manager exports a young person's whole record (subject access or transfer)")


# ---------------------------------------------------------------- asking


def may(user: Any, permission: str, obj: Any = None) -> bool:
    """True when ``user`` may do ``permission`` to ``obj``; ``None`` is the service itself."""
    if user is None:
        return True
    if permission not in REFUSALS:
        raise KeyError(f"No rule for {permission!r}: add it to accounts/policy.py")
    return bool(user.has_perm(permission, obj))


def require(user: Any, permission: str, obj: Any = None) -> None:
    """Refuse (PermissionDenied, with the rule in words) unless ``user`` may do ``permission`` to ``obj``."""
    if not may(user, permission, obj):
        raise PermissionDenied(REFUSALS[permission])
