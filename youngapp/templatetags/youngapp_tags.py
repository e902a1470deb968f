"""Small pieces of the young person's app shown on staff pages: the record panel, worklist items, unread count."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from accounts.policy import may
from youngapp import queries
from youngapp.models import AppAccess, Message

register = template.Library()


@register.inclusion_tag("youngapp/_record_panel.html")
def app_panel(yp: Any, user: Any) -> dict[str, Any]:
    can_reply = may(user, "youngapp.reply", yp)
    return {
        "yp": yp, "access": AppAccess.objects.filter(young_person=yp).first(),
        "can_invite": may(user, "youngapp.invite", yp), "can_reply": can_reply,
        "unread": Message.objects.filter(young_person=yp, from_young_person=True, read_at__isnull=True).count()
        if can_reply else 0}


@register.inclusion_tag("youngapp/_worklist.html")
def app_worklist(user: Any) -> dict[str, Any]:
    return {"items": queries.worklist_items(user, timezone.localdate())}


@register.simple_tag
def app_unread(user: Any) -> int:
    return queries.unread_count(user)
