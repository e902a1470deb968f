"""The board's records and action plans: who may write, what is refused (naming the field), versions and audit,
and progress read from live figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from audit.models import Action, AuditEvent
from contacts.models import Contact
from corporate import actions
from corporate.models import BoardItem, Meeting, PlanStep, PriorityGroup
from corporate.progress import progress_of, rag_for
from people.tests.factories import young_person


@pytest.fixture
def meeting(staff):
    return actions.schedule_meeting(staff["hos"], held_on=dt.date(2024, 12, 18), venue="County Hall")


@pytest.mark.parametrize("live, target, rag", [
    (60.0, Decimal("60"), "green"), (72.4, Decimal("60"), "green"), (56.0, Decimal("60"), "amber"),
    (55.0, Decimal("60"), "amber"), (54.9, Decimal("60"), "red"), (None, Decimal("60"), "amber"),
    (50.0, None, "amber"),
])
def test_status_from_the_figure_against_the_target(live, target, rag):
    assert rag_for(live, target, amber_points=5) == rag


@pytest.mark.parametrize("who, allowed", [("hos", True), ("tm_north", True), ("analyst", False),
                                          ("pa_north", False), ("finance", False)])
def test_managers_write_the_boards_records_others_do_not(staff, who, allowed):
    if allowed:
        assert actions.schedule_meeting(staff[who], held_on=dt.date(2025, 1, 15)).pk
    else:
        with pytest.raises(PermissionDenied):
            actions.schedule_meeting(staff[who], held_on=dt.date(2025, 1, 15))


def test_an_action_with_no_owner_or_date_is_refused_naming_both_fields(staff, meeting):
    with pytest.raises(ValidationError) as error:
        actions.add_item(staff["hos"], meeting, kind="action", text="Review the Joint Housing Protocol", owner=" ",
                         due_on=None)
    assert set(error.value.message_dict) == {"owner", "due_on"}
    assert error.value.message_dict["owner"] == ["Enter who owns this action"]
    assert not BoardItem.objects.exists()
    decision = actions.add_item(staff["hos"], meeting, kind="decision", text="Agreed to sign up to the Covenant")
    assert decision.owner == "" and decision.due_on is None  # a decision needs neither


def test_a_plan_action_with_no_owner_or_date_is_refused(staff):
    plan = actions.create_plan(staff["hos"], title="Pathway to Excellence", kind="improvement")
    with pytest.raises(ValidationError) as error:
        actions.add_step(staff["hos"], plan, where_we_are="Below the region", change_needed="Reach it")
    assert set(error.value.message_dict) == {"owner", "due_on"}


@pytest.mark.parametrize("extra, field", [
    ({"measure": "eet"}, "age_band"),
    ({"measure": "eet", "age_band": "19-21"}, "target"),
    ({"measure": "eet", "age_band": "19-21", "target": "150"}, "target"),
    ({"measure": "eet", "age_band": "19-21", "target": "lots"}, "target"),
    ({"measure": "happiness"}, "measure"),
    ({"rag": "purple"}, "rag"),
    ({"due_on": "31/02/2025"}, "due_on"),
])
def test_a_measure_needs_a_band_and_a_sensible_target(staff, meeting, extra, field):
    data = {"kind": "action", "text": "Raise EET", "owner": "Head of Service", "due_on": dt.date(2025, 3, 31)}
    with pytest.raises(ValidationError) as error:
        actions.add_item(staff["hos"], meeting, **(data | extra))
    assert field in error.value.message_dict


def test_changes_carry_versions_and_are_audited_with_old_and_new(staff, meeting):
    item = actions.add_item(staff["hos"], meeting, kind="action", text="Find five local services",
                            owner="All Board members", due_on=dt.date(2025, 2, 1))
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="corporate.BoardItem").exists()
    changed = actions.update_item(staff["tm_north"], item, version=1, rag="done")
    assert changed.version == 2 and changed.rag == "done"
    event = AuditEvent.objects.get(action=Action.CHANGE, object_type="corporate.BoardItem")
    assert event.detail["rag"] == {"old": "amber", "new": "done"} and event.actor == staff["tm_north"]
    with pytest.raises(ValidationError) as error:
        actions.update_item(staff["hos"], item, version=1, owner="Someone else")
    assert "Tm_North Tester changed rag" in error.value.message_dict["version"][0]
    assert BoardItem.objects.get(pk=item.pk).owner == "All Board members"


def test_progress_of_a_measured_action_is_read_from_the_records(staff, teams, meeting):
    today = timezone.localdate()
    for n, touched in enumerate([True, True, True, False]):
        yp = young_person(teams["north"], pa=staff["pa_north"], dob=today.replace(year=today.year - 18) -
                          dt.timedelta(days=30 + n))
        if touched:
            Contact.objects.create(young_person=yp, kind="phone", made_by="pa", worker=staff["pa_north"],
                                   occurred_at=timezone.now() - dt.timedelta(days=3))
    item = actions.add_item(staff["hos"], meeting, kind="action", text="Keep in touch with every 17-18 year old",
                            owner="Head of Service", due_on=today, rag="red", measure="in_touch", age_band="17-18",
                            target="90")
    p = progress_of([item], today)[item.pk]
    assert (p.live, p.numerator, p.denominator, p.rag, p.from_figures) == (75.0, 3, 4, "red", True)
    item = actions.update_item(staff["hos"], item, version=1, target="78")
    assert progress_of([item], today)[item.pk].rag == "amber"  # typed "red" is not what counts


def test_bi_monthly_by_default(staff):
    assert actions.next_meeting_on(dt.date(2022, 5, 11)) == dt.date(2022, 7, 11)


def test_demo_builds_the_board_from_the_seeds(db):
    call_command("demo_data", "--young-people", "60", "--seed", "3", "--as-at", "2025-06-15", stdout=StringIO())
    assert PriorityGroup.objects.count() == 4
    may = Meeting.objects.get(held_on=dt.date(2022, 5, 11))
    assert set(may.attendees.filter(role="young_person").values_list("name", flat=True)) >= {
        "Jake", "Georgia", "Mary", "Ripley"}
    assert may.items.filter(kind="action", owner="April Rankin").exists()
    assert PlanStep.objects.filter(plan__title="Pathway to Excellence", measure="eet", age_band="19-21").exists()
    assert BoardItem.objects.filter(kind="action", due_on__gte=dt.date(2025, 6, 1)).exists()
    from corporate.report import build

    text = build(dt.date(2025, 6, 15)).text()
    assert "Coordinate a review of the Joint Housing Protocol" in text and "(overdue)" in text
    assert "Reach the North West rate for EET at 19-21" in text and "(from the figures)" in text
