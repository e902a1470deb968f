"""GOV.UK Design System form pieces shared by every app: the date input and messages that name the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from leavingcare.validation import guard_form_fields


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: three boxes, day, month and year."""

    template_name = "includes/date_widget.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)

    def id_for_label(self, id_: str) -> str:
        return id_  # the day box carries the field's id, so error summary links land on it

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        # Django marks a field with errors aria-invalid; the three boxes then get the GOV.UK error style
        context["widget"]["has_error"] = str((attrs or {}).get("aria-invalid", "")).lower() == "true"
        return context

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        return [(data.get(f"{name}_{part}") or "").strip() for part in ("day", "month", "year")]


class GovukDateField(forms.Field):
    widget = GovukDateWidget

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date):
            return value
        parts = list(value or ["", "", ""])
        if not any(parts):
            return None
        name = (self.label or "The date").capitalize()
        missing = [p for p, v in zip(("day", "month", "year"), parts, strict=True) if not v]
        if missing:
            raise forms.ValidationError(f"{name} must include a {' and '.join(missing)}")
        try:
            day, month, year = (int(p) for p in parts)
            if year < 1900:
                raise ValueError
            return dt.date(year, month, day)
        except (ValueError, OverflowError):  # OverflowError: a year like 999999999999999999999
            raise forms.ValidationError(f"{name} must be a real date") from None


class GovukForm(forms.Form):
    """A form whose messages name the field, as the GOV.UK Design System asks.

    ``reveals`` maps a field to the radio answer that asks it, ``{"reason": ("successful", "no")}``: the field is
    drawn inside that radio as a GOV.UK conditional reveal (hidden until the answer is chosen when JavaScript
    runs, shown beneath it when not), and when another answer is given it is neither checked nor kept."""

    reveals: dict[str, tuple[str, str]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_fields(self)
        for name, (by, _answer) in self.reveals.items():
            self.fields[name].revealed_by = by  # type: ignore[attr-defined]  # read by includes/form_page.html

    def revealed_under(self, by: str, answer: str) -> list[forms.BoundField]:
        """The fields asked inside radio ``answer`` of field ``by`` (includes/field.html)."""
        return [self[name] for name, (field, value) in self.reveals.items() if field == by and value == str(answer)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name, (by, answer) in self.reveals.items():
            if str(cleaned.get(by, "")) != answer:
                # Not asked: whatever was left in the box is ignored (and not checked), as it is not shown
                if self._errors is not None:
                    self._errors.pop(name, None)
                cleaned[name] = self.fields[name].to_python("")
        return cleaned


class GovukModelForm(forms.ModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        name_fields(self)


def name_fields(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        label = str(field.label or "this")
        lower = label[:1].lower() + label[1:]
        if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField)):
            field.error_messages["required"] = f"Select {lower}"
            field.error_messages["invalid_choice"] = f"Select {lower} from the list"
        else:
            field.error_messages["required"] = f"Enter {lower}"
        if isinstance(field, forms.DecimalField):
            field.error_messages["invalid"] = f"{label} must be an amount of money, like 25.50"
    guard_form_fields(form)


def apply_errors(form: forms.BaseForm, error: Any) -> None:
    """Put a ValidationError raised by an action onto the form, on the fields it names."""
    current = getattr(error, "current_version", None)
    if current is not None and "version" in form.fields:
        form.data = form.data.copy()  # a second save, after reading the message, is made from the current version
        form.data["version"] = str(current)
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields and not form.fields[field].widget.is_hidden else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
