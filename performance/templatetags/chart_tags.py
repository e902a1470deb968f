from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_label(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.filter
def split_csv(text: str) -> list[str]:
    return text.split(",")


@register.filter
def chart_y(percent: Any, height: int = 260, pad: int = 40) -> float:
    return round(pad + (height - 2 * pad) * (1 - float(percent) / 100), 1)


@register.filter
def join_names(series: Any) -> str:
    """"Lancashire, England and North West" from a list of series."""
    names = [s.name for s in series]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""
