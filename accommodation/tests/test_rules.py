"""Accommodation rules in the SSDA903 codes."""

from __future__ import annotations

import datetime as dt

import pytest

from accommodation.rules import Period, accom_value, counts_for_suitability, is_eet, problems


@pytest.mark.parametrize("letter, suitable, value", [("D", True, "D1"), ("U", False, "U2"), ("S", True, "S2"),
                                                     ("X", None, "X2"), ("Z", None, "0"), ("", True, "0")])
def test_accom_values(letter, suitable, value):
    assert accom_value(letter, suitable) == value


@pytest.mark.parametrize("letter, counted", [("G", False), ("H", False), ("R", False), ("U", True), ("S", True)])
def test_left_out_of_the_suitability_rate(letter, counted):
    assert counts_for_suitability(letter) is counted


@pytest.mark.parametrize("code, eet", [("F1", True), ("P4", True), ("G6", False), ("0", False)])
def test_eet(code, eet):
    assert is_eet(code) is eet


def test_history_problems_name_the_field():
    dob = dt.date(2007, 5, 1)
    assert problems(Period(dt.date(2024, 1, 1), dt.date(2023, 1, 1)), [], dob)[0][0] == "end_date"
    assert problems(Period(dt.date(2023, 1, 1), None), [], dob)[0] == (
        "start_date", "The start date must be on or after the young person's 16th birthday")
    clash = problems(Period(dt.date(2024, 3, 1), None), [Period(dt.date(2024, 1, 1), dt.date(2024, 6, 1))], dob)
    assert clash == [("start_date", "This overlaps the episode from 01/01/2024")]
