from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def optional_url(name: str, *args: Any) -> str:
    """The URL for ``name`` if that page exists in this installation, else an empty string."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.filter
def age_on(person: Any, day: Any) -> int:
    return int(person.age(day))
