"""What each page needs, declared on the view and enforced by the same declaration.

``@rule(get="people.view_record", post="people.change_record", of=young_person)`` on a view means: a GET
needs the first permission and a POST the second, both asked of ``accounts.policy`` about the object that
``of`` loads from the URL (through ``people.scope``, so a record out of scope is a logged 404). The
declaration is kept on the view (``view.policy``) so that a generated test can walk every route, every role
and both methods and compare each answer with the policy, and so that a page can check a link before it
shows it (``allowed(user, url, method)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import Resolver404, resolve

from accounts.policy import require
from leavingcare.memo import reading

Loader = Callable[[HttpRequest, dict[str, Any]], Any]
SAFE = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class Policy:
    get: str | None
    post: str | None
    of: Loader | None

    def permission(self, method: str) -> str | None:
        return self.get if method in SAFE else self.post


# ---------------------------------------------------------------- loaders: the object a URL names


def young_person(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from people.scope import get_young_person_or_404

    return get_young_person_or_404(request.user, kwargs["pk"], request)


def _scoped_get(model: Any, request: HttpRequest, pk: Any, **extra: Any) -> Any:
    from people.scope import scoped

    return get_object_or_404(scoped(model.objects.all(), request.user, **extra), pk=pk)


def plan(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from plans.models import PathwayPlan

    return _scoped_get(PathwayPlan, request, kwargs["pk"])


def payment_request(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from money.models import PaymentRequest

    return _scoped_get(PaymentRequest, request, kwargs["request_pk"])


# ---------------------------------------------------------------- the decorator


def rule(get: str | None, post: str | None = None, of: Loader | None = None,
         log_as: str | None = None, signed_out_json: bool = False) -> Callable[[Any], Any]:
    """Declare and enforce what a view needs (``post=None``: the page takes no POST it would not refuse).

    ``log_as`` ("page:edit_record") writes a VIEW event for the young person the page shows, when it is opened
    (pages that show a record and log it themselves leave it out).
    """
    policy = Policy(get, post, of)

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                if signed_out_json or request.headers.get("HX-Request"):  # in-page: say so, the page keeps the text
                    return JsonResponse({"signed_out": True}, status=401)
                return redirect_to_login(request.get_full_path())
            permission = policy.permission(request.method or "GET")
            if permission is None:  # this page takes no such request
                return HttpResponseNotAllowed([m for m, p in (("GET", policy.get), ("POST", policy.post)) if p])
            token = reading.set({}) if request.method in SAFE else None
            try:
                obj = policy.of(request, kwargs) if policy.of else None
                require(request.user, permission, obj)
                if log_as and obj is not None and request.method == "GET":
                    from accounts.policy import young_person_of
                    from audit.log import viewed

                    viewed(request.user, young_person_of(obj), log_as, request=request)
                return view(request, *args, **kwargs)
            finally:
                if token is not None:
                    reading.reset(token)

        wrapped.policy = policy  # type: ignore[attr-defined]
        return wrapped

    return decorate


def policy_of(view: Any) -> Policy | None:
    """The declared policy of a resolved view function or DRF/Django class-based view."""
    found = getattr(view, "policy", None)
    if found is None:
        cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
        found = getattr(cls, "policy", None)
    return found if isinstance(found, Policy) else None


def allowed(request: HttpRequest, url: str, method: str = "GET") -> bool:
    """Would ``request.user`` be let through to ``url`` with ``method``? (For checking links before showing them.)"""
    try:
        match = resolve(url.split("#")[0].split("?")[0])
    except Resolver404:
        return False
    policy = policy_of(match.func)
    if policy is None:
        return True
    permission = policy.permission(method)
    if permission is None:
        return False
    cache: dict[Any, Any] = request.__dict__.setdefault("_policy_answers", {})
    key = (permission, policy.of, tuple(sorted(match.kwargs.items())))
    if key not in cache:
        where = (policy.of, tuple(sorted(match.kwargs.items())))
        if where not in cache:
            try:
                cache[where] = policy.of(request, match.kwargs) if policy.of else None
            except Http404:
                cache[where] = Http404
        obj = cache[where]
        cache[key] = obj is not Http404 and bool(request.user.has_perm(permission, obj))
    return bool(cache[key])
