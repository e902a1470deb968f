"""The young person's summary page: their story on one screen, logged, and refused outside one's scope."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from accommodation.models import AccommodationEpisode, ActivityEpisode
from audit.models import Action, AuditEvent
from contacts.models import Contact
from people.tests.factories import young_person


def test_summary_tells_the_story(client, staff, teams, today):
    yp = young_person(teams["north"], first_name="Sam", preferred_name="Sammy", pa=staff["pa_north"],
                      is_uasc=True, dob=today.replace(year=today.year - 19))
    AccommodationEpisode.objects.create(young_person=yp, start_date=today - dt.timedelta(days=30), accom="Z",
                                        suitable=True, provision="staying_put")
    ActivityEpisode.objects.create(young_person=yp, start_date=today - dt.timedelta(days=60), activity="F2")
    Contact.objects.create(young_person=yp, occurred_at=timezone.now() - dt.timedelta(days=3), kind="home_visit",
                           made_by="pa", worker=staff["pa_north"])
    client.force_login(staff["pa_north"])
    page = client.get(f"/young-people/{yp.pk}/").content.decode()
    for text in ["Sammy", "19 years old", "Former relevant", "Pa_North Tester", "With former foster carers",
                 "Staying Put", "Full time in education other than higher education", "home visit", "UASC"]:
        assert text in page, text
    assert AuditEvent.objects.filter(actor=staff["pa_north"], young_person=yp, action=Action.VIEW).exists()


def test_out_of_scope_is_404_and_logged(client, staff, teams):
    yp = young_person(teams["south"], pa=staff["pa_south"])
    client.force_login(staff["pa_north"])
    assert client.get(f"/young-people/{yp.pk}/").status_code == 404
    assert AuditEvent.objects.filter(actor=staff["pa_north"], young_person=yp, action=Action.DENIED).exists()


def test_summary_query_count_is_fixed(client, staff, teams, django_assert_max_num_queries):
    yp = young_person(teams["north"], pa=staff["pa_north"], sw=staff["sw_north"])
    client.force_login(staff["pa_north"])
    # 25 before issue 14; safety, health, circumstances and their worklist items add a fixed number more. The
    # policy's answers about one user and one record are asked once per page, however many links it checks.
    with django_assert_max_num_queries(45):
        assert client.get(f"/young-people/{yp.pk}/").status_code == 200
