"""The write path for staff accounts: invite one by email, create many from a CSV, close an account.

An invited member of staff gets an email with a link to set their own password, made with Django's password
reset token machinery (the token is void once the password is set, and after PASSWORD_RESET_TIMEOUT). Nobody
types or sees anyone else's password. Every change asks the policy (``accounts.administer``) and is audit-logged.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User
from accounts.policy import require
from accounts.roles import Role
from audit.log import field_changes, record
from audit.models import Action
from org.models import Team

CSV_COLUMNS = ["email", "first_name", "last_name", "role", "team", "staff_id"]
ROLE_NAMES = {**{r.value: r.value for r in Role}, **{r.label.lower(): r.value for r in Role}}


@dataclass(frozen=True)
class Invitation:
    email: str
    first_name: str
    last_name: str
    role: str
    team: Team | None
    staff_id: str = ""
    job_title: str = ""


def set_password_link(user: User, base_url: str = "") -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return f"{base_url}{reverse('accounts:set_password', args=[uid, token])}"


def check_invitation(inv: Invitation, taken_emails: set[str] | None = None,
                     taken_ids: set[str] | None = None) -> dict[str, str]:
    """Problems with one invitation, by field name; empty when it is good."""
    problems: dict[str, str] = {}
    email = inv.email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        problems["email"] = "Enter an email address in the correct format, like name@example.gov.uk"
    else:
        if email in (taken_emails or set()) or User.objects.filter(email__iexact=email).exists() \
                or User.objects.filter(username__iexact=email).exists():
            problems["email"] = f"There is already a staff account for {email}"
    if not inv.first_name.strip():
        problems["first_name"] = "Enter the first name"
    if not inv.last_name.strip():
        problems["last_name"] = "Enter the last name"
    if inv.role not in Role.values:
        problems["role"] = "Select the role"
    if inv.team is not None and not inv.team.active:
        problems["team"] = f"{inv.team} is closed"
    if inv.role in (Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER) and inv.team is None:
        problems["team"] = "Select the team (personal advisers, social workers and team managers belong to one)"
    staff_id = inv.staff_id.strip()
    if staff_id and (staff_id in (taken_ids or set()) or User.objects.filter(staff_id=staff_id).exists()):
        problems["staff_id"] = f"Staff ID {staff_id} is already used"
    return problems


def _create(actor: Any, inv: Invitation, base_url: str, request: Any) -> User:
    email = inv.email.strip().lower()
    user = User(username=email, email=email, first_name=inv.first_name.strip(), last_name=inv.last_name.strip(),
                role=inv.role, team=inv.team, staff_id=inv.staff_id.strip() or None, job_title=inv.job_title.strip())
    user.set_unusable_password()
    user.save()
    if inv.role == Role.TEAM_MANAGER and inv.team is not None:
        user.managed_teams.add(inv.team)
    record(actor, Action.CREATE, obj=user, request=request,
           detail={"email": email, "role": inv.role, "team": str(inv.team) if inv.team else None,
                   "staff_id": user.staff_id, "invited": True})
    link = set_password_link(user, base_url)
    transaction.on_commit(lambda: send_mail(
        "Your Leaving Care account",
        f"Hello {user.first_name},\n\nAn account has been made for you on the Leaving Care service. Set your "
        f"password here (the link works once, for {settings.PASSWORD_RESET_TIMEOUT // 86400} days):\n\n{link}\n\n"
        f"Your sign-in name is {email}.\n",
        None, [email]))
    return user


@transaction.atomic
def invite_staff(actor: Any, inv: Invitation, base_url: str = "", request: Any = None) -> User:
    """Create a staff account with no password and email its owner a link to set one."""
    require(actor, "accounts.administer")
    problems = check_invitation(inv)
    if problems:
        raise ValidationError(problems)
    return _create(actor, inv, base_url, request)


def parse_staff_csv(text: str) -> tuple[list[Invitation], list[str]]:
    """Invitations from CSV text with the columns ``CSV_COLUMNS`` (a header row first), and every problem
    found, each naming its row and column: "row 3, email: ..."."""
    problems: list[str] = []
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS[:5] if c not in header]
    if missing:
        return [], [f"row 1: missing columns {', '.join(missing)} (the columns are {', '.join(CSV_COLUMNS)})"]
    teams = {t.name.lower(): t for t in Team.objects.all()}
    invitations: list[Invitation] = []
    emails: set[str] = set()
    ids: set[str] = set()
    for n, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        if not any(row.values()):
            continue
        role = ROLE_NAMES.get(row.get("role", "").lower(), row.get("role", ""))
        team_name = row.get("team", "")
        team = teams.get(team_name.lower()) if team_name else None
        found: dict[str, str] = {}
        if team_name and team is None:
            found["team"] = f"there is no team called {team_name!r}"
        inv = Invitation(row.get("email", ""), row.get("first_name", ""), row.get("last_name", ""), role, team,
                         row.get("staff_id", ""))
        for field, message in check_invitation(inv, emails, ids).items():
            found.setdefault(field, message[:1].lower() + message[1:])
        if role not in Role.values:
            found["role"] = f"{row.get('role', '')!r} is not a role (use one of: {', '.join(Role.values)})"
        problems += [f"row {n}, {field}: {message}" for field, message in found.items()]
        emails.add(inv.email.strip().lower())
        if inv.staff_id.strip():
            ids.add(inv.staff_id.strip())
        invitations.append(inv)
    if not invitations and not problems:
        problems.append("row 2: the file has no staff in it")
    return invitations, problems


@transaction.atomic
def create_staff_from_csv(actor: Any, text: str, base_url: str = "", request: Any = None) -> list[User]:
    """All or nothing: every row is checked first; one bad row and no account is made (ValidationError on
    ``file`` listing each problem by row number). Each new account is invited by email."""
    require(actor, "accounts.administer")
    invitations, problems = parse_staff_csv(text)
    if problems:
        raise ValidationError({"file": problems})
    return [_create(actor, inv, base_url, request) for inv in invitations]


@transaction.atomic
def set_active(actor: Any, user: User | int, active: bool, request: Any = None) -> User:
    """Close (or re-open) a staff account; nothing is deleted. An administrator cannot close their own."""
    require(actor, "accounts.administer")
    stored = User.objects.select_for_update().get(pk=getattr(user, "pk", user))
    if stored.pk == getattr(actor, "pk", None):
        raise ValidationError({"is_active": "You cannot close your own account"})
    if stored.is_active == active:
        raise ValidationError({"is_active": "The account is already " + ("open" if active else "closed")})
    before = {"is_active": stored.is_active}
    stored.is_active = active
    stored.save(update_fields=["is_active"])
    record(actor, Action.CHANGE, obj=stored, request=request, detail=field_changes(before, {"is_active": active}))
    return stored


