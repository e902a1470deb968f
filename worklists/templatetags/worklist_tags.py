from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.simple_tag
def count_of(counter: Any, *key: Any) -> int:
    return int(counter.get(tuple(key) if len(key) > 1 else key[0], 0))
