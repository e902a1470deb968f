"""The access history in words, not code names: "Plan comparison page", "pathway plan", "signed off"."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.apps import apps

register = template.Library()

PAGES = {"summary": "Summary", "plan_compare": "Plan comparison", "people_list": "List of young people",
         "access_history": "Access history", "chronology": "Chronology", "documents": "Documents"}
EXPORTS = {"plan_pdf": "Pathway plan PDF", "chronology_pdf": "Chronology PDF"}


def _words(code: str) -> str:
    return code.replace("_", " ").strip()


@register.filter
def what_words(object_type: str) -> str:
    kind, _, name = (object_type or "").partition(":")
    if name and kind == "page":
        return f"{PAGES.get(name, _words(name).capitalize())} page"
    if name and kind == "export":
        return f"Download: {EXPORTS.get(name, _words(name))}"
    if "." in object_type:
        try:
            return str(apps.get_model(object_type)._meta.verbose_name).capitalize()
        except (LookupError, ValueError):
            pass
    return _words(object_type).capitalize()


@register.filter
def field_words(name: str) -> str:
    return _words(re.sub(r"_id$", "", str(name))).capitalize()


@register.filter
def value_words(value: Any) -> str:
    if value is None or value == "":
        return "(blank)"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, str) and re.fullmatch(r"[a-z]+(_[a-z]+)+", value):
        return _words(value)
    return str(value)
