"""Young people pressing "Book" for the last place at the same moment: one gets it, the others are offered the
waiting list, and the event is never overfilled. Real threads, each with its own database connection."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.db import connection

from participation import actions
from participation.models import Booking, Event
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db(transaction=True)


def race(event: Any, people: list[Any], actor: Any) -> list[str]:
    start = threading.Barrier(len(people))
    results: list[str] = []
    lock = threading.Lock()

    def one(yp: Any) -> None:
        try:
            start.wait()
            try:
                made = actions.book(actor, event, yp)
                outcome = made.status
            except actions.Full:
                outcome = "full"
            with lock:
                results.append(outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=one, args=(yp,)) for yp in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


@pytest.mark.parametrize("capacity, people", [(1, 4), (3, 6)])
def test_simultaneous_bookings_never_overfill(capacity: int, people: int, make_event: Any, staff: dict,
                                              teams: dict) -> None:
    event = make_event(capacity=capacity)
    crowd = [young_person(team=teams["north"], pa=staff["pa_north"], dob=dt.date(2006, 1, 1))
             for _ in range(people)]
    results = race(event, crowd, staff["pa_north"])
    assert sorted(results) == sorted(["booked"] * capacity + ["full"] * (people - capacity))
    event.refresh_from_db()
    assert event.booked == capacity
    assert Booking.objects.filter(event=event, status="booked").count() == capacity
    assert not Booking.objects.filter(event=event).exclude(status="booked").exists()  # the refused saved nothing


def test_the_same_young_person_tapping_twice_books_once(make_event: Any, staff: dict, teams: dict) -> None:
    event = make_event(capacity=5)
    yp = young_person(team=teams["north"], pa=staff["pa_north"], dob=dt.date(2006, 1, 1))
    start = threading.Barrier(2)
    errors: list[str] = []

    def tap() -> None:
        try:
            start.wait()
            actions.book(staff["pa_north"], event, yp)
        except Exception as error:  # noqa: BLE001 - the second tap's refusal
            errors.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == ["ValidationError"]
    assert Booking.objects.filter(event=event, young_person=yp).count() == 1
    assert Event.objects.get(pk=event.pk).booked == 1
