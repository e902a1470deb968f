"""Template filters for the shared GOV.UK form templates (templates/includes/field.html)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def revealed_under(field: Any, answer: Any) -> list[Any]:
    """The fields a GovukForm asks inside radio ``answer`` of ``field`` (a conditional reveal), if any."""
    under = getattr(field.form, "revealed_under", None)
    return under(field.name, str(answer)) if under is not None else []
