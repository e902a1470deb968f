"""The objects participation URLs name, for ``leavingcare.access.rule(of=...)``: unknown ids are 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404


def event(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from participation.models import Event

    return get_object_or_404(Event.objects.select_related("hub", "lead"), pk=kwargs["pk"])


def booking(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from participation.models import Booking

    return get_object_or_404(Booking.objects.select_related("event", "young_person"), pk=kwargs["pk"])


def hub_session(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from participation.models import HubSession

    return get_object_or_404(HubSession, pk=kwargs["pk"])


def forum_meeting(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from participation.models import ForumMeeting

    return get_object_or_404(ForumMeeting, pk=kwargs["pk"])


def forum_action(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from participation.models import ForumAction

    return get_object_or_404(ForumAction.objects.select_related("meeting"), pk=kwargs["pk"])


def award_year(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from participation.models import AwardYear

    return get_object_or_404(AwardYear, pk=kwargs["pk"])


def nomination(request: HttpRequest, kwargs: dict[str, Any]) -> Any:
    from participation.models import Nomination

    return get_object_or_404(Nomination.objects.select_related("category__award_year", "young_person",
                                                               "nominated_by"), pk=kwargs["pk"])
