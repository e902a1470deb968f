"""`manage.py setup_authority`: a real authority without the demo, idempotent, refusing bad input."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from money.models import Entitlement, Rate
from org.config import DEFAULTS, setting
from org.models import Authority, District, Hub, Locality, Team
from people.models import YoungPerson


def setup(*args: str) -> str:
    out = StringIO()
    call_command("setup_authority", *args, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Authority, Locality, District, Team, Hub, Entitlement, Rate))


def test_lancashire_sets_up_everything_but_people_and_a_second_run_changes_nothing(db):
    said = setup("--preset", "lancashire")
    authority = Authority.objects.get()
    assert (authority.name, authority.la_code) == ("Lancashire County Council", "888")
    assert "Set up Lancashire County Council (888)" in said
    assert set(Locality.objects.values_list("name", flat=True)) == {"North", "Central", "East"}
    assert District.objects.filter(name="Pendle", locality__name="East").exists()
    assert Team.objects.filter(name="Preston Leaving Care Team", kind="leaving_care").exists()
    assert set(Hub.objects.values_list("name", flat=True)) == {"Preston", "Burnley", "Lancaster"}
    lca = Entitlement.objects.get(code="LCA")
    assert str(lca.rates.get(effective_from=dt.date(2024, 4, 1)).amount) == "71.70"
    assert authority.config["plan_audit_criteria"] == DEFAULTS["plan_audit_criteria"]
    assert setting("caseload_bands")["personal_adviser"]["Good"] == 28
    assert not YoungPerson.objects.exists()

    before = counts()
    said = setup("--preset", "lancashire")
    assert counts() == before
    assert "Nothing changed: Lancashire County Council (888) is already set up." in said


def test_a_second_run_keeps_what_an_administrator_changed(db):
    setup("--preset", "lancashire")
    Team.objects.filter(name="Pendle Leaving Care Team").update(name="Pendle and Burnley Team")
    authority = Authority.objects.get()
    authority.config["due_soon_days"] = 21
    authority.config["caseload_bands"] = {"personal_adviser": {"Good": 25}}
    authority.save()
    setup("--preset", "lancashire")
    assert not Team.objects.filter(name="Pendle Leaving Care Team").exists()
    assert setting("due_soon_days") == 21 and setting("caseload_bands") == {"personal_adviser": {"Good": 25}}


def test_blank_starts_an_authority_from_nothing(db):
    said = setup("--preset", "blank", "--name", "Testborough Council", "--la-code", "123")
    authority = Authority.objects.get()
    assert (authority.name, authority.la_code) == ("Testborough Council", "123")
    assert counts()[1:] == (0, 0, 0, 0, 0, 0)
    assert "Testborough Council (123)" in said
    assert "Nothing changed" in setup("--preset", "blank", "--name", "Testborough Council", "--la-code", "123")


@pytest.mark.parametrize("args, message", [
    (["--preset", "yorkshire"], "Unknown preset 'yorkshire': choose lancashire or blank"),
    (["--preset", "blank", "--name", "X Council", "--la-code", "12"], "must be three digits"),
    (["--preset", "blank", "--name", "X Council", "--la-code", "8888"], "must be three digits"),
    (["--preset", "blank", "--name", "X Council", "--la-code", "88a"], "must be three digits"),
    (["--preset", "blank", "--name", "X Council"], "must be three digits"),
    (["--preset", "blank", "--la-code", "123"], "Give the authority's name with --name"),
    (["--preset", "lancashire", "--la-code", "1"], "must be three digits"),
])
def test_bad_input_says_what_is_wrong_and_creates_nothing(db, args, message):
    with pytest.raises(CommandError, match="Nothing created") as err:
        setup(*args)
    assert message in str(err.value)
    assert counts() == (0, 0, 0, 0, 0, 0, 0)


def test_one_installation_serves_one_authority(db):
    setup("--preset", "blank", "--name", "Testborough Council", "--la-code", "123")
    with pytest.raises(CommandError, match="already holds Testborough Council"):
        setup("--preset", "lancashire")
    assert counts()[0] == 1 and not Team.objects.exists()


def test_payment_run_on_a_fresh_database_explains_what_to_do(db):
    with pytest.raises(CommandError, match="setup_authority --preset lancashire"):
        call_command("payment_run", "--period-ending", "2025-06-15", stdout=StringIO())
    from money.models import PaymentRun

    assert not PaymentRun.objects.exists()
    setup("--preset", "lancashire")
    out = StringIO()
    call_command("payment_run", "--period-ending", "2025-06-15", stdout=out)
    assert json.loads(out.getvalue())["created"] == 0  # configured, nobody to pay yet: no refusal


def test_payment_run_refuses_a_date_before_any_rate(db):
    setup("--preset", "lancashire")
    with pytest.raises(CommandError, match="has a rate on 31/03/2024"):
        call_command("payment_run", "--period-ending", "2024-03-31", stdout=StringIO())
