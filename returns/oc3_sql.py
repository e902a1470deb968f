"""The OC3 derivation of ``returns.oc3.derive`` as set-based SQL, for SQLite and PostgreSQL.

``derive`` is the readable statement of the rules and is what the tests check this against. Here the same
rules run in the database: dates of birth are few (about 1,830 in a collection year), so Python works out,
for each one, the birthday in the year and the window around it (29 February birthdays fall on 1 March, as
everywhere else) and passes them in as a VALUES list; the database joins that to the young people and
finds each one's latest successful contact in the window, and the accommodation and activity on its date,
through the indexed (young person, date) columns. Nothing is read back into Python. ``statused`` is
materialised so each young person's latest contact is looked up once, not once per column that uses it.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.utils import timezone

from accommodation.models import AccommodationEpisode, ActivityEpisode
from contacts.models import Contact
from people.models import CareEpisode, YoungPerson
from returns.models import Oc3Status, Source
from returns.oc3 import birthdays


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def birthday_rows(year: int, months: tuple[int, int]) -> list[tuple[object, ...]]:
    """(date of birth, age, birthday, window from, window to (exclusive), last day of window) per date of
    birth whose 17th to 21st birthday falls in the collection year."""
    ops = connection.ops
    return [(ops.adapt_datefield_value(dob), n, ops.adapt_datefield_value(day),
             ops.adapt_datetimefield_value(_start_of(start)),
             ops.adapt_datetimefield_value(_start_of(end + dt.timedelta(days=1))), ops.adapt_datefield_value(end))
            for dob, n, day, start, end in birthdays(year, months)]


NEW = "lc_oc3_derived_new"


def write_derived(year: int, months: tuple[int, int]) -> int:
    """Make the derived OC3 rows of ``year`` those of everyone in its cohort without a recorded or imported
    row, and return how many there are. The new rows are worked out into a temporary table; only rows that
    are new or changed are written and only those gone or changed are deleted, so a second run in a row
    writes nothing. Run it inside a transaction."""
    rows = birthday_rows(year, months)
    if not rows:
        return 0
    tables = {"yp": YoungPerson._meta.db_table, "care": CareEpisode._meta.db_table,
              "contact": Contact._meta.db_table, "accom": AccommodationEpisode._meta.db_table,
              "activ": ActivityEpisode._meta.db_table, "oc3": Oc3Status._meta.db_table}
    cast_date, cast_params = connection.ops.datetime_cast_date_sql("last_at", (),
                                                                   timezone.get_current_timezone_name())
    values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
    on_day = "x.start_date <= c.contact_date AND (x.end_date IS NULL OR x.end_date >= c.contact_date)"
    sql = f"""
    CREATE TEMPORARY TABLE {NEW} AS
    WITH b (dob, n, bday, wfrom, wto, wend) AS (VALUES {values}),
    cohort AS MATERIALIZED (
        SELECT yp.id AS yp_id, yp.status, yp.date_of_death, b.wend,
               (SELECT MAX(ct.occurred_at) FROM {tables['contact']} ct
                 WHERE ct.young_person_id = yp.id AND ct.successful
                   AND ct.occurred_at >= b.wfrom AND ct.occurred_at < b.wto) AS last_at
        FROM {tables['yp']} yp JOIN b ON yp.date_of_birth = b.dob
        WHERE yp.eligible_from IS NOT NULL AND yp.eligible_from <= b.bday
          AND ((yp.care_ended_on IS NOT NULL AND yp.care_ended_on < b.bday) OR NOT EXISTS (
              SELECT 1 FROM {tables['care']} e WHERE e.young_person_id = yp.id AND NOT e.is_short_break
                AND ((e.start_date <= b.bday AND (e.end_date IS NULL OR e.end_date > b.bday))
                     OR (b.n <= 18 AND e.start_date < b.bday AND (e.end_date IS NULL OR e.end_date >= b.bday)))))
          AND yp.id NOT IN (
              SELECT o.young_person_id FROM {tables['oc3']} o WHERE o.year = %s AND o.source IN (%s, %s))
    ),
    statused AS MATERIALIZED (
        SELECT yp_id, {cast_date} AS contact_date,
               CASE WHEN date_of_death IS NOT NULL AND date_of_death <= wend THEN 'DIED'
                    WHEN last_at IS NOT NULL THEN 'YES'
                    WHEN status = 'stepped_down' THEN 'NREQ'
                    ELSE 'NO' END AS in_touch
        FROM cohort
    )
    SELECT c.yp_id, c.in_touch AS in_touch,
           CASE WHEN c.in_touch = 'YES' THEN COALESCE(
               (SELECT x.activity FROM {tables['activ']} x WHERE x.young_person_id = c.yp_id AND {on_day}
                 ORDER BY x.start_date DESC, x.id DESC LIMIT 1), '0') ELSE '0' END AS activity,
           CASE WHEN c.in_touch = 'YES' THEN COALESCE(
               (SELECT CASE WHEN x.accom IN ('S', 'X') THEN x.accom || '2'
                            WHEN x.suitable IS NULL THEN '0'
                            WHEN x.suitable THEN x.accom || '1'
                            ELSE x.accom || '2' END
                  FROM {tables['accom']} x WHERE x.young_person_id = c.yp_id AND {on_day}
                 ORDER BY x.start_date DESC, x.id DESC LIMIT 1), '0') ELSE '0' END AS accommodation,
           CASE WHEN c.in_touch = 'YES' THEN c.contact_date END AS contact_date
    FROM statused c
    """
    params: list[object] = [v for row in rows for v in row]
    params += [year, Source.RECORDED, Source.IMPORTED, *cast_params]
    o = tables["oc3"]
    same = (f"n.yp_id = {o}.young_person_id AND n.in_touch = {o}.in_touch AND n.activity = {o}.activity"
            f" AND n.accommodation = {o}.accommodation"
            f" AND COALESCE(n.contact_date, %s) = COALESCE({o}.contact_date, %s)")
    never = connection.ops.adapt_datefield_value(dt.date(1900, 1, 1))
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {NEW}")
        cursor.execute(sql, params)
        # Indexed and analysed, so comparing with this year's rows is a lookup per row whatever the planner
        # believes about the OC3 table (its statistics lag behind a derivation just written)
        cursor.execute(f"CREATE INDEX {NEW}_yp ON {NEW} (yp_id)")
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {NEW}")
        cursor.execute(f"""
            DELETE FROM {o} WHERE year = %s AND source = %s AND NOT EXISTS (SELECT 1 FROM {NEW} n WHERE {same})""",
                       [year, Source.DERIVED, never, never])
        cursor.execute(f"""
            INSERT INTO {tables['oc3']} (young_person_id, year, in_touch, activity, accommodation, contact_date,
                                         source, recorded_at)
            SELECT n.yp_id, %s, n.in_touch, n.activity, n.accommodation, n.contact_date, %s, %s FROM {NEW} n
             WHERE NOT EXISTS (SELECT 1 FROM {tables['oc3']} o WHERE o.young_person_id = n.yp_id AND o.year = %s)""",
                       [year, Source.DERIVED, connection.ops.adapt_datetimefield_value(timezone.now()), year])
        cursor.execute(f"SELECT COUNT(*) FROM {NEW}")
        count = cursor.fetchone()[0]
        cursor.execute(f"DROP TABLE {NEW}")
    return int(count)
