"""The preset's Local Offer: `setup_authority --preset lancashire` loads entries in all five areas once (a second
run, or a run after an administrator changed an entry, changes nothing); the blank preset loads none."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from localoffer import actions
from localoffer.models import Area, CostKind, Entry, Partner
from org.models import Authority

pytestmark = pytest.mark.django_db


def setup(*args: str) -> str:
    out = StringIO()
    call_command("setup_authority", *args, stdout=out)
    return out.getvalue()


def test_lancashire_loads_every_area_once(db: Any) -> None:
    said = setup("--preset", "lancashire")
    assert "Local Offer entries" in said
    assert set(Entry.objects.values_list("area", flat=True)) == set(Area.values)
    assert Partner.objects.count() >= 3 and Entry.objects.filter(partner__isnull=False).exists()
    linked = Entry.objects.filter(cost_kind=CostKind.ENTITLEMENT)
    assert linked.count() >= 4 and all(e.entitlement_id for e in linked)
    assert not linked.exclude(cost_amount=None).exists()  # amounts come from the catalogue, never typed
    assert all(e.contact_name and (e.contact_phone or e.contact_email or e.contact_url)
               for e in Entry.objects.all())
    counts = (Entry.objects.count(), Partner.objects.count())
    assert "Nothing changed" in setup("--preset", "lancashire")
    assert (Entry.objects.count(), Partner.objects.count()) == counts


def test_a_second_run_keeps_what_an_administrator_changed(db: Any) -> None:
    setup("--preset", "lancashire")
    entry = Entry.objects.get(name="Free gym and swimming")
    actions.change_entry(None, entry, {"status": "defunct", "name": "Gym (ended)"}, version=1)
    setup("--preset", "lancashire")
    assert not Entry.objects.filter(name="Free gym and swimming").exists()


def test_an_authority_set_up_before_the_local_offer_existed_gets_it_once(db: Any) -> None:
    setup("--preset", "lancashire")
    Entry.objects.all().delete()
    authority = Authority.objects.get()
    authority.config.pop("local_offer_loaded")
    authority.save()
    setup("--preset", "lancashire")
    assert Entry.objects.count() > 10


def test_blank_preset_has_no_local_offer(db: Any) -> None:
    setup("--preset", "blank", "--name", "Newshire Council", "--la-code", "123")
    assert not Entry.objects.exists() and not Partner.objects.exists()


def test_the_demo_offer_is_valid_open_data(db: Any) -> None:
    setup("--preset", "lancashire")
    body = Client().get("/openreferral/services", {"per_page": 200}).json()
    assert body["total_items"] == Entry.objects.exclude(status="defunct").count()
    for item in body["contents"]:
        assert Client().get(f"/openreferral/services/{item['id']}").status_code == 200
