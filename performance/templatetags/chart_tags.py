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
