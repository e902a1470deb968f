"""A list page's VIEW rows are written in one statement (audit.log._insert_views): the same rows, read back
through the model, as one event per young person written through the ORM."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import RequestFactory
from django.utils import timezone

from audit.log import viewed_many
from audit.models import Action, AuditEvent
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db


def test_one_view_row_per_young_person_with_every_column(staff, teams):
    people = [young_person(teams["north"]) for _ in range(3)]
    request = RequestFactory().get("/young-people/?team=1")
    before = timezone.now()
    viewed_many(staff["tm_north"], people, "page:list", request=request)
    rows = list(AuditEvent.objects.filter(action=Action.VIEW, object_type="page:list").order_by("young_person_id"))
    assert [r.young_person_id for r in rows] == sorted(p.pk for p in people)
    for row, yp in zip(rows, sorted(people, key=lambda p: p.pk), strict=True):
        assert row.actor_id == staff["tm_north"].pk and row.object_id == str(yp.pk)
        assert row.detail == {} and row.path == "/young-people/?team=1"
        assert before - dt.timedelta(seconds=1) <= row.at <= timezone.now() and row.at.tzinfo is not None
    # The young person's access history finds them like any other event
    assert people[0].audit_events.filter(action=Action.VIEW).count() == 1


def test_many_at_once_and_none(staff, teams):
    people = [young_person(teams["north"]) for _ in range(230)]  # more than one SQLite statement's worth
    viewed_many(staff["tm_north"], [p.pk for p in people], "page:worklist")
    assert AuditEvent.objects.filter(object_type="page:worklist").count() == 230
    viewed_many(None, [], "page:nothing")
    assert not AuditEvent.objects.filter(object_type="page:nothing").exists()
