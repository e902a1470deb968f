"""{% load participation_board %}{% attendance_for_board %}: attendance at events by kind and period, for the
Corporate Parenting Board's page (figures only, nobody named)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from participation.queries import attendance_counts, board_periods

register = template.Library()


@register.inclusion_tag("participation/board_counts.html")
def attendance_for_board(today: Any = None) -> dict[str, Any]:
    today = today or timezone.localdate()
    return {"periods": [(label, attendance_counts(start, end)) for label, start, end in board_periods(today)]}
