"""The SSDA903 OC3 cohort of a collection year and each care leaver's status, derived from the record.

Cohort (SSDA903 guidance): young people whose 17th, 18th, 19th, 20th or 21st birthday falls in the year
(1 April to 31 March) and who are care leavers on that birthday: eligible before 18 (13 weeks looked after
from 14, some of it after 16) and not looked after on the birthday (for the 17th birthday, already eligible
by then). A recorded or imported ``Oc3Status`` row is the truth and is used as it is; otherwise:

- IN_TOUCH: DIED when the young person died by the end of the window; YES when there was a successful
  contact in the window around the birthday (3 months before to 1 month after, configurable); NREQ when the
  service was stepped down; otherwise NO.
- ACCOM and ACTIV: the accommodation and activity on the date of that contact (the latest in the window);
  0 when not in touch or not recorded. S and X are always unsuitable (digit 2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from accommodation.models import AccommodationEpisode
from contacts.models import Contact
from org.config import setting
from people.eligibility import Episode, became_eligible_on, birthday, looked_after_on
from people.models import YoungPerson
from performance.definitions import collection_year, dob_window
from returns.models import Source
from worklists.clock import add_months

ALWAYS_UNSUITABLE = {"S", "X"}


@dataclass(frozen=True)
class Oc3Row:
    young_person_id: int
    birthday_age: int
    in_touch: str
    activity: str
    accommodation: str
    contact_date: dt.date | None


def birthday_in_year(dob: dt.date, year: int) -> tuple[int, dt.date] | None:
    first, last = collection_year(year)
    for n in range(17, 22):
        day = birthday(dob, n)
        if first <= day <= last:
            return n, day
    return None


def birthdays(year: int, months: tuple[int, int]) -> Iterator[tuple[dt.date, int, dt.date, dt.date, dt.date]]:
    """(date of birth, age, birthday, first and last day of the contact window) for every date of birth whose
    17th to 21st birthday falls in the collection year: the cohort's possible birthdays, about 1,830."""
    earliest, latest = dob_window(year, (17, 18, 19, 20, 21))
    dob = earliest
    while dob <= latest:
        found = birthday_in_year(dob, year)
        if found is not None:
            n, day = found
            yield dob, n, day, add_months(day, -months[0]), add_months(day, months[1])
        dob += dt.timedelta(days=1)


def _on(episodes: list, day: dt.date) -> object | None:  # type: ignore[type-arg]
    covering = [e for e in episodes if e.start_date <= day and (e.end_date is None or e.end_date >= day)]
    return max(covering, key=lambda e: (e.start_date, e.pk)) if covering else None


def accom_value(episode: AccommodationEpisode | None) -> str:
    if episode is None:
        return "0"
    if episode.accom in ALWAYS_UNSUITABLE:
        return f"{episode.accom}2"
    if episode.suitable is None:
        return "0"
    return f"{episode.accom}{1 if episode.suitable else 2}"


def window() -> tuple[int, int]:
    """Months before and after the birthday in which a contact counts (the authority's setting)."""
    return int(setting("dfe_window_months_before")), int(setting("dfe_window_months_after"))


def derive(person: YoungPerson, year: int, months: tuple[int, int] | None = None) -> Oc3Row | None:
    """The OC3 row for ``person`` in ``year``, or None when they are not in that year's cohort."""
    found = birthday_in_year(person.date_of_birth, year)
    if found is None:
        return None
    n, day = found
    episodes = [Episode(e.start_date, e.end_date, e.is_short_break) for e in person.care_episodes.all()]
    eligible_from = became_eligible_on(person.date_of_birth, episodes)
    if eligible_from is None or eligible_from > day or looked_after_on(episodes, day):
        return None
    # 17th and 18th birthdays: only young people who had left care before the birthday (903 rules 1007, 1016)
    if n in (17, 18) and any(e.start < day and (e.end is None or e.end >= day) for e in episodes
                             if not e.short_break):
        return None
    before, after = months or window()
    start, end = add_months(day, -before), add_months(day, after)
    if person.date_of_death and person.date_of_death <= end:
        return Oc3Row(person.pk, n, "DIED", "0", "0", None)
    contacts = [c for c in person.contacts.all()
                if c.successful and start <= timezone.localtime(c.occurred_at).date() <= end]
    if not contacts:
        status = "NREQ" if person.status == "stepped_down" else "NO"
        return Oc3Row(person.pk, n, status, "0", "0", None)
    when = timezone.localtime(max(c.occurred_at for c in contacts)).date()
    activity = _on(list(person.activity_episodes.all()), when)
    accommodation = _on(list(person.accommodation_episodes.all()), when)
    return Oc3Row(person.pk, n, "YES", activity.activity if activity else "0",  # type: ignore[attr-defined]
                  accom_value(accommodation), when)  # type: ignore[arg-type]


def candidates(year: int) -> Iterator[YoungPerson]:
    earliest, latest = dob_window(year, (17, 18, 19, 20, 21))
    first, last = collection_year(year)
    window_from = add_months(first, -int(setting("dfe_window_months_before")))
    window_to = add_months(last, int(setting("dfe_window_months_after")))
    qs = (YoungPerson.objects.filter(date_of_birth__gte=earliest, date_of_birth__lte=latest)
          .exclude(oc3_statuses__year=year, oc3_statuses__source__in=[Source.RECORDED, Source.IMPORTED])
          .prefetch_related(
              "care_episodes", "accommodation_episodes", "activity_episodes",
              Prefetch("contacts", queryset=Contact.objects.filter(
                  successful=True, occurred_at__date__gte=window_from, occurred_at__date__lte=window_to)
                  .only("pk", "young_person_id", "occurred_at", "successful")))
          .order_by("pk"))
    yield from qs.iterator(chunk_size=2000)


@transaction.atomic
def refresh_derived(year: int) -> int:
    """Replace the derived OC3 rows of ``year`` with fresh ones; recorded and imported rows are kept.

    The rows are worked out in the database by ``returns.oc3_sql``, which is tested to agree with ``derive``."""
    from returns.oc3_sql import write_derived  # it reads this module's rules

    return write_derived(year, window())


def derive_all(year: int) -> list[Oc3Row]:
    """Every derived row of ``year`` by ``derive``, one young person at a time (the reference for the tests)."""
    months = window()
    return [row for person in candidates(year) if (row := derive(person, year, months)) is not None]
