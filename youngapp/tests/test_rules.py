"""The app's plain rules, table-tested."""

from __future__ import annotations

import datetime as dt

import pytest

from youngapp import rules as r

D = dt.date


@pytest.mark.parametrize("raw, expected", [
    ("Sam@Example.org ", "sam@example.org"),
    ("07700 900982", "07700900982"),
    ("+44 7700 900982", "07700900982"),
    ("447700900982", "07700900982"),
    ("", ""),
])
def test_addresses_are_normalised(raw: str, expected: str) -> None:
    assert r.normalise_address(raw) == expected


@pytest.mark.parametrize("value, ok", [("07700900982", True), ("0770090098", False), ("01772900982", False)])
def test_only_uk_mobiles_take_texts(value: str, ok: bool) -> None:
    assert r.is_mobile(value) is ok


@pytest.mark.parametrize("sent, today, overdue", [
    (D(2026, 11, 30), D(2026, 12, 2), False),  # Monday -> due Wednesday: not yet
    (D(2026, 11, 30), D(2026, 12, 3), True),   # Thursday: overdue
    (D(2026, 11, 27), D(2026, 12, 1), False),  # Friday -> Monday, Tuesday: due Tuesday
    (D(2026, 11, 27), D(2026, 12, 2), True),
    (D(2026, 11, 28), D(2026, 12, 1), False),  # Saturday -> Monday, Tuesday: due Tuesday
    (D(2026, 11, 28), D(2026, 12, 2), True),
    # Bank holidays (England and Wales) are not working days either
    (D(2026, 12, 24), D(2026, 12, 30), False),  # Christmas Fri 25, Boxing Day observed Mon 28: due Wed 30
    (D(2026, 12, 24), D(2026, 12, 31), True),
    (D(2026, 4, 2), D(2026, 4, 8), False),      # Good Friday 3, Easter Monday 6 April: due Wed 8
    (D(2026, 4, 2), D(2026, 4, 9), True),
    (D(2026, 8, 28), D(2026, 9, 2), False),     # Summer bank holiday Monday 31 August: due Wed 2 Sept
    (D(2026, 8, 28), D(2026, 9, 3), True),
    (D(2027, 12, 24), D(2027, 12, 30), False),  # Christmas and Boxing Day at a weekend: observed Mon 27, Tue 28
    (D(2027, 12, 24), D(2027, 12, 31), True),
])
def test_a_message_is_overdue_after_two_working_days(sent: dt.date, today: dt.date, overdue: bool) -> None:
    assert r.answer_overdue(sent, today) is overdue


@pytest.mark.parametrize("who, own", [
    ("Me", True), ("Sam", True), ("Sam and PA", True), ("young person", True), ("Sammy", True),
    ("PA", False), ("Social worker", False), ("", False), ("Samantha's PA", False),
])
def test_own_actions_name_the_young_person(who: str, own: bool) -> None:
    assert r.is_own_action(who, "Sam", "Sammy") is own


@pytest.mark.parametrize("last, now, due", [
    (None, 1000.0, True), (0.0, 11 * 3600.0, False), (0.0, 12 * 3600.0 + 1, True)])
def test_messages_and_money_ask_again_after_twelve_hours(last: float | None, now: float, due: bool) -> None:
    assert r.recheck_due(last, now) is due


def test_codes_are_compared_by_hash() -> None:
    stored = r.hash_code("secret", 7, "123456")
    assert stored != "123456"
    assert r.codes_match(stored, "secret", 7, " 123 456 ")
    assert not r.codes_match(stored, "secret", 8, "123456")
    assert not r.codes_match(stored, "secret", 7, "123457")
