"""The measure definitions: rounding, bands, code sets, the collection year."""

from __future__ import annotations

import datetime as dt

import pytest

from performance.definitions import as_at_band, dfe_band, dob_window, is_eet, percent


@pytest.mark.parametrize("n, d, expected", [(1, 3, 33.3), (2, 3, 66.7), (1, 8, 12.5), (1, 16, 6.3),
                                            (0, 5, 0.0), (5, 5, 100.0), (0, 0, None), (99, 100, 99.0)])
def test_percent_rounds_half_up_to_one_place(n, d, expected):
    assert percent(n, d) == expected


@pytest.mark.parametrize("age, band", [(16, None), (17, "17-18"), (18, "17-18"), (19, "19-21"), (21, "19-21"),
                                       (22, "22-25"), (24, "22-25"), (25, None), (26, None)])  # support ends at 25
def test_as_at_bands(age, band):
    assert as_at_band(age) == band


@pytest.mark.parametrize("age, band", [(17, "17-18"), (18, "17-18"), (19, "19-21"), (21, "19-21"), (22, None)])
def test_dfe_bands_by_birthday(age, band):
    assert dfe_band(age) == band


@pytest.mark.parametrize("code, eet", [("F1", True), ("P5", True), ("F4", True), ("G4", False), ("G6", False),
                                       ("G5", False), ("0", False)])
def test_eet_codes(code, eet):
    assert is_eet(code) is eet


def test_year_2024_covers_april_2023_to_march_2024():
    assert dob_window(2024, (17, 18)) == (dt.date(2005, 4, 1), dt.date(2007, 3, 31))
    assert dob_window(2024, (19, 20, 21)) == (dt.date(2002, 4, 1), dt.date(2005, 3, 31))


@pytest.mark.parametrize("rate, band", [(96.0, "Outstanding"), (95.0, "Good"), (80.0, "Good"),
                                        (79.9, "Requires Improvement"), (70.0, "Requires Improvement"),
                                        (69.9, "Inadequate"), (None, "No data")])
def test_rate_bands_for_suitable_accommodation(rate, band):
    from performance.definitions import rate_band

    assert rate_band(rate, [70, 80, 95]) == band
