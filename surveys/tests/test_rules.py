"""What may be shown of a survey, as tables: suppression under 10 (including by difference), bands, the 0-10
scale, the ONS thresholds and their exact words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from surveys import rules as r


@pytest.mark.parametrize("cells, expected", [
    # every group 10 or more: all shown
    ({"a": 10, "b": 12, "c": 30}, {"a": 10, "b": 12, "c": 30}),
    # a total under 10: nothing
    ({"a": 3, "b": 4, "c": 2}, {"a": None, "b": None, "c": None}),
    ({"a": 9, "b": 0, "c": 0}, {"a": None, "b": None, "c": None}),
    # one small group: the next smallest goes too, or the total would give it away
    ({"a": 5, "b": 10, "c": 20}, {"a": None, "b": None, "c": 20}),
    ({"a": 1, "b": 40, "c": 15}, {"a": None, "b": 40, "c": None}),
    # two small groups that together hold 10 or more: only they go
    ({"a": 5, "b": 6, "c": 20}, {"a": None, "b": None, "c": 20}),
    # two small groups together under 10: one more goes
    ({"a": 2, "b": 3, "c": 11, "d": 30}, {"a": None, "b": None, "c": None, "d": 30}),
    # an empty group is shown as 0 (it gives nobody away) and never needs a partner
    ({"a": 0, "b": 12, "c": 15}, {"a": 0, "b": 12, "c": 15}),
    ({"a": 0, "b": 4, "c": 15}, {"a": 0, "b": None, "c": None}),
    # one group with everyone
    ({"a": 25}, {"a": 25}),
    ({"a": 9}, {"a": None}),
    # exactly 10 is enough
    ({"a": 10, "b": 0}, {"a": 10, "b": 0}),
])
def test_suppression(cells: dict[str, int], expected: dict[str, int | None]) -> None:
    assert r.suppress(cells) == expected


@pytest.mark.parametrize("cells", [
    {"a": 5, "b": 10, "c": 20}, {"a": 2, "b": 3, "c": 11, "d": 30}, {"a": 1, "b": 9, "c": 9, "d": 50},
    {"a": 9, "b": 9, "c": 9}, {"a": 4, "b": 13, "c": 13, "d": 13},
])
def test_no_group_under_ten_can_be_worked_out_by_difference(cells: dict[str, int]) -> None:
    shown = r.suppress(cells)
    total = sum(cells.values())
    hidden = total - sum(v for v in shown.values() if v is not None)
    assert all(v is None or v == 0 or v >= 10 for v in shown.values())
    assert hidden == 0 or hidden >= 10


@pytest.mark.parametrize("age, band", [(16, "16-18"), (18, "16-18"), (19, "19-21"), (21, "19-21"), (22, "22-25"),
                                       (25, "22-25")])
def test_bands(age: int, band: str) -> None:
    assert r.band_for_age(age) == band


@pytest.mark.parametrize("raw, expected", [("0", 0), ("10", 10), (" 7 ", 7), (5, 5)])
def test_scale_answers(raw: object, expected: int) -> None:
    assert r.parse_scale(raw) == expected


@pytest.mark.parametrize("raw", ["11", "-1", "7.5", "seven", "", None, "1e9", "99999999999999999999"])
def test_scale_answers_out_of_range(raw: object) -> None:
    with pytest.raises(ValueError, match="from 0 to 10"):
        r.parse_scale(raw)


def test_ons_thresholds() -> None:
    counts = {0: 1, 4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 1, 10: 1}
    assert r.by_threshold(counts, "life_satisfaction") == [
        ("Low", Decimal(20)), ("Medium", Decimal(20)), ("High", Decimal(40)), ("Very high", Decimal(20))]
    assert r.by_threshold({0: 1, 1: 1, 2: 1, 3: 1, 5: 2, 6: 2, 10: 2}, "anxiety") == [
        ("Very low", Decimal(20)), ("Low", Decimal(20)), ("Medium", Decimal(20)), ("High", Decimal(40))]
    assert r.mean({0: 1, 10: 2}) == Decimal("6.7")
    assert r.mean({}) is None


def test_the_ons_questions_in_the_ons_words() -> None:
    assert [q.key for q in r.ONS4] == ["life_satisfaction", "worthwhile", "happiness", "anxiety"]
    assert r.ONS4[0].text == "Overall, how satisfied are you with your life nowadays?"
    assert r.ONS4[1].text == ("Overall, to what extent do you feel that the things you do in your life are "
                              "worthwhile?")
    assert r.ONS4[2].text == "Overall, how happy did you feel yesterday?"
    assert r.ONS4[3].text == ("On a scale where 0 is \u201cnot at all anxious\u201d and 10 is \u201ccompletely "
                              "anxious\u201d, overall, how anxious did you feel yesterday?")


def test_choices_typed_one_per_line() -> None:
    assert r.clean_choices(" Yes \n\nno\nNo\nSome of it\n") == ["Yes", "no", "Some of it"]
