"""Bad input never gives a server error: the checks every app shares.

Three layers, from the friendliest to the last resort:

1. **Form fields** (``guard_form_fields``, applied by ``GovukForm`` and ``GovukModelForm``): every text field
   refuses a NUL character and anything longer than its limit, with a message naming the field and the
   typed value kept. Plain ``CharField`` s without a ``max_length`` get ``TEXT_LIMIT``.
2. **Every save** (``check_instance``, on ``pre_save`` for every model): text longer than the column, NUL
   characters (PostgreSQL refuses them, SQLite keeps them), decimals with more digits than the column holds and
   integers outside the column's range are refused with a ``ValidationError`` keyed by the field name, before
   the database sees them, on SQLite exactly as on PostgreSQL. The verbs' callers already turn a
   ``ValidationError`` into messages on the named fields (``leavingcare.pages.submitted``, the API's 400).
3. **The request** (``BadInputMiddleware``): a NUL character in the query string is answered 400 (no search or
   filter needs one, and PostgreSQL cannot compare with it); a ``ValidationError`` that escapes a view is a 400
   page listing what was refused rather than a 500. ``api_exception_handler`` does the same for the API, as JSON
   keyed by field.

``whole_number`` reads an integer typed or posted by a browser (a plan's version, a page number): junk is a 400.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import BadRequest, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

NUL = "\x00"
# Free text without a column limit (TextField): long enough for any note, short enough to refuse a pasted file
TEXT_LIMIT = 20_000
# Money: every amount column is DecimalField(max_digits=9, decimal_places=2)
MONEY_MAX = decimal.Decimal("9999999.99")


def _label(field: Any, name: str) -> str:
    label = str(getattr(field, "label", None) or getattr(field, "verbose_name", None) or name.replace("_", " "))
    return label[:1].upper() + label[1:]


def nul_message(label: str) -> str:
    return f"{label} must not contain a NUL character (\\0): remove it and try again"


def length_message(label: str, limit: int) -> str:
    return f"{label} must be {limit:,} characters or fewer"


class NoNul:
    """Validator: text must not hold a NUL character. The message names the field."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __call__(self, value: Any) -> None:
        if isinstance(value, str) and NUL in value:
            raise ValidationError(nul_message(self.label), code="null_characters_not_allowed")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoNul) and other.label == self.label


def text_problem(label: str, value: Any, limit: int = TEXT_LIMIT) -> str | None:
    """Why posted text that no form reads (plan text, htmx posts) cannot be kept, or None."""
    if not isinstance(value, str):
        return None
    if NUL in value:
        return nul_message(label)
    if len(value) > limit:
        return length_message(label, limit)
    return None


def guard_form_fields(form: forms.BaseForm) -> None:
    """Give every text field of ``form`` a length limit and a NUL check whose messages name the field."""
    for name, field in form.fields.items():
        label = _label(field, name)
        if isinstance(field, forms.CharField):
            if field.max_length is None:
                field.max_length = TEXT_LIMIT
                field.validators.append(MaxLengthValidator(TEXT_LIMIT))
                if not field.widget.is_hidden:
                    field.widget.attrs.setdefault("maxlength", str(TEXT_LIMIT))
            # Django's own NUL validator says "Null characters are not allowed."; ours names the field
            field.validators = [v for v in field.validators if v.__class__.__name__
                                != "ProhibitNullCharactersValidator"] + [NoNul(label)]
            field.error_messages["max_length"] = length_message(label, field.max_length)
        if isinstance(field, forms.DecimalField):
            field.error_messages.setdefault("max_digits", f"{label} is too large")
            field.error_messages["max_whole_digits"] = f"{label} is too large"
        if isinstance(field, forms.IntegerField):
            field.error_messages["invalid"] = f"{label} must be a whole number"


# ------------------------------------------------------------------ every save

_INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges  # the narrowest backend's ranges (PostgreSQL's)


def _strings(value: Any) -> Iterable[str]:
    """Every string inside a JSON-like value (keys too)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def field_problem(field: models.Field[Any, Any], value: Any) -> str | None:
    """Why the database would refuse (or SQLite would silently keep) ``value`` for ``field``, or None."""
    if value is None:
        return None
    label = _label(field, field.name)
    if isinstance(value, str):
        if NUL in value:
            return nul_message(label)
        if isinstance(field, models.CharField) and field.max_length and len(value) > field.max_length:
            return length_message(label, field.max_length)
    elif isinstance(field, models.JSONField):
        if any(NUL in s for s in _strings(value)):
            return nul_message(label)
    elif isinstance(field, models.DecimalField) and isinstance(value, (decimal.Decimal, int, float)):
        amount = decimal.Decimal(str(value))
        if not amount.is_finite():
            return f"{label} must be a number"
        whole = field.max_digits - field.decimal_places
        if abs(amount) >= decimal.Decimal(10) ** whole:
            biggest = decimal.Decimal(10) ** whole - decimal.Decimal(10) ** -field.decimal_places
            return f"{label} must be {biggest:,} or less"
    elif isinstance(field, models.IntegerField) and isinstance(value, int) and not isinstance(value, bool):
        low, high = _INTEGER_RANGES.get(field.get_internal_type(), (None, None))
        if (low is not None and value < low) or (high is not None and value > high):
            return f"{label} must be between {low:,} and {high:,}"
    return None


def check_instance(instance: models.Model, update_fields: Iterable[str] | None = None) -> None:
    """Refuse, keyed by field name, any value the database would refuse or SQLite would silently keep."""
    only = set(update_fields) if update_fields else None
    errors: dict[str, str] = {}
    for field in instance._meta.concrete_fields:
        if only is not None and field.name not in only and field.attname not in only:
            continue
        if isinstance(field, models.ForeignKey):
            continue
        problem = field_problem(field, getattr(instance, field.attname, None))
        if problem:
            errors[field.name] = problem
    if errors:
        raise ValidationError(errors)


def check_before_save(sender: Any, instance: models.Model, raw: bool = False, update_fields: Any = None,
                      **kwargs: Any) -> None:
    if raw:  # loaddata: fixtures are trusted as they are
        return
    check_instance(instance, update_fields)


# ------------------------------------------------------------------ the request


def whole_number(value: Any, name: str, default: int | None = None) -> int:
    """An integer posted or typed by a browser; a 400 naming ``name`` when it is not one."""
    if value in (None, "") and default is not None:
        return default
    text = str(value).strip()
    if not text.lstrip("-").isdigit() or len(text) > 18:
        raise BadRequest(f"{name} must be a whole number")
    return int(text)


def _has_nul(request: HttpRequest) -> bool:
    return NUL in request.path or any(NUL in k or any(NUL in v for v in request.GET.getlist(k)) for k in request.GET)


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for messages in error.message_dict.values() for m in messages]
    return list(error.messages)


class BadInputMiddleware:
    """A NUL in the query string is a 400; a ValidationError no view caught is a 400 listing its messages; an
    unknown address under /api/ is a JSON 404, as the API's own refusals are."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            return self.refuse(request, ["The address must not contain a NUL character (\\0)"])
        response = self.get_response(request)
        if (request.path.startswith("/api/") and response.status_code == 404
                and response.get("Content-Type", "").startswith("text/html")):
            # an address under /api/ that matches no route (/young-people/abc/) answers in JSON like the rest
            from django.http import JsonResponse

            return JsonResponse({"detail": "Not found."}, status=404)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, ValidationError):
            return self.refuse(request, _messages(exception))
        return None

    def refuse(self, request: HttpRequest, problems: list[str]) -> HttpResponse:
        if request.path.startswith("/api/"):
            from django.http import JsonResponse

            return JsonResponse({"detail": " ".join(problems)}, status=400)
        return render(request, "400.html", {"problems": problems}, status=400)


def api_exception_handler(exc: Exception, context: Any) -> Any:
    """DRF's handler, plus: a Django ValidationError (from a verb or a save) is a 400 keyed by field."""
    from rest_framework import exceptions
    from rest_framework.views import exception_handler

    if isinstance(exc, ValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict")
                                         else {"non_field_errors": exc.messages})
    elif isinstance(exc, BadRequest):
        exc = exceptions.ParseError(str(exc))
    return exception_handler(exc, context)
