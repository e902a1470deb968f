"""Each figure on the performance page leads to the young people behind it, for those allowed names; the as-at
date is the GOV.UK date input; the DfE-year view sits beside the as-at view."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from audit.models import Action, AuditEvent
from people.models import YoungPerson
from performance.measures import as_at_members, as_at_rows, dfe_year_members, dfe_year_rows
from performance.tests.test_kpis_command import leaver

AS_AT = dt.date(2025, 6, 15)
LINK = re.compile(r'href="(/performance/young-people/\?[^"]+)"')


@pytest.fixture
def cohort(staff, teams):
    """Four young people aged 18 on AS_AT in two teams, and one aged 20."""
    n, s = teams["north"], teams["south"]
    pa_n, pa_s = staff["pa_north"], staff["pa_south"]
    return {
        "north_ok": leaver(n, pa_n, dt.date(2007, 1, 1), AS_AT - dt.timedelta(days=10), "D", True, "F2",
                           first_name="Nora", last_name="North"),
        "north_lost": leaver(n, pa_n, dt.date(2007, 2, 1), AS_AT - dt.timedelta(days=70), "S", False, "G6",
                             first_name="Ned", last_name="Northlost"),
        "south_ok": leaver(s, pa_s, dt.date(2007, 3, 1), AS_AT - dt.timedelta(days=3), "U", True, "P5",
                           first_name="Sam", last_name="South"),
        "south_idle": leaver(s, pa_s, dt.date(2007, 4, 1), AS_AT - dt.timedelta(days=3), "U", True, "G5",
                             first_name="Sue", last_name="Southidle"),
        "older": leaver(n, pa_n, dt.date(2005, 1, 1), AS_AT - dt.timedelta(days=5), "U", True, "G5",
                        first_name="Olly", last_name="Older"),
    }


def links(html: str) -> list[str]:
    return [unescape(u) for u in LINK.findall(html)]


# ---------------------------------------------------------------- the lists agree with the figures


@pytest.mark.parametrize("indicator", ["in_touch", "suitable_accommodation", "eet", "eet_adjusted"])
@pytest.mark.parametrize("band", ["17-18", "19-21", "22-25"])
def test_as_at_lists_hold_exactly_the_counted_young_people(cohort, indicator, band):
    row = next(r for r in as_at_rows(YoungPerson.objects.all(), AS_AT)
               if r["indicator"] == indicator and r["age_band"] == band)
    everyone = YoungPerson.objects.all()
    assert as_at_members(everyone, AS_AT, indicator, band, "numerator").count() == row["numerator"]
    assert as_at_members(everyone, AS_AT, indicator, band, "denominator").count() == row["denominator"]


def test_dfe_year_lists_hold_exactly_the_counted_rows(staff, teams):
    from returns.models import Oc3Status

    t = teams["north"]
    for i, (in_touch, activ, accom) in enumerate([("YES", "F1", "D1"), ("YES", "G4", "G0"), ("REFU", "0", "0"),
                                                  ("DIED", "0", "0"), ("YES", "P5", "U2"), ("NO", "0", "0")]):
        yp = leaver(t, staff["pa_north"], dt.date(2006, 5 + i, 1))
        Oc3Status.objects.create(young_person=yp, year=2025, in_touch=in_touch, activity=activ, accommodation=accom,
                                 source="imported")
    rows = dfe_year_rows(2025)
    for row in rows:
        for which in ("numerator", "denominator"):
            got = dfe_year_members(2025, row["indicator"], row["age_band"], which).count()
            assert got == row[which], (row, which)
    assert next(r for r in rows if r["indicator"] == "in_touch" and r["age_band"] == "17-18")["denominator"] == 5


# ---------------------------------------------------------------- who sees links to names


def test_a_senior_manager_follows_a_figure_to_the_named_young_people(client, staff, cohort):
    client.force_login(staff["hos"])
    page = client.get(f"/performance/?view=as_at&as_at={AS_AT}").content.decode()
    urls = links(page)
    numerator = next(u for u in urls if parse_qs(urlsplit(u).query) == {
        "view": ["as_at"], "as_at": [AS_AT.isoformat()], "indicator": ["in_touch"], "band": ["17-18"],
        "which": ["numerator"]})
    before = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    listed = client.get(numerator)
    assert listed.status_code == 200
    text = listed.content.decode()
    assert "Nora North" in text and "Sam South" in text and "Sue Southidle" in text and "Ned Northlost" not in text
    assert f'href="/young-people/{cohort["north_ok"].pk}/"' in text
    logged = AuditEvent.objects.filter(pk__gt=before, action=Action.VIEW, object_type="page:performance_people")
    assert {e.young_person_id for e in logged} == {cohort[k].pk for k in ("north_ok", "south_ok", "south_idle")}


def test_a_team_manager_sees_every_figure_but_only_their_teams_names(client, staff, cohort):
    client.force_login(staff["tm_north"])
    text = client.get("/performance/young-people/", {"view": "as_at", "as_at": AS_AT.isoformat(),
                                                     "indicator": "in_touch", "band": "17-18",
                                                     "which": "denominator"}).content.decode()
    assert "Nora North" in text and "Ned Northlost" in text
    assert "Sam South" not in text and "Sue Southidle" not in text
    assert "4 young people in this figure" in text and "2 of them are in teams you do not work with" in text
    shown = AuditEvent.objects.filter(object_type="page:performance_people", actor=staff["tm_north"])
    assert {e.young_person_id for e in shown} == {cohort["north_ok"].pk, cohort["north_lost"].pk}


def test_team_and_district_figures_lead_to_their_young_people(client, staff, cohort, teams):
    client.force_login(staff["hos"])
    urls = links(client.get(f"/performance/?as_at={AS_AT}").content.decode())
    south = next(u for u in urls if "group=South+Leaving+Care+Team" in u and "indicator=eet&" in u
                 and "band=17-18" in u and "which=denominator" in u)
    text = client.get(south).content.decode()
    assert "Sam South" in text and "Sue Southidle" in text and "Nora North" not in text


def test_an_analyst_sees_the_figures_with_no_link_to_names(client, staff, cohort):
    client.force_login(staff["analyst"])
    page = client.get(f"/performance/?as_at={AS_AT}").content.decode()
    assert "The measures as at 15 June 2025" in page and links(page) == []
    refused = client.get("/performance/young-people/", {"view": "as_at", "as_at": AS_AT.isoformat(),
                                                        "indicator": "in_touch", "band": "17-18",
                                                        "which": "numerator"})
    assert refused.status_code == 403
    assert not AuditEvent.objects.filter(object_type="page:performance_people").exists()


@pytest.mark.parametrize("role", ["pa_north", "sw_north", "housing", "finance", "admin"])
def test_roles_without_the_dashboard_get_neither_page(client, staff, role):
    client.force_login(staff[role])
    assert client.get("/performance/").status_code == 403
    assert client.get("/performance/young-people/?view=as_at&indicator=eet&band=17-18&which=numerator&"
                      "as_at=2025-06-15").status_code == 403


# ---------------------------------------------------------------- the DfE year beside as-at


def test_the_dfe_year_view_counts_the_oc3_rows_and_links_them(client, staff, teams):
    from returns.models import Oc3Status

    yp = leaver(teams["north"], staff["pa_north"], dt.date(2006, 7, 1), first_name="Dee", last_name="Year")
    Oc3Status.objects.create(young_person=yp, year=2025, in_touch="YES", activity="F1", accommodation="D1",
                             source="imported")
    client.force_login(staff["hos"])
    page = client.get("/performance/?view=dfe_year&year=2025").content.decode()
    assert "The measures for the DfE year 2024 to 2025" in page
    assert 'aria-current="page">DfE collection year' in page
    numerator = next(u for u in links(page) if "indicator=in_touch&" in u and "band=17-18" in u
                     and "which=numerator" in u)
    assert "year=2025" in numerator
    text = client.get(numerator).content.decode()
    assert "Dee Year" in text and "YES" in text and "F1" in text


def test_the_as_at_view_is_the_default_and_offers_the_dfe_year(client, staff, today):
    client.force_login(staff["hos"])
    page = client.get("/performance/").content.decode()
    assert f"The measures as at {today:%-d %B %Y}" in page
    assert 'aria-current="page">As at a date' in page and "?view=dfe_year&amp;year=" in page


# ---------------------------------------------------------------- the GOV.UK date input


def test_the_as_at_date_is_three_boxes_not_the_browser_date_picker(client, staff):
    client.force_login(staff["analyst"])
    page = client.get("/performance/?view=as_at&as_at_day=15&as_at_month=6&as_at_year=2025").content.decode()
    assert 'type="date"' not in page
    for part, value in (("day", "15"), ("month", "6"), ("year", "2025")):
        assert re.search(rf'name="as_at_{part}" type="text" inputmode="numeric" value="{value}"', page)
    assert "The measures as at 15 June 2025" in page


@pytest.mark.parametrize(("day", "month", "year", "message"), [
    ("31", "2", "2025", "As at must be a real date"),
    ("", "2", "2025", "As at must include a day"),
    ("1", "13", "2025", "As at must be a real date"),
    ("x", "y", "z", "As at must be a real date"),
    ("1", "1", "2999", "As at must be today or in the past"),
    ("1", "1", "1999", "As at must be in 2000 or later"),
])
def test_a_bad_date_is_named_and_kept(client, staff, day, month, year, message):
    client.force_login(staff["hos"])
    answer = client.get("/performance/", {"view": "as_at", "as_at_day": day, "as_at_month": month,
                                          "as_at_year": year})
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "There is a problem" in page and message in page and 'href="#id_as_at"' in page
    assert f'name="as_at_month" type="text" inputmode="numeric" value="{month}"' in page
    assert "The measures as at" not in page and links(page) == []


def test_a_collection_year_not_offered_is_named(client, staff):
    client.force_login(staff["hos"])
    page = client.get("/performance/?view=dfe_year&year=1990").content.decode()
    assert "There is a problem" in page and "Collection year must be one of" in page


@pytest.mark.parametrize(("query", "message"), [
    ({}, "Choose a measure"),
    ({"indicator": "eet", "which": "numerator", "band": "99-100", "as_at": "2025-06-15"}, "Age band must be"),
    ({"indicator": "eet", "which": "numerator", "band": "17-18", "as_at": "2025-02-31"}, "As at must be a real"),
    ({"indicator": "eet", "which": "all", "band": "17-18", "as_at": "2025-02-01"}, "Choose the young people"),
    ({"view": "dfe_year", "indicator": "eet", "which": "numerator", "band": "17-18", "year": "20x5"},
     "Collection year must be"),
    ({"view": "dfe_year", "indicator": "eet", "which": "numerator", "band": "22-25", "year": "2025"},
     "Age band must be one of 17-18, 19-21"),
])
def test_a_list_address_that_names_no_figure_says_which_part(client, staff, query, message):
    client.force_login(staff["hos"])
    answer = client.get("/performance/young-people/", query)
    assert answer.status_code == 400 and message in answer.content.decode()


def test_an_old_iso_link_still_opens_the_date(client, staff):
    client.force_login(staff["hos"])
    assert "The measures as at 31 October 2024" in client.get("/performance/?as_at=2024-10-31").content.decode()


def test_the_chart_text_is_sans_serif_and_styles_are_not_inline(client, staff, authority):
    from performance.tests.test_dashboard import lancashire_comparators

    lancashire_comparators(authority)
    client.force_login(staff["analyst"])
    page = client.get("/performance/").content.decode()
    assert 'font-family="arial, sans-serif"' in page
    assert " style=" not in page.split("<main", 1)[1]
    assert timezone.localdate().strftime("%-d %B %Y") in page


def test_the_not_recorded_team_figure_leads_to_those_with_no_team(client, staff, cohort):
    YoungPerson.objects.filter(pk=cohort["south_idle"].pk).update(team=None)
    client.force_login(staff["hos"])
    urls = links(client.get(f"/performance/?as_at={AS_AT}").content.decode())
    none = next(u for u in urls if "group_by=team&group=&" in u and "indicator=eet&" in u and "band=17-18" in u
                and "which=denominator" in u)
    text = client.get(none).content.decode()
    assert "Sue Southidle" in text and "Sam South<" not in text and "team not recorded" in text
