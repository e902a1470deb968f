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
from leavingcare.memo import remembered

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

    return remembered(("in_scope", user.pk, yp.pk), lambda: young_people_for(user).filter(pk=yp.pk).exists())


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
    return team_id == user.team_id or remembered(
        ("manages", user.pk, team_id), lambda: user.managed_teams.filter(pk=team_id).exists())


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
    return team_id == user.team_id or remembered(
        ("manages", user.pk, team_id), lambda: user.managed_teams.filter(pk=team_id).exists())


@rules.predicate
def is_own_record(user: Any, obj: Any) -> bool:
    """A young person acting on their own record (the app): the record belongs to the young person their app
    access is linked to, and that access is not suspended. ``None`` asks whether the role ever does this."""
    access = getattr(user, "app_access", None) if getattr(user, "is_authenticated", False) else None
    if access is None or not access.is_usable:
        return False
    if obj is None:
        return True
    yp = young_person_of(obj)
    return yp is not None and yp.pk == access.young_person_id


caseworker = role_is(*CASEWORKERS)
manager = role_is(*MANAGERS)
practitioner = role_is(*PRACTITIONERS)
senior = role_is(R.SENIOR_MANAGER)
housing = role_is(R.HOUSING_ADVISER)
finance = role_is(R.FINANCE_OFFICER)
analyst = role_is(R.PERFORMANCE_ANALYST)
administrator = role_is(R.ADMINISTRATOR)
young_person = role_is(R.YOUNG_PERSON)
young_person_itself = young_person & is_own_record


def add(name: str, predicate: Any, refusal: str) -> None:
    rules.add_perm(name, predicate)
    REFUSALS[name] = refusal


names = practitioner | housing | finance  # the roles that work with named records (people.scope agrees)

# ---------------------------------------------------------------- the young person's record (people)
add("people.view_list", names, "Your role sees performance figures, not named records")
add("people.view_record", names & in_scope, "This record is not one your role or team works with")
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
add("worklists.view", names, "Worklists name young people: your role sees performance figures")
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
add("money.raise_request", (practitioner & in_scope) | young_person_itself,
    "Only the young person's workers and their managers ask for money (or the young person, for themselves)")
add("money.decide", manager & in_scope & manages_team_of & not_own_request,
    "Only a manager of the young person's team, who did not ask for it, decides a request")
add("money.pay", finance & in_scope, "Only finance officers mark a request paid")
add("money.act_on_request", (manager & in_scope & manages_team_of & not_own_request) | (finance & in_scope),
    "Only a manager of the young person's team decides a request, and a finance officer pays it")
add("money.export_run", finance | manager, "Only finance officers and managers export payment runs")

# ---------------------------------------------------------------- oversight, figures and returns
add("audit.view_access_history", manager & in_scope, "Access history is for managers")
add("performance.view_dashboard", manager | analyst, "The dashboard is for managers and performance analysts")
# The young people behind a figure are named: managers (each sees those in their scope, people.scope); an analyst
# sees the figures only
add("performance.view_people", manager,
    "The young people behind a figure are named: the lists are for managers, analysts see the figures")
add("returns.view", manager | analyst, "Returns are for managers and performance analysts")
add("returns.export_annex_a", manager, "Ofsted Annex A names young people: it is for managers")
add("returns.export_ssda903", senior, "The SSDA903 return covers everyone: it is for the head of service")


# ---------------------------------------------------------------- the young person's app (youngapp)
# A young person is one more role: a User with role young_person, linked one-to-one to their record through
# youngapp.AppAccess. They act only on their own record, and only while their access is not suspended.
add("youngapp.view_own", young_person_itself, "You can only see your own record")
add("youngapp.send_message", young_person_itself, "You can only send messages about yourself")
add("youngapp.request_money", young_person_itself, "You can only ask for money for yourself")
add("youngapp.comment_plan", young_person_itself, "You can only answer your own plan")
add("youngapp.ask_for_file", young_person_itself, "You can only ask to see your own file")
add("youngapp.manage_passkeys", young_person_itself, "You can only add or remove your own passkeys")
add("youngapp.invite", practitioner & in_scope,
    "Only the young person's workers and their managers invite them to the app")
add("youngapp.suspend", practitioner & in_scope,
    "Only the young person's workers and their managers pause or restore app access")
add("youngapp.reply", practitioner & in_scope,
    "Only the young person's workers and their managers read and answer their app messages")

# ---------------------------------------------------------------- corporate parenting and scrutiny (corporate)
# The board's meetings, actions and the service's action plans hold no young person's record: managers and
# senior managers edit them, performance analysts read them and take the scrutiny report.
add("corporate.view", manager | analyst, "The Corporate Parenting Board's pages are for managers and analysts")
add("corporate.change", manager, "Only team managers and senior managers change the board's records and plans")
add("corporate.export_report", manager | analyst, "The scrutiny report is for managers and performance analysts")

# ---------------------------------------------------------------- safeguarding, health and circumstances (issue 14)
@rules.predicate
def allocated_to(user: Any, obj: Any) -> bool:
    """The user is a current allocated worker (PA or social worker) of the record's young person."""
    if obj is None:
        return True
    yp = young_person_of(obj)
    return yp is not None and remembered(
        ("allocated", user.pk, yp.pk),
        lambda: yp.allocations.filter(worker_id=user.pk, end_date__isnull=True).exists())


# Safeguarding detail (what a concern says, oversight, the safety plan, meetings, health) is for the young person's
# allocated workers and their managers. Everyone else who may see the record (a finance officer, a housing adviser,
# a colleague in the team) sees that a concern exists, not what it says.
need_to_know = (caseworker & in_scope & allocated_to) | (manager & in_scope & manages_team_of)

add("safeguarding.raise_concern", (practitioner | housing | finance) & in_scope,
    "Only staff who work with the young person raise a concern about them")
add("safeguarding.view_detail", need_to_know,
    "Safeguarding detail is for the young person's allocated workers and their managers")
add("safeguarding.acknowledge", manager & in_scope & manages_team_of,
    "Only a team manager or senior manager can acknowledge a concern, for the young person's team")
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


# ---------------------------------------------------------------- administration (issue 12: going live)
add("org.administer", administrator,
    "The administration pages (teams, hubs, local settings) are for administrators")
add("accounts.administer", administrator, "Only administrators invite, create and close staff accounts")
add("money.change_catalogue", administrator, "Only administrators change the entitlements catalogue and its rates")

# ---------------------------------------------------------------- housing
add("housing.view", housing | practitioner, "Housing pages are for housing advisers and practitioners")
add("housing.refer", (housing | practitioner) & in_scope,
    "Only housing advisers and the young person's workers and managers make a housing referral")
add("housing.manage_stock", housing | manager, "Only housing advisers and managers manage the housing stock")
add("housing.offer", (housing | manager) & in_scope, "Only housing advisers and managers offer homes")
add("housing.move_in", (housing | manager) & in_scope,
    "Only housing advisers and managers record a move into supported accommodation")
add("housing.record", (housing | practitioner) & in_scope,
    "Only housing advisers and the young person's workers and managers record Staying Put, the House Project, "
    "housing registers, bids and homelessness")
add("housing.challenge", (housing | manager) & in_scope,
    "Only housing advisers and managers challenge an intentional-homelessness decision")
add("housing.manage_cohorts", housing | manager, "Only housing advisers and managers run House Project cohorts")

# ---------------------------------------------------------------- a PA's working day (issue 13): tasks,
# case notes and chronology, documents


@rules.predicate
def owns_or_set_task(user: Any, obj: Any) -> bool:
    """The task's owner or the person who set it (or a manager of the young person's team)."""
    if obj is None:
        return True
    if user.pk in (getattr(obj, "owner_id", None), getattr(obj, "created_by_id", None)):
        return True
    return getattr(user, "role", None) in MANAGERS and bool(manages_team_of(user, obj))


add("tasks.add_task", practitioner & in_scope,
    "Only the young person's workers and their managers set tasks")
add("tasks.change_task", practitioner & in_scope & owns_or_set_task,
    "Only the task's owner, the person who set it, or a manager changes a task")
add("tasks.view_team_tasks", manager, "The team's tasks are for managers")
add("notifications.view", names | analyst | administrator, "The inbox is for staff")
add("casenotes.add_note", (practitioner | housing) & in_scope,
    "Only the young person's workers, managers and housing advisers write case notes")
add("casenotes.mark_significant", manager & in_scope & manages_team_of,
    "Only a manager of the young person's team marks a significant event")
add("casenotes.view_chronology", (practitioner | housing) & in_scope,
    "The chronology is for the young person's workers and managers")
add("documents.upload", (practitioner | housing) & in_scope,
    "Only the young person's workers, managers and housing advisers add documents")
add("documents.download", (practitioner | housing | finance) & in_scope,
    "Only staff working with the young person open their documents")
add("documents.withdraw", practitioner & in_scope & (is_author | (manager & manages_team_of)),
    "Only the person who added a document, or a manager, withdraws it")

# ---------------------------------------------------------------- participation (issue 17): hubs, events, the
# forum, the PROUD awards, and anonymous surveys. There is no participation role: the service's practitioners
# (PAs, social workers and managers) run events and the forum; the event's lead may see and mark everyone booked
# on it (they run it), everyone else sees only the young people in their own scope.


@rules.predicate
def leads_event(user: Any, obj: Any) -> bool:
    """The member of staff running the event a booking (or the event itself) belongs to."""
    if obj is None:
        return True
    event = getattr(obj, "event", obj)
    return getattr(event, "lead_id", None) == user.pk


@rules.predicate
def nominated_it(user: Any, obj: Any) -> bool:
    return obj is None or getattr(obj, "nominated_by_id", None) == user.pk


add("participation.view", practitioner, "Events, hubs and the forum are for practitioners")
add("participation.manage_events", practitioner, "Only practitioners add and change events and hub sessions")
add("participation.record_attendance", practitioner & (in_scope | leads_event),
    "Only the event's lead, or the young person's workers and managers, record attendance")
add("participation.book_for", practitioner & in_scope,
    "Only the young person's workers and their managers book a place for them")
add("participation.cancel_for", practitioner & (in_scope | leads_event),
    "Only the event's lead, or the young person's workers and managers, cancel a booking")
add("participation.view_for_record", (practitioner | housing) & in_scope,
    "A young person's events are for their workers and managers")
add("participation.book", young_person_itself, "You can only book a place for yourself")
add("participation.forum", practitioner, "The Care Leavers' Forum's records are for practitioners")
add("awards.view", practitioner | housing, "The PROUD awards are for professionals who work with young people")
add("awards.nominate", (practitioner | housing) & in_scope,
    "Only professionals who work with the young person nominate them")
add("awards.view_nomination", (practitioner | housing) & (nominated_it | (manager & in_scope & manages_team_of)),
    "A nomination is seen by the person who made it and the young person's managers")
add("awards.shortlist", manager & in_scope & manages_team_of,
    "Only a manager of the young person's team shortlists a nomination or chooses a winner")
add("awards.manage", manager, "Only managers set up a year's awards and categories")
add("surveys.view", practitioner | analyst, "Surveys and their results are for practitioners and analysts")
add("surveys.build", practitioner, "Only practitioners write surveys")
add("surveys.publish", manager, "Only managers open and close surveys")
add("surveys.post_update", manager, "Only managers publish \"You said, we did\"")
add("surveys.answer", young_person_itself, "Only a young person answers a survey, for themselves")

# ---------------------------------------------------------------- the Local Offer (issue 17)
# The Local Offer is published information, not anyone's record: every member of staff reads it (to point young
# people to it); team managers, senior managers and administrators change it (the offer is the service's, signed
# off by its managers; administrators keep it up to date when partners send changes). Young people read it in the
# app, and anyone reads it as open data at /openreferral/ (no sign-in, so no permission).
add("localoffer.view", names | analyst | administrator, "The Local Offer's staff pages are for staff")
add("localoffer.change", manager | administrator,
    "Only team managers, senior managers and administrators change the Local Offer")
