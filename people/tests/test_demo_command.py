"""demo_data is deterministic, plausible in its proportions, prints the sign-ins; refresh_categories works."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from accounts.models import User
from people.models import Allocation, YoungPerson

pytestmark = pytest.mark.django_db
AS_AT = "2025-06-30"


def build(seed: int) -> tuple[str, list[tuple[Any, ...]]]:
    out = io.StringIO()
    call_command("demo_data", "--young-people", "200", "--seed", str(seed), "--as-at", AS_AT, stdout=out)
    rows = list(YoungPerson.objects.order_by("pk").values_list(
        "la_person_id", "first_name", "last_name", "date_of_birth", "category", "team__name"))
    return out.getvalue(), rows


def build_and_roll_back(seed: int) -> tuple[str, list[tuple[Any, ...]]]:
    with transaction.atomic():
        result = build(seed)
        transaction.set_rollback(True)
    return result


def test_same_seed_same_cohort_other_seed_different(db: Any) -> None:
    _out, first = build_and_roll_back(1)
    assert not YoungPerson.objects.exists()
    _out, again = build_and_roll_back(1)
    _out, other = build_and_roll_back(2)
    assert len(first) == 200
    assert first == again
    assert [r[1:4] for r in first] != [r[1:4] for r in other]


def test_proportions_are_plausible_and_staff_printed(db: Any) -> None:
    out, rows = build(1)
    as_at = dt.date.fromisoformat(AS_AT)
    ages = [YoungPerson(date_of_birth=r[3]).age(as_at) for r in rows]
    assert min(ages) >= 16 and max(ages) <= 24
    share_18_20 = sum(18 <= a <= 20 for a in ages) / len(ages)
    share_21 = sum(a >= 21 for a in ages) / len(ages)
    assert 0.30 <= share_18_20 <= 0.60  # Lancashire: 679 of 1,543 (44%)
    assert 0.15 <= share_21 <= 0.45  # 446 of 1,543 (29%)
    categories = [r[4] for r in rows]
    assert categories.count("former_relevant") / len(rows) > 0.5
    assert {"eligible", "relevant", "former_relevant", "qualifying"} <= set(categories)
    assert categories.count("none") / len(rows) < 0.1
    # Most young people of 17+ have a PA; names are spread, not one repeated
    assert Allocation.objects.filter(role="pa", end_date__isnull=True).count() > 0.6 * len(rows)
    assert len({(r[1], r[2]) for r in rows}) > 150
    assert User.objects.filter(role="personal_adviser").count() >= 10
    assert "Demo sign-ins" in out and "pa1" in out and "leaving-care-demo" in out
    for username in ("pa1", "sw1", "tm1", "hos", "analyst", "admin"):
        assert User.objects.filter(username=username).exists(), username


def test_if_empty_does_nothing_the_second_time(db: Any) -> None:
    build(3)
    out = io.StringIO()
    call_command("demo_data", "--if-empty", stdout=out)
    assert "already loaded" in out.getvalue()
    assert YoungPerson.objects.count() == 200


def test_refresh_categories_follows_the_date(db: Any) -> None:
    build(4)
    later = dt.date.fromisoformat(AS_AT) + dt.timedelta(days=800)
    out = io.StringIO()
    call_command("refresh_categories", "--as-at", later.isoformat(), stdout=out)
    assert "200 young people" in out.getvalue()
    for yp in YoungPerson.objects.prefetch_related("care_episodes")[:50]:
        assert yp.category == yp.category_on(later).value
    # nobody is eligible or relevant 800 days on unless they are still under 18
    assert not YoungPerson.objects.filter(category__in=["eligible", "relevant"],
                                          date_of_birth__lt=later.replace(year=later.year - 18)).exists()


def test_chunked_writing_gives_the_same_cohort(db: Any, monkeypatch: Any) -> None:
    from people.management.commands import demo_data

    _out, whole = build_and_roll_back(5)
    monkeypatch.setattr(demo_data, "FLUSH_EVERY", 37)
    _out, chunked = build_and_roll_back(5)
    assert chunked == whole and len(chunked) == 200
