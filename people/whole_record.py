"""The whole record of one young person, for a subject access request or a move to another authority.

Every model that belongs to a young person is found from the models themselves (a foreign key to YoungPerson, or
to a model that has one, up to three steps away), so an area added later is exported without changing this file.
Derived data (the stored clock facts) and the audit log are left out; the export itself is audit-logged.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import models

from people.models import YoungPerson

LEFT_OUT = {"audit.AuditEvent", "worklists.ClockFacts", "people.YoungPerson"}
SENSITIVE = {"password", "key", "token", "submission_key"}


def _paths() -> list[tuple[type[models.Model], str]]:
    """(model, lookup to its young person) for every model that belongs to one, nearest first."""
    found: dict[type[models.Model], str] = {YoungPerson: ""}
    frontier: list[type[models.Model]] = [YoungPerson]
    for _ in range(3):
        nxt = []
        for model in apps.get_models():
            if model in found or model._meta.label in LEFT_OUT:
                continue
            for f in model._meta.concrete_fields:
                if f.is_relation and f.many_to_one and f.related_model in frontier:
                    prefix = found[f.related_model]
                    found[model] = f"{f.name}__{prefix}" if prefix else f.name
                    nxt.append(model)
                    break
        frontier = nxt
    return [(m, p) for m, p in found.items() if m is not YoungPerson]


def _value(obj: models.Model, f: models.Field) -> Any:  # type: ignore[type-arg]
    if f.is_relation:
        related = getattr(obj, f.name)
        return None if related is None else str(related)
    value = getattr(obj, f.attname)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if f.choices and value not in (None, ""):
        return {"code": value, "label": str(dict(f.flatchoices).get(value, value))}
    return value


def as_dict(obj: models.Model) -> dict[str, Any]:
    return {f.name: _value(obj, f) for f in obj._meta.concrete_fields
            if not any(s in f.name for s in SENSITIVE)}


def whole_record(yp: YoungPerson) -> dict[str, Any]:
    """{"young_person": {...}, "areas": {"app.Model": [rows]}} with every area, empty ones included."""
    areas: dict[str, list[dict[str, Any]]] = {}
    for model, path in sorted(_paths(), key=lambda mp: mp[0]._meta.label):
        rows = model._default_manager.filter(**{path: yp}).order_by("pk")
        areas[model._meta.label] = [as_dict(r) for r in rows]
    return {"exported_at": dt.datetime.now(dt.UTC).isoformat(), "young_person": as_dict(yp),
            "areas": areas}


def verbose(label: str) -> str:
    model = apps.get_model(label)
    return str(model._meta.verbose_name_plural).capitalize()


def render_pdf(yp: YoungPerson) -> bytes:
    """The same record as a tagged (PDF/UA) document, as plans/pdf.py makes the pathway plan."""
    from django.template.loader import render_to_string
    from django.utils import timezone
    from weasyprint import HTML

    data = whole_record(yp)
    areas = [(verbose(label), rows) for label, rows in data["areas"].items()]
    html = render_to_string("people/record_pdf.html", {"yp": yp, "data": data, "areas": areas,
                                                         "today": timezone.localdate()})
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # type: ignore[no-any-return]
