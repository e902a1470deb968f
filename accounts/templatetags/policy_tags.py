"""Links a page offers only when the viewer may follow them: the same declaration the view enforces."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

from leavingcare.access import allowed

register = template.Library()


def _url_if_allowed(context: Any, name: str, args: tuple[Any, ...], method: str) -> str:
    request = context.get("request")
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    if request is None or not allowed(request, url, method):
        return ""
    return url


@register.simple_tag(takes_context=True)
def allowed_url(context: Any, name: str, *args: Any) -> str:
    """The URL of page ``name`` if it exists and the signed-in person may open it; otherwise ""."""
    return _url_if_allowed(context, name, args, "GET")


@register.simple_tag(takes_context=True)
def allowed_post(context: Any, name: str, *args: Any) -> str:
    """The URL of form action ``name`` if the signed-in person may post to it; otherwise ""."""
    return _url_if_allowed(context, name, args, "POST")


@register.simple_tag(takes_context=True)
def may(context: Any, permission: str, obj: Any = None) -> bool:
    """{% may "plans.sign_off" plan as can_sign_off %}: the policy's answer for the signed-in person."""
    from accounts.policy import may as policy_may

    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return bool(user is not None and user.is_authenticated and policy_may(user, permission, obj))
