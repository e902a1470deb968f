"""The young person's app (/app/) and the few staff pages about it (/app/staff/). Views are thin: reads through
``youngapp.queries`` (a young person sees only their own record), writes through ``youngapp.actions``."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.policy import may
from accounts.roles import Role
from audit.log import viewed
from contacts.models import Contact
from leavingcare.forms import apply_errors
from org.config import setting
from people.scope import get_young_person_or_404
from plans.actions import complete_own_action
from plans.areas import BY_KEY
from plans.models import PlanAction, PlanArea
from worklists.due import next_due_for
from youngapp import actions, passkeys, queries
from youngapp import rules as r
from youngapp.forms import (
    AddressForm,
    AnswerForm,
    CodeForm,
    CommentForm,
    FileForm,
    InviteForm,
    MessageForm,
    MoneyForm,
    PasskeyForm,
    PasskeySignInForm,
    ReplyForm,
    ReviewForm,
    SuspendForm,
)
from youngapp.models import MESSAGE_LIMIT, AppAccess, FileRequest, Message, Passkey, PlanResponse

SESSION_CODE_AT = "app_code_at"
SESSION_ADDRESS = "app_address"


def young_person_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in as a young person whose access is not paused; staff are shown that this is not their app."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('youngapp:sign_in')}?next={request.path}")
        if getattr(user, "role", None) != Role.YOUNG_PERSON:
            return render(request, "youngapp/staff_here.html", status=403)
        access = getattr(user, "app_access", None)
        if access is None or not access.is_usable:
            logout(request)
            messages.info(request, "Your app is paused. Talk to your PA or call the duty team to turn it back on.")
            return redirect("youngapp:sign_in")
        return view(request, *args, **kwargs)

    return wrapper


def needs_new_code(request: HttpRequest) -> bool:
    return r.recheck_due(request.session.get(SESSION_CODE_AT), time.time())


def _next(request: HttpRequest, default: str = "youngapp:home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/app/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse(default)


def _render(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    forms = [v for v in context.values() if hasattr(v, "errors") and hasattr(v, "is_bound")]
    context.setdefault("error_title", any(f.is_bound and f.errors for f in forms))
    return render(request, template, context, status=status)


# ---------------------------------------------------------------- getting in


@never_cache
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated and getattr(request.user, "role", None) == Role.YOUNG_PERSON:
        return redirect("youngapp:home")
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = r.normalise_address(form.cleaned_data["address"])
        if "@" not in address and not r.is_mobile(address):
            form.add_error("address", "Enter an email address like name@example.com, or a mobile number like "
                                      "07700 900 982")
        else:
            actions.send_code(address, request=request)
            request.session[SESSION_ADDRESS] = address
            return redirect(f"{reverse('youngapp:code')}?next={_next(request)}")
    return _render(request, "youngapp/sign_in.html", {"form": form, "next": _next(request),
                                                      "passkey_form": PasskeySignInForm()})


@never_cache
def code(request: HttpRequest) -> HttpResponse:
    address = request.session.get(SESSION_ADDRESS)
    if not address:
        return redirect("youngapp:sign_in")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.check_code(address, form.cleaned_data["code"], request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            target = _next(request)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            request.session.set_expiry(r.SESSION_DAYS * 24 * 3600)
            request.session[SESSION_CODE_AT] = time.time()
            return redirect(target)
    return _render(request, "youngapp/code.html", {"form": form, "address": address, "next": _next(request)})


@young_person_only
@never_cache
def check_again(request: HttpRequest) -> HttpResponse:
    """Ask for a new code before a message or a money request, when the last one was a while ago."""
    access = request.user.app_access
    address = access.email or access.mobile
    form = CodeForm(request.POST or None)
    if request.method == "GET" or request.POST.get("resend"):
        actions.send_code(address, request=request)
        form = CodeForm()
    elif form.is_valid():
        try:
            actions.check_code(address, form.cleaned_data["code"], request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            request.session[SESSION_CODE_AT] = time.time()
            return redirect(_next(request))
    return _render(request, "youngapp/check.html", {
        "form": form, "next": _next(request), "where": "email" if access.email else "phone",
        "passkey_form": PasskeySignInForm(),
        "has_passkey": access.passkeys.filter(removed_at__isnull=True).exists()})


def _credential(form: Any) -> Any:
    """The phone's answer, as the page's script put it in the hidden field (JSON)."""
    try:
        return json.loads(form.cleaned_data.get("credential") or "")
    except ValueError:
        return None


@require_POST
def passkey_options(request: HttpRequest) -> JsonResponse:
    """A challenge for signing in with a passkey (or, signed in, for checking again it is them)."""
    user = request.user
    if user.is_authenticated and getattr(user, "role", None) == Role.YOUNG_PERSON:
        keys = list(Passkey.objects.filter(access__user=user, removed_at__isnull=True)
                    .values_list("credential", flat=True))
        return JsonResponse(passkeys.authentication_options(request, keys or None))
    if user.is_authenticated:
        return JsonResponse({"detail": "This is the young person's app"}, status=403)
    return JsonResponse(passkeys.authentication_options(request))


@never_cache
@require_POST
def passkey_sign_in(request: HttpRequest) -> HttpResponse:
    """Sign in (or check again) with a passkey: the form the page's script fills with the phone's answer."""
    form = PasskeySignInForm(request.POST)
    signed_in = request.user.is_authenticated and getattr(request.user, "role", None) == Role.YOUNG_PERSON
    if request.user.is_authenticated and not signed_in:
        return render(request, "youngapp/staff_here.html", status=403)
    if form.is_valid():
        try:
            user = actions.sign_in_with_passkey(_credential(form), request,
                                                only_user=request.user if signed_in else None)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            target = _next(request)
            if not signed_in:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                request.session.set_expiry(r.SESSION_DAYS * 24 * 3600)
            request.session[SESSION_CODE_AT] = time.time()  # a passkey with face, fingerprint or PIN: checked
            return redirect(target)
    if signed_in:
        access = request.user.app_access
        return _render(request, "youngapp/check.html", {
            "form": CodeForm(), "passkey_form": form, "next": _next(request), "has_passkey": True,
            "where": "email" if access.email else "phone"}, status=400)
    return _render(request, "youngapp/sign_in.html", {"form": AddressForm(), "passkey_form": form,
                                                      "next": _next(request)}, status=400)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("youngapp:sign_in")


# ---------------------------------------------------------------- the pages


def _base(request: HttpRequest, yp: Any, what: str) -> dict[str, Any]:
    viewed(request.user, yp, f"app:{what}", request=request)
    unread = Message.objects.filter(young_person=yp, from_young_person=False, read_at__isnull=True).count()
    return {"yp": yp, "unread": unread, "section": what}


@young_person_only
def home(request: HttpRequest) -> HttpResponse:
    yp = queries.own_record(request.user)
    today = timezone.localdate()
    due = {d.kind: d for d in next_due_for(yp, today)}
    plan = queries.current_plan(yp)
    coming = []
    if "pa_contact" in due:
        coming.append((due["pa_contact"].due, "Your PA will be in touch with you by this date"))
    if "pathway_plan_review" in due:
        coming.append((due["pathway_plan_review"].due, "Your plan will be looked at again with you"))
    if plan is not None:
        for act in PlanAction.objects.filter(area__plan=plan).exclude(status="done").order_by("by_when")[:3]:
            coming.append((act.by_when, f"{act.what} ({act.who})"))
    nxt = queries.money_for(yp, today)["ahead"][:1]
    for change in nxt:
        coming.append((change.on, f"You turn {change.age}: some of your money changes"))
    return render(request, "youngapp/home.html", {
        **_base(request, yp, "home"), "pa": queries.current_pa(yp), "meet": due.get("pa_contact"),
        "coming": sorted(coming, key=lambda c: c[0])[:6], "plan_to_answer": plan and plan.status == "shared",
        "duty": setting("app_duty_team"), "crisis": setting("app_crisis_lines")})


def _plan_context(request: HttpRequest, yp: Any, plan: Any) -> dict[str, Any]:
    areas = []
    if plan is not None:
        for area in PlanArea.objects.filter(plan=plan).prefetch_related("actions"):
            info = BY_KEY.get(area.area)
            areas.append({"obj": area, "title": info.title if info else area.area,
                          "prompt": info.prompt if info else "",
                          "actions": [(a, r.is_own_action(a.who, yp.first_name, yp.preferred_name))
                                      for a in area.actions.all()]})
    return {"plan": plan, "areas": areas,
            "responses": PlanResponse.objects.filter(plan=plan).select_related("area") if plan else []}


@young_person_only
def plan(request: HttpRequest) -> HttpResponse:
    yp = queries.own_record(request.user)
    current = queries.current_plan(yp)
    comment = CommentForm()
    comment.fields["area"].choices = [("", "The whole plan")] + [
        (a.pk, BY_KEY[a.area].title if a.area in BY_KEY else a.area)
        for a in PlanArea.objects.filter(plan=current)] if current else []
    return render(request, "youngapp/plan.html", {
        **_base(request, yp, "plan"), **_plan_context(request, yp, current), "comment_form": comment,
        "answer_form": AnswerForm(), "review_form": ReviewForm()})


@young_person_only
def plan_post(request: HttpRequest, what: str) -> HttpResponse:
    """Mark own action done, comment, answer (agree or not) or ask for a review."""
    yp = queries.own_record(request.user)
    current = queries.current_plan(yp)
    if current is None or request.method != "POST":
        return redirect("youngapp:plan")
    forms = {"comment": CommentForm, "answer": AnswerForm, "review": ReviewForm}
    if what not in forms:
        return redirect("youngapp:plan")
    form = forms[what](request.POST)
    if what == "comment":
        form.fields["area"].choices = [("", "The whole plan")] + [
            (str(a.pk), a.area) for a in PlanArea.objects.filter(plan=current)]
    if form.is_valid():
        d = form.cleaned_data
        try:
            if what == "comment":
                area = PlanArea.objects.filter(plan=current, pk=d["area"]).first() if d["area"] else None
                actions.comment_on_plan(request.user, current, d["text"], area, request=request)
                messages.success(request, "Thanks. Your comment has been sent to your PA")
            elif what == "answer":
                actions.answer_plan(request.user, current, d["agrees"], d["views"], request=request)
                messages.success(request, "Thanks. What you said is now part of your plan")
            else:
                actions.ask_for_review(request.user, current, d["reason"], request=request)
                messages.success(request, "Your PA has been asked to look at your plan again with you")
            return redirect("youngapp:plan")
        except ValidationError as error:
            apply_errors(form, error)
    context = {**_base(request, yp, "plan"), **_plan_context(request, yp, current),
               "comment_form": CommentForm(), "answer_form": AnswerForm(), "review_form": ReviewForm(),
               f"{what}_form": form, "error_title": True}
    if what != "comment":
        context["comment_form"].fields["area"].choices = [("", "The whole plan")]
    return render(request, "youngapp/plan.html", context)


@young_person_only
@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    act = queries.own_or_404(request.user, PlanAction.objects.select_related("area__plan"), pk,
                             via="area__plan__young_person", request=request)
    try:
        complete_own_action(request.user, act, request=request)
        messages.success(request, f"Well done: '{act.what}' is marked as done")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("youngapp:plan")


@young_person_only
def money(request: HttpRequest) -> HttpResponse:
    yp = queries.own_record(request.user)
    today = timezone.localdate()
    return render(request, "youngapp/money.html", {**_base(request, yp, "money"),
                                                   **queries.money_for(yp, today), "age": yp.age(today)})


@young_person_only
def money_ask(request: HttpRequest) -> HttpResponse:
    yp = queries.own_record(request.user)
    if needs_new_code(request):
        return redirect(f"{reverse('youngapp:check')}?next={request.path}")
    offers = queries.askable(yp, timezone.localdate())
    form = MoneyForm(request.POST or None)
    form.fields["entitlement"].choices = [(o.code, f"{o.name}: {o.description}") for o in offers]
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            actions.request_money(request.user, yp, d["entitlement"], d["amount"], d["reason"], request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Your request has been sent. You can see what is happening with it below")
            return redirect("youngapp:money")
    return _render(request, "youngapp/money_ask.html", {**_base(request, yp, "money"), "form": form,
                                                        "offers": offers})


@young_person_only
def conversation(request: HttpRequest) -> HttpResponse:
    yp = queries.own_record(request.user)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if needs_new_code(request):
            messages.info(request, "For your safety, enter a new code before sending. Your message is kept below")
            request.session["app_draft"] = request.POST.get("body", "")[:MESSAGE_LIMIT * 3]
            return redirect(f"{reverse('youngapp:check')}?next={request.path}")
        if form.is_valid():
            try:
                actions.send_message(request.user, yp, form.cleaned_data["body"],
                                     request.POST.get("client_key", ""), request=request)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, "Message sent to your PA")
                return redirect("youngapp:messages")
    elif request.session.get("app_draft"):
        form = MessageForm(initial={"body": request.session.pop("app_draft")})
    actions.mark_read(request.user, yp)
    return _render(request, "youngapp/messages.html", {
        **_base(request, yp, "messages"), "form": form, "pa": queries.current_pa(yp), "limit": MESSAGE_LIMIT,
        "thread": Message.objects.filter(young_person=yp).select_related("author").order_by("sent_at", "pk")})


@young_person_only
@require_POST
def send_queued(request: HttpRequest) -> JsonResponse:
    """A message written offline and kept in the browser (static/youngapp/messages.js), sent when back online."""
    yp = queries.own_record(request.user)
    if needs_new_code(request):
        return JsonResponse({"status": "code", "url": reverse("youngapp:check")}, status=401)
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"status": "error", "errors": {"body": ["Could not read the message"]}}, status=400)
    try:
        message = actions.send_message(request.user, yp, str(data.get("body", "")), str(data.get("key", "")),
                                       request=request)
    except ValidationError as error:
        return JsonResponse({"status": "error", "errors": error.message_dict}, status=400)
    return JsonResponse({"status": "sent", "id": message.pk})


@young_person_only
def my_record(request: HttpRequest) -> HttpResponse:
    yp = queries.own_record(request.user)
    today = timezone.localdate()
    contacts = (Contact.objects.filter(young_person=yp, successful=True).select_related("worker")
                .order_by("-occurred_at")[:20])
    return render(request, "youngapp/record.html", {
        **_base(request, yp, "record"), "age": yp.age(today), "pa": queries.current_pa(yp), "contacts": contacts,
        "plan": queries.current_plan(yp), "money": queries.money_for(yp, today),
        "file_requests": FileRequest.objects.filter(young_person=yp)})


@young_person_only
def ask_for_file(request: HttpRequest) -> HttpResponse:
    yp = queries.own_record(request.user)
    form = FileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.ask_for_file(request.user, yp, form.cleaned_data["pa_helps"], form.cleaned_data["note"],
                                 request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "We have your request. We will reply within one month")
            return redirect("youngapp:record")
    return _render(request, "youngapp/file.html", {**_base(request, yp, "record"), "form": form})


@young_person_only
@never_cache
def passkey_list(request: HttpRequest) -> HttpResponse:
    """My passkeys: add one (after checking it is me), see them, remove one."""
    yp = queries.own_record(request.user)
    if needs_new_code(request):
        return redirect(f"{reverse('youngapp:check')}?next={request.path}")
    access = request.user.app_access
    form = PasskeyForm(request.POST or None, initial={"name": "My phone"})
    if request.method == "POST" and form.is_valid():
        try:
            new = passkeys.registered(request, _credential(form))
            actions.add_passkey(request.user, form.cleaned_data["name"], new, request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Passkey added. Next time, choose 'Sign in with a passkey'")
            return redirect("youngapp:passkeys")
    return _render(request, "youngapp/passkeys.html", {
        **_base(request, yp, "passkeys"), "form": form,
        "keys": access.passkeys.filter(removed_at__isnull=True)})


@young_person_only
@require_POST
def passkey_register_options(request: HttpRequest) -> JsonResponse:
    if needs_new_code(request):
        return JsonResponse({"status": "code", "url": reverse("youngapp:check")}, status=401)
    access = request.user.app_access
    existing = list(access.passkeys.filter(removed_at__isnull=True).values_list("credential", flat=True))
    return JsonResponse(passkeys.registration_options(request, access.pk, access.email or access.mobile,
                                                      access.young_person.first_name or "Me", existing))


@young_person_only
@require_POST
def passkey_remove(request: HttpRequest, pk: int) -> HttpResponse:
    key = queries.own_or_404(request.user, Passkey.objects.select_related("access"), pk,
                             via="access__young_person", request=request)
    try:
        actions.remove_passkey(request.user, key, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Passkey '{key.name}' removed. It no longer signs you in")
    return redirect("youngapp:passkeys")


def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "youngapp/offline.html", {"bare": True, "duty": setting("app_duty_team"),
                                                     "crisis": setting("app_crisis_lines")})


def manifest(request: HttpRequest) -> JsonResponse:
    from django.templatetags.static import static

    return JsonResponse({
        "name": "Leaving Care app", "short_name": "Leaving Care", "start_url": "/app/", "scope": "/app/",
        "display": "standalone", "background_color": "#ffffff", "theme_color": "#0b0c0c", "lang": "en-GB",
        "description": "Your personal adviser, your plan, your money and messages",
        "icons": [{"src": static(f"youngapp/icons/icon-{n}.png"), "sizes": f"{n}x{n}", "type": "image/png",
                   "purpose": "any maskable"} for n in (192, 512)],
    }, content_type="application/manifest+json")


def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served from /app/ so it may control the app's pages (static/youngapp/sw.js)."""
    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    path = finders.find("youngapp/sw.js")
    body = open(path, encoding="utf-8").read() if path else ""  # noqa: SIM115
    body = body.replace("__CSS__", static("vendor/govuk/govuk-frontend.min.css")).replace(
        "__APPCSS__", static("youngapp/app.css"))
    response = HttpResponse(body, content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/app/"
    return response


# ---------------------------------------------------------------- staff


def _staff(request: HttpRequest, pk: int) -> Any:
    if getattr(request.user, "role", None) == Role.YOUNG_PERSON:
        raise PermissionDenied("This page is for staff")
    yp = get_young_person_or_404(request.user, pk, request)
    if not may(request.user, "youngapp.reply", yp):
        raise PermissionDenied("Only the young person's workers and their managers see their app messages")
    return yp


@login_required
def staff_unread(request: HttpRequest) -> HttpResponse:
    """The young people on my caseload with messages I have not read: where the header's count leads."""
    if getattr(request.user, "role", None) == Role.YOUNG_PERSON:
        raise PermissionDenied("This page is for staff")
    from django.db.models import Count, Min

    from people.scope import young_people_for

    people = (young_people_for(request.user).filter(pk__in=queries.caseload_ids(request.user),
                                                    app_messages__from_young_person=True,
                                                    app_messages__read_at__isnull=True)
              .annotate(n=Count("app_messages"), first=Min("app_messages__sent_at")).order_by("first"))
    from audit.log import viewed_many

    people = list(people)
    viewed_many(request.user, people, "page:app_unread", request=request)
    return render(request, "youngapp/staff/unread.html", {"people": people})


@login_required
def staff_record(request: HttpRequest, pk: int) -> HttpResponse:
    yp = _staff(request, pk)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.send_message(request.user, yp, form.cleaned_data["body"], request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Reply sent. The young person is told they have a message")
            return redirect("youngapp:staff_record", pk=yp.pk)
    viewed(request.user, yp, "page:app_messages", request=request)
    actions.mark_read(request.user, yp)
    access = AppAccess.objects.filter(young_person=yp).first()
    return _render(request, "youngapp/staff/record.html", {
        "yp": yp, "form": form, "access": access, "limit": MESSAGE_LIMIT,
        "thread": Message.objects.filter(young_person=yp).select_related("author").order_by("sent_at", "pk"),
        "responses": PlanResponse.objects.filter(plan__young_person=yp).select_related("area", "plan")[:30],
        "file_requests": FileRequest.objects.filter(young_person=yp)[:10],
        "suspend_form": SuspendForm(initial={"version": access.version if access else None}),
        "passkeys": access.passkeys.filter(removed_at__isnull=True).count() if access else 0})


@login_required
def staff_invite(request: HttpRequest, pk: int) -> HttpResponse:
    yp = _staff(request, pk)
    if not may(request.user, "youngapp.invite", yp):
        raise PermissionDenied("Only the young person's workers and their managers invite them to the app")
    access = AppAccess.objects.filter(young_person=yp).first()
    form = InviteForm(request.POST or None, initial={"email": access.email if access else yp.email,
                                                     "mobile": access.mobile if access else ""})
    if request.method == "POST" and form.is_valid():
        try:
            actions.invite(request.user, yp, form.cleaned_data["email"], form.cleaned_data["mobile"],
                           request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"{yp.display_name} is invited to the app")
            return redirect("people:detail", pk=yp.pk)
    return _render(request, "youngapp/staff/invite.html", {"yp": yp, "form": form, "access": access})


@login_required
@require_POST
def staff_access(request: HttpRequest, pk: int) -> HttpResponse:
    yp = _staff(request, pk)
    access = get_object_or_404(AppAccess, young_person=yp)
    form = SuspendForm(request.POST)
    form.is_valid()
    suspend = request.POST.get("suspend") == "1"
    try:
        actions.set_suspended(request.user, access, suspend, form.cleaned_data.get("reason") or "",
                              version=form.cleaned_data.get("version"), request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "App access paused: they are signed out" if suspend else "App access restored")
    return redirect("youngapp:staff_record", pk=yp.pk)


@login_required
@require_POST
def staff_deal(request: HttpRequest, pk: int, kind: str, item: int) -> HttpResponse:
    yp = _staff(request, pk)
    model = {"plan": PlanResponse, "file": FileRequest}.get(kind)
    if model is None:
        return redirect("youngapp:staff_record", pk=yp.pk)
    via = "plan__young_person" if model is PlanResponse else "young_person"
    obj = get_object_or_404(model, pk=item, **{via: yp})
    actions.deal_with(request.user, obj, request=request)
    messages.success(request, "Marked as dealt with")
    return redirect("youngapp:staff_record", pk=yp.pk)


