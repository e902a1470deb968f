"""What the dashboard shows: the measures as at a date (the GOV.UK date input) or for a DfE collection year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from leavingcare.forms import GovukDateField, GovukForm
from performance.definitions import collection_year

AS_AT, DFE_YEAR = "as_at", "dfe_year"
FIRST_YEAR = 2018  # the earliest collection year in the DfE files shipped in data/dfe


def current_collection_year(today: dt.date | None = None) -> int:
    """The collection year (ending 31 March) that holds ``today``."""
    today = today or timezone.localdate()
    return today.year + 1 if today.month >= 4 else today.year


def year_label(year: int, today: dt.date | None = None) -> str:
    first, last = collection_year(year)
    label = f"{year - 1} to {year} (1 April {first.year} to 31 March {last.year})"
    return label + ", so far" if year == current_collection_year(today) else label


class DashboardForm(GovukForm):
    view = forms.ChoiceField(label="Measure", required=False, widget=forms.RadioSelect, choices=[
        (AS_AT, "As at a date"), (DFE_YEAR, "For a DfE collection year (SSDA903 OC3)")])
    as_at = GovukDateField(label="As at", required=False, help_text="For example, 31 3 2026")
    year = forms.TypedChoiceField(label="Collection year", required=False, coerce=int, empty_value=None)

    def __init__(self, data: Any = None, today: dt.date | None = None) -> None:
        self.today = today or timezone.localdate()
        if data is not None:
            data = data.copy()
            iso = (data.get("as_at") or "").strip()
            if iso and not any(data.get(f"as_at_{p}") for p in ("day", "month", "year")):
                # an older link (?as_at=2024-10-31): read it into the three boxes
                parts = iso.split("-")
                if len(parts) == 3:
                    data["as_at_year"], data["as_at_month"], data["as_at_day"] = parts
                else:
                    data["as_at_day"] = iso
            if not any(data.get(f"as_at_{p}") for p in ("day", "month", "year")):
                data["as_at_day"], data["as_at_month"], data["as_at_year"] = (
                    str(self.today.day), str(self.today.month), str(self.today.year))
            if not data.get("year"):
                data["year"] = str(current_collection_year(self.today) - 1)
        super().__init__(data, initial={"as_at": self.today, "year": current_collection_year(self.today) - 1})
        latest = current_collection_year(self.today)
        year_field = self.fields["year"]
        assert isinstance(year_field, forms.TypedChoiceField)
        year_field.choices = [(y, year_label(y, self.today)) for y in range(latest, FIRST_YEAR - 1, -1)]
        self.fields["year"].error_messages["invalid_choice"] = (
            f"Collection year must be one of {FIRST_YEAR} to {latest}")

    @property
    def default_year(self) -> int:
        """The latest complete collection year."""
        return current_collection_year(self.today) - 1

    def clean_as_at(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("as_at")
        if value is not None and value > self.today:
            raise forms.ValidationError("As at must be today or in the past")
        if value is not None and value.year < 2000:
            raise forms.ValidationError("As at must be in 2000 or later")
        return value

    def choice(self) -> tuple[str, dt.date, int]:
        """(view, as-at date, collection year) with the defaults filled in: today, the latest complete year."""
        data = self.cleaned_data if self.is_bound else {}
        view = data.get("view") or AS_AT
        as_at = data.get("as_at") or self.today
        year = data.get("year") or self.default_year
        return view, as_at, year
