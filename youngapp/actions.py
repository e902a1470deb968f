"""Writing in the young person's app: invitations, sign-in codes, messages, plan answers, money and file requests.

Each verb asks ``accounts.policy`` (the ``youngapp.*`` permissions), validates, saves in a transaction and writes
the audit event. Sign-in verbs have no actor yet: they never say whether an address is known.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from accounts.policy import require
from accounts.roles import Role
from audit.log import record
from audit.models import Action
from leavingcare.versioning import bump, check_version
from people.models import YoungPerson
from youngapp import notify
from youngapp import rules as r
from youngapp.models import (
    MESSAGE_LIMIT,
    AccessStatus,
    AppAccess,
    FileRequest,
    Message,
    Passkey,
    PlanResponse,
    PlanResponseKind,
    SignInCode,
    SignInTry,
)

WRONG_CODE = "The code is wrong or has run out. Check the code, or ask for a new one."
TOO_MANY = f"Too many wrong codes. Wait {r.TRY_WINDOW_MINUTES} minutes, then ask for a new code."


def app_url(request: Any = None) -> str:
    if request is not None:
        return request.build_absolute_uri("/app/")
    return getattr(settings, "APP_BASE_URL", "http://127.0.0.1:8000").rstrip("/") + "/app/"


# ---------------------------------------------------------------- getting in (staff)


def _clean_address(email: str, mobile: str, access: AppAccess | None) -> tuple[str, str]:
    email, mobile = (email or "").strip().lower(), r.normalise_address(mobile or "") if mobile else ""
    errors: dict[str, str] = {}
    if not email and not mobile:
        errors["email"] = "Enter the young person's email address or mobile number"
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = "Enter an email address in the correct format, like name@example.com"
    if mobile and not r.is_mobile(mobile):
        errors["mobile"] = "Enter a UK mobile number, like 07700 900 982"
    others = AppAccess.objects.exclude(pk=getattr(access, "pk", None))
    if email and "email" not in errors and others.filter(email__iexact=email).exists():
        errors["email"] = "Another young person uses this email address. Check the address with the young person"
    if mobile and "mobile" not in errors and others.filter(mobile=mobile).exists():
        errors["mobile"] = "Another young person uses this mobile number. Check the number with the young person"
    if errors:
        raise ValidationError(errors)
    return email, mobile


@transaction.atomic
def invite(actor: Any, yp: YoungPerson, email: str = "", mobile: str = "", request: Any = None) -> AppAccess:
    """Give a young person a way in (or change the address it uses) and tell them how to sign in."""
    require(actor, "youngapp.invite", yp)
    yp = YoungPerson.objects.select_for_update().get(pk=yp.pk)
    access = AppAccess.objects.select_for_update().filter(young_person=yp).first()
    email, mobile = _clean_address(email, mobile, access)
    if yp.status != "open":
        raise ValidationError({"email": f"{yp.display_name}'s service is {yp.get_status_display().lower()}: "
                                        "only young people with an open service are invited"})
    if access is None:
        user = User(username=f"young-person-{yp.pk}", role=Role.YOUNG_PERSON, first_name=yp.first_name,
                    last_name=yp.last_name, email=email)
        user.set_unusable_password()
        user.save()
        try:
            with transaction.atomic():
                access = AppAccess.objects.create(young_person=yp, user=user, email=email, mobile=mobile,
                                                  invited_by=actor if getattr(actor, "pk", None) else None)
        except IntegrityError:  # the same address saved by someone else a moment ago
            raise ValidationError({"email": "Another young person uses this address"}) from None
        record(actor, Action.CREATE, young_person=yp, obj=access, detail={"email": email, "mobile": mobile},
               request=request)
    else:
        before = {"email": access.email, "mobile": access.mobile}
        access.email, access.mobile = email, mobile
        bump(access)
        access.save(update_fields=["email", "mobile", "version"])
        access.user.email = email
        access.user.save(update_fields=["email"])
        record(actor, Action.CHANGE, young_person=yp, obj=access, request=request, detail={
            k: {"old": v, "new": getattr(access, k)} for k, v in before.items() if v != getattr(access, k)})
    text = (f"Your personal adviser has set up the Leaving Care app for you.\n\nOpen {app_url(request)} on your "
            "phone and sign in with this email address. We will send you a code each time you sign in.")
    if email:
        notify.send_email(email, "You can now use the Leaving Care app", text)
    else:
        notify.send_sms(mobile, f"You can now use the Leaving Care app: {app_url(request)} Sign in with this "
                                "mobile number.")
    return access


@transaction.atomic
def set_suspended(actor: Any, access: AppAccess, suspended: bool, reason: str = "", version: int | None = None,
                  request: Any = None) -> AppAccess:
    """Pause a young person's access (a lost phone) or give it back. Pausing signs them out everywhere."""
    access = AppAccess.objects.select_for_update().select_related("young_person").get(pk=access.pk)
    require(actor, "youngapp.suspend", access.young_person)
    check_version(access, version, "app access")
    if suspended and not reason.strip():
        raise ValidationError({"reason": "Say why access is being paused, for example a lost phone"})
    old = access.status
    new = AccessStatus.SUSPENDED if suspended else (AccessStatus.ACTIVE if access.first_signed_in_at
                                                    else AccessStatus.INVITED)
    access.status, access.status_reason = new, reason.strip()
    bump(access)
    access.save(update_fields=["status", "status_reason", "version"])
    if suspended:
        _end_sessions(access.user_id)
    record(actor, Action.CHANGE, young_person=access.young_person, obj=access, request=request,
           detail={"status": {"old": old, "new": new}, "reason": reason,
                   "version": {"old": access.version - 1, "new": access.version}})
    return access


def _end_sessions(user_id: int) -> None:
    from django.contrib.sessions.models import Session

    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            session.delete()


# ---------------------------------------------------------------- getting in (the young person)


def _find_access(address: str) -> AppAccess | None:
    value = r.normalise_address(address)
    if not value:
        return None
    return (AppAccess.objects.select_related("user", "young_person")
            .filter(Q(email__iexact=value) if "@" in value else Q(mobile=value)).first())


def _recent(address_hash: str, kind: str) -> int:
    since = timezone.now() - dt.timedelta(minutes=r.TRY_WINDOW_MINUTES)
    return SignInTry.objects.filter(address_hash=address_hash, kind=kind, at__gte=since).count()


@transaction.atomic
def send_code(address: str, request: Any = None) -> None:
    """Send a one-time code if the address belongs to a young person whose access is not paused. The caller
    shows the same page whatever happens, so nobody learns whether an address is known."""
    key = r.hash_address(settings.SECRET_KEY, address)
    too_many = _recent(key, "ask") >= r.MAX_ASKS_IN_WINDOW
    SignInTry.objects.create(address_hash=key, kind="ask")
    access = _find_access(address)
    if access is None or not access.is_usable or access.young_person.status != "open" or too_many:
        if access is not None:
            record(access.user, Action.DENIED, young_person=access.young_person, object_type="app:code",
                   detail={"reason": "paused" if not access.is_usable else "too many" if too_many else "closed"},
                   request=request)
        return
    code = f"{secrets.randbelow(1_000_000):06d}"
    now = timezone.now()
    access.codes.filter(used_at__isnull=True).update(used_at=now)  # only the newest code works
    SignInCode.objects.create(access=access, code_hash=r.hash_code(settings.SECRET_KEY, access.pk, code),
                              expires_at=now + dt.timedelta(minutes=r.CODE_MINUTES))
    text = (f"Your Leaving Care app code is {code}\n\nIt works for {r.CODE_MINUTES} minutes. "
            "If you did not ask for it, you can ignore this message. Never share this code with anyone.")
    if "@" in r.normalise_address(address):
        notify.send_email(access.email, f"Your code is {code}", text)
    else:
        notify.send_sms(access.mobile, text)
    record(access.user, Action.SIGN_IN, young_person=access.young_person, object_type="app:code_sent",
           request=request)


def check_code(address: str, typed: str, request: Any = None) -> User:
    """The young person's user when ``typed`` is the live code for ``address``; otherwise a ValidationError on
    "code" that says the same for unknown addresses, wrong codes and codes that have run out. Wrong tries are
    saved before the refusal is raised (outside the transaction), so they count."""
    key = r.hash_address(settings.SECRET_KEY, address)
    if _recent(key, "wrong") >= r.MAX_WRONG_IN_WINDOW:
        raise ValidationError({"code": TOO_MANY})
    with transaction.atomic():
        user = _use_code(key, address, typed, request)
    if user is None:
        raise ValidationError({"code": WRONG_CODE})
    return user


def _use_code(key: str, address: str, typed: str, request: Any) -> User | None:
    access = _find_access(address)
    now = timezone.now()
    code = None
    if access is not None:
        code = (SignInCode.objects.select_for_update().filter(access=access, used_at__isnull=True,
                                                              expires_at__gt=now).first())
    if (access is None or code is None or not access.is_usable
            or not r.codes_match(code.code_hash, settings.SECRET_KEY, access.pk, typed)):
        SignInTry.objects.create(address_hash=key, kind="wrong")
        if code is not None:
            code.wrong_tries += 1
            if code.wrong_tries >= r.CODE_WRONG_TRIES:
                code.used_at = now  # burnt: ask for a new one
            code.save(update_fields=["wrong_tries", "used_at"])
        if access is not None:
            record(access.user, Action.DENIED, young_person=access.young_person, object_type="app:sign_in",
                   request=request)
        return None
    code.used_at = now
    code.save(update_fields=["used_at"])
    access = AppAccess.objects.select_for_update().get(pk=access.pk)
    if access.status == AccessStatus.INVITED:
        access.status = AccessStatus.ACTIVE
        access.first_signed_in_at = now
    access.last_signed_in_at = now
    access.save(update_fields=["status", "first_signed_in_at", "last_signed_in_at"])
    record(access.user, Action.SIGN_IN, young_person=access.young_person, obj=access, object_type="app:sign_in",
           request=request)
    return access.user


# ---------------------------------------------------------------- messages


@transaction.atomic
def send_message(actor: Any, yp: YoungPerson, body: str, client_key: str = "", request: Any = None) -> Message:
    """A message from the young person to their PA, or from staff to the young person. The young person is
    told only that there is a message, never what it says."""
    from_yp = getattr(actor, "role", None) == Role.YOUNG_PERSON
    require(actor, "youngapp.send_message" if from_yp else "youngapp.reply", yp)
    text = (body or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"body": "Write your message" if from_yp else "Enter the message"})
    if len(text) > MESSAGE_LIMIT:
        raise ValidationError({"body": f"Your message must be {MESSAGE_LIMIT:,} characters or fewer. "
                                       f"It has {len(text):,} characters."})
    key = (client_key or "").strip()[:64] or None
    if key:
        existing = Message.objects.filter(client_key=key, young_person=yp, author=actor).first()
        if existing:
            return existing
    message = Message.objects.create(young_person=yp, author=actor, from_young_person=from_yp, body=text,
                                     client_key=key)
    record(actor, Action.CREATE, young_person=yp, obj=message, detail={"length": len(text)}, request=request)
    if from_yp:
        from notifications.events import young_person_message

        young_person_message(message, actor)
    else:
        Message.objects.filter(young_person=yp, from_young_person=True, answered_at__isnull=True).update(
            answered_at=timezone.now())
        access = AppAccess.objects.filter(young_person=yp).first()
        if access and access.is_usable:
            notice = f"You have a new message in the Leaving Care app. Open {app_url(request)} to read it."
            if access.email:
                notify.send_email(access.email, "You have a message", notice)
            elif access.mobile:
                notify.send_sms(access.mobile, notice)
    return message


def mark_read(actor: Any, yp: YoungPerson) -> int:
    """Messages to ``actor`` about ``yp`` are read (a young person reads staff's; staff read the young person's)."""
    from_yp = getattr(actor, "role", None) != Role.YOUNG_PERSON
    require(actor, "youngapp.reply" if from_yp else "youngapp.view_own", yp)
    return Message.objects.filter(young_person=yp, from_young_person=from_yp, read_at__isnull=True).update(
        read_at=timezone.now())


# ---------------------------------------------------------------- the plan


@transaction.atomic
def comment_on_plan(actor: Any, plan: Any, text: str, area: Any = None, request: Any = None) -> PlanResponse:
    require(actor, "youngapp.comment_plan", plan)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Write your comment"})
    if len(text) > MESSAGE_LIMIT:
        raise ValidationError({"text": f"Your comment must be {MESSAGE_LIMIT:,} characters or fewer. "
                                       f"It has {len(text):,} characters."})
    if area is not None and area.plan_id != plan.pk:
        raise ValidationError({"area": "Choose a part of your plan"})
    made = PlanResponse.objects.create(plan=plan, area=area, kind=PlanResponseKind.COMMENT, text=text,
                                       created_by=actor)
    record(actor, Action.CREATE, young_person=plan.young_person, obj=made,
           detail={"kind": "comment", "area": getattr(area, "area", "")}, request=request)
    return made


@transaction.atomic
def answer_plan(actor: Any, plan: Any, agrees: bool | None, views: str, request: Any = None) -> PlanResponse:
    """Whether the young person agrees with their plan, and what they think, recorded on the plan as theirs."""
    from plans.actions import record_young_person_views

    require(actor, "youngapp.comment_plan", plan)
    if agrees is None:
        raise ValidationError({"agrees": "Say whether you agree with your plan"})
    if len(views or "") > MESSAGE_LIMIT * 4:
        raise ValidationError({"views": f"What you think must be {MESSAGE_LIMIT * 4:,} characters or fewer"})
    record_young_person_views(actor, plan, views.strip(), agrees, request=request)
    made = PlanResponse.objects.create(plan=plan, kind=PlanResponseKind.AGREE if agrees else PlanResponseKind.DISAGREE,
                                       text=views.strip(), created_by=actor)
    return made


@transaction.atomic
def ask_for_review(actor: Any, plan: Any, reason: str, request: Any = None) -> PlanResponse:
    require(actor, "youngapp.comment_plan", plan)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Tell your PA what has changed or why you want a review"})
    if len(reason) > MESSAGE_LIMIT:
        raise ValidationError({"reason": f"This must be {MESSAGE_LIMIT:,} characters or fewer"})
    if PlanResponse.objects.filter(plan=plan, kind=PlanResponseKind.REVIEW, dealt_with_at__isnull=True).exists():
        raise ValidationError({"reason": "You have already asked for a review. Your PA will be in touch"})
    made = PlanResponse.objects.create(plan=plan, kind=PlanResponseKind.REVIEW, text=reason, created_by=actor)
    record(actor, Action.CREATE, young_person=plan.young_person, obj=made, detail={"kind": "review"},
           request=request)
    return made


# ---------------------------------------------------------------- money and the file


def request_money(actor: Any, yp: YoungPerson, code: str, amount: Any, reason: str, request: Any = None) -> Any:
    """Ask for money for oneself: the request enters the staff approval flow (money.actions.raise_request)."""
    from money.actions import raise_request
    from youngapp.queries import askable

    require(actor, "youngapp.request_money", yp)
    offer = {o.code: o for o in askable(yp, timezone.localdate())}.get(code or "")
    if offer is None:
        raise ValidationError({"entitlement": "Choose what the money is for"})
    from money.models import Entitlement

    return raise_request(actor, yp, Entitlement.objects.get(code=offer.code), amount, reason, request=request)


@transaction.atomic
def ask_for_file(actor: Any, yp: YoungPerson, pa_helps: bool | None, note: str = "",
                 request: Any = None) -> FileRequest:
    require(actor, "youngapp.ask_for_file", yp)
    if pa_helps is None:
        raise ValidationError({"pa_helps": "Say whether you want your PA to help you read your file"})
    if len(note or "") > MESSAGE_LIMIT:
        raise ValidationError({"note": f"This must be {MESSAGE_LIMIT:,} characters or fewer"})
    made = FileRequest.objects.create(young_person=yp, pa_helps=pa_helps, note=(note or "").strip(),
                                      created_by=actor)
    record(actor, Action.CREATE, young_person=yp, obj=made, detail={"pa_helps": pa_helps}, request=request)
    return made


@transaction.atomic
def deal_with(actor: Any, item: PlanResponse | FileRequest, request: Any = None) -> Any:
    """Staff mark a review request or a file request dealt with: it leaves the worklist."""
    yp = item.young_person if isinstance(item, FileRequest) else item.plan.young_person
    require(actor, "youngapp.reply", yp)
    item = type(item).objects.select_for_update().get(pk=item.pk)
    if item.dealt_with_at is None:
        item.dealt_with_at, item.dealt_with_by = timezone.now(), actor
        item.save(update_fields=["dealt_with_at", "dealt_with_by"])
        record(actor, Action.CHANGE, young_person=yp, obj=item, detail={"dealt_with": {"old": None, "new": True}},
               request=request)
    return item


# ---------------------------------------------------------------- passkeys


MAX_PASSKEYS = 10
PASSKEY_PAUSED = "Your app is paused. Talk to your PA or call the duty team to turn it back on."


@transaction.atomic
def add_passkey(actor: Any, name: str, new: Any, request: Any = None) -> Passkey:
    """Keep a passkey the young person just made on their phone (``passkeys.registered`` checked it)."""
    access = AppAccess.objects.select_for_update().select_related("young_person").get(user=actor)
    require(actor, "youngapp.manage_passkeys", access.young_person)
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Give your passkey a name, like the phone it is on"})
    if len(name) > 60:
        raise ValidationError({"name": "The name must be 60 characters or fewer"})
    if access.passkeys.filter(removed_at__isnull=True).count() >= MAX_PASSKEYS:
        raise ValidationError({"name": f"You can have up to {MAX_PASSKEYS} passkeys. Remove one you no longer "
                                       "use first"})
    if Passkey.objects.filter(credential_id=new.credential_id).exists():
        raise ValidationError({"name": "This passkey is already added"})
    key = Passkey.objects.create(access=access, name=name, credential_id=new.credential_id,
                                 credential=new.credential, sign_count=new.sign_count)
    record(actor, Action.CREATE, young_person=access.young_person, obj=key, detail={"name": name},
           request=request)
    return key


@transaction.atomic
def remove_passkey(actor: Any, key: Passkey, request: Any = None) -> Passkey:
    """Stop a passkey working (a phone given away). The row is kept, marked removed."""
    key = Passkey.objects.select_for_update().select_related("access__young_person").get(pk=key.pk)
    require(actor, "youngapp.manage_passkeys", key.access.young_person)
    if key.access.user_id != getattr(actor, "pk", None):
        raise ValidationError({"passkey": "You can only remove your own passkeys"})
    if key.removed_at is None:
        key.removed_at = timezone.now()
        key.save(update_fields=["removed_at"])
        record(actor, Action.CHANGE, young_person=key.access.young_person, obj=key, request=request,
               detail={"removed_at": {"old": None, "new": key.removed_at.isoformat()}, "name": key.name})
    return key


def sign_in_with_passkey(response: Any, request: Any, only_user: Any = None) -> User:
    """The young person whose passkey made ``response`` (checked against the challenge in the session), or a
    ValidationError on "credential". ``only_user``: checking again it is the signed-in young person. Refusals
    are audit-logged against the young person when the passkey is theirs, outside the transaction."""
    from youngapp import passkeys

    claimed = passkeys.claimed_id(response)
    key = (Passkey.objects.select_related("access__user", "access__young_person")
           .filter(credential_id=claimed, removed_at__isnull=True).first())
    if key is None:
        request.session.pop(passkeys.AUTHENTICATION_STATE, None)
        raise ValidationError({"credential": passkeys.NOT_SIGNED_IN})
    access = key.access
    reason = ""
    try:
        counter = passkeys.verified(request, key.credential, response)
    except ValidationError:
        reason = "did not verify"
    else:
        if not passkeys.counter_ok(key.sign_count, counter):
            reason = "counter went back: a copied passkey?"
        elif not access.is_usable or access.young_person.status != "open":
            reason = "paused" if not access.is_usable else "closed"
        elif only_user is not None and access.user_id != only_user.pk:
            reason = "another young person's passkey"
    if reason:
        record(access.user, Action.DENIED, young_person=access.young_person, obj=key, object_type="app:passkey",
               detail={"reason": reason}, request=request)
        raise ValidationError({"credential": PASSKEY_PAUSED if reason in ("paused", "closed")
                               else passkeys.NOT_SIGNED_IN})
    now = timezone.now()
    with transaction.atomic():
        key = Passkey.objects.select_for_update().get(pk=key.pk)
        before = {"sign_count": key.sign_count, "last_used_at": key.last_used_at}
        key.sign_count, key.last_used_at = counter, now
        key.save(update_fields=["sign_count", "last_used_at"])
        access = AppAccess.objects.select_for_update().get(pk=access.pk)
        if access.status == AccessStatus.INVITED:
            access.status, access.first_signed_in_at = AccessStatus.ACTIVE, now
        access.last_signed_in_at = now
        access.save(update_fields=["status", "first_signed_in_at", "last_signed_in_at"])
        record(access.user, Action.SIGN_IN, young_person=access.young_person, obj=key, object_type="app:passkey",
               request=request, detail={"passkey": key.name, "checked_again": only_user is not None,
                                        "sign_count": {"old": before["sign_count"], "new": counter}})
    return access.user
