"""The booking rules, as tables."""

from __future__ import annotations

import datetime as dt

import pytest

from participation import rules as r

NOW = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=1)
EARLIER = NOW - dt.timedelta(hours=1)


@pytest.mark.parametrize("capacity, booked, open_, starts, expected", [
    (10, 0, True, LATER, "booked"),
    (10, 9, True, LATER, "booked"),
    (10, 10, True, LATER, "full"),
    (1, 1, True, LATER, "full"),
    (10, 0, False, LATER, "closed"),   # cancelled
    (10, 0, True, EARLIER, "closed"),  # already started
    (10, 0, True, NOW, "closed"),
])
def test_what_asking_for_a_place_gives(capacity: int, booked: int, open_: bool, starts: dt.datetime,
                                       expected: str) -> None:
    assert r.outcome_of_asking(capacity, booked, open_, starts, NOW) == expected


def q(pk: int, minutes: int) -> r.InQueue:
    return r.InQueue(pk, NOW + dt.timedelta(minutes=minutes))


@pytest.mark.parametrize("places, queue, expected", [
    (1, [q(5, 2), q(3, 1), q(9, 3)], [3]),           # the first to join, not the lowest id or the last
    (2, [q(5, 2), q(3, 1), q(9, 3)], [3, 5]),
    (5, [q(5, 2), q(3, 1)], [3, 5]),                  # more places than people waiting
    (0, [q(5, 2)], []),
    (-1, [q(5, 2)], []),
    (1, [], []),
    (1, [q(8, 0), q(4, 0)], [4]),                     # the same moment: the earlier row
])
def test_who_moves_up_from_the_waiting_list(places: int, queue: list[r.InQueue], expected: list[int]) -> None:
    assert r.to_promote(places, queue) == expected


@pytest.mark.parametrize("pk, expected", [(3, 1), (5, 2), (9, 3), (1, None)])
def test_position_in_the_queue(pk: int, expected: int | None) -> None:
    assert r.position_in_queue(pk, [q(5, 2), q(3, 1), q(9, 3)]) == expected


@pytest.mark.parametrize("starts, expected", [(EARLIER, True), (NOW, True), (LATER, False)])
def test_attendance_is_recorded_once_it_has_started(starts: dt.datetime, expected: bool) -> None:
    assert r.may_record_attendance(starts, NOW) is expected
