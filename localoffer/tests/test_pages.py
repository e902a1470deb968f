"""The Local Offer's staff pages: the list by area with filters and overdue reviews, creating and changing an
entry through the preview, refusals that name the field and keep what was typed, and who sees what."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from localoffer import actions
from localoffer.models import Entry
from localoffer.tests.helpers import entry_values
from money.models import Entitlement
from money.presets import load_catalogue

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(**over: Any) -> dict[str, Any]:
    review = timezone.localdate() + dt.timedelta(days=300)
    data = {"area": "eet", "name": "Laptop for college", "summary": "A laptop you keep.", "partner": "",
            "min_age": "16", "max_age": "24", "how_to_get": "Ask your PA.", "cost_kind": "free",
            "cost_amount": "", "cost_description": "", "entitlement": "", "contact_name": "Your PA",
            "contact_phone": "01632 960000", "contact_email": "", "contact_url": "", "location_name": "",
            "address": "", "town": "", "postcode": "", "when": "", "review_on_day": str(review.day),
            "review_on_month": str(review.month), "review_on_year": str(review.year), "status": "active"}
    data.update(over)
    return data


def test_create_goes_through_a_preview_as_a_young_person_sees_it(staff: dict[str, Any]) -> None:
    client = client_for(staff["tm_north"])
    page = client.get("/local-offer/new/")
    assert page.status_code == 200 and b"Preview" in page.content
    preview = client.post("/local-offer/new/", form_data(step="preview", circumstances=["parents", "uasc"]))
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Check it before you save" in html and 'data-testid="local-offer-entry"' in html
    assert "Laptop for college" in html and "young parents" in html and "Free" in html
    assert not Entry.objects.exists()  # nothing saved by a preview
    # the preview carries every value through to Save
    assert 'name="circumstances" value="parents"' in html and 'name="review_on_year"' in html
    saved = client.post("/local-offer/new/", form_data(step="save", circumstances=["parents", "uasc"]))
    entry = Entry.objects.get()
    assert saved.status_code == 302 and saved["Location"] == f"/local-offer/{entry.pk}/"
    assert entry.circumstances == ["parents", "uasc"] and entry.area == "eet"
    detail = client.get(saved["Location"])
    assert "Laptop for college is saved in the Local Offer" in detail.content.decode()


def test_change_it_goes_back_to_the_form_with_what_was_typed(staff: dict[str, Any]) -> None:
    client = client_for(staff["admin"])
    back = client.post("/local-offer/new/", form_data(step="change", name="Typed name"))
    assert back.status_code == 200 and 'value="Typed name"' in back.content.decode()
    assert not Entry.objects.exists()


@pytest.mark.parametrize(("over", "message", "field_id"), [
    ({"area": ""}, "Select the area of the Local Offer this is under", "id_area"),
    ({"contact_name": ""}, "Enter who to contact", "id_contact_name"),
    ({"contact_phone": ""}, "Enter a phone number, email address or website for the contact", "id_contact_phone"),
    ({"review_on_day": "31", "review_on_month": "2"}, "Review date must be a real date", "id_review_on"),
])
@pytest.mark.parametrize("step", ["preview", "save"])
def test_refusals_name_the_field_and_keep_what_was_typed(staff: dict[str, Any], over: dict[str, str],
                                                         message: str, field_id: str, step: str) -> None:
    client = client_for(staff["tm_north"])
    answer = client.post("/local-offer/new/", form_data(step=step, name="Kept text", **over))
    html = answer.content.decode()
    assert answer.status_code == 200
    assert "There is a problem" in html and message in html and f'href="#{field_id}' in html
    assert 'value="Kept text"' in html
    assert "<title>Error:" in html
    assert not Entry.objects.exists()


def test_edit_through_preview_with_version(staff: dict[str, Any]) -> None:
    entry = actions.add_entry(staff["tm_north"], entry_values())
    client = client_for(staff["hos"])
    form = client.get(f"/local-offer/{entry.pk}/edit/")
    assert 'name="version" value="1"' in form.content.decode() and 'value="Free gym"' in form.content.decode()
    data = form_data(area="health", name="Free gym and pool", version="1")
    assert client.post(f"/local-offer/{entry.pk}/edit/", {**data, "step": "preview"}).status_code == 200
    assert client.post(f"/local-offer/{entry.pk}/edit/", {**data, "step": "save"}).status_code == 302
    entry.refresh_from_db()
    assert (entry.name, entry.version, entry.area) == ("Free gym and pool", 2, "health")
    stale = client.post(f"/local-offer/{entry.pk}/edit/", {**data, "name": "Older", "step": "preview"})
    assert "Someone else changed this Local Offer entry" in stale.content.decode()


def test_the_list_groups_by_area_filters_and_flags_overdue_reviews(staff: dict[str, Any]) -> None:
    today = timezone.localdate()
    actions.add_entry(staff["tm_north"], entry_values(name="Gym", review_on=today - dt.timedelta(days=1)))
    actions.add_entry(staff["tm_north"], entry_values(name="Forum", area="participation"))
    client = client_for(staff["pa_north"])  # every member of staff reads it
    html = client.get("/local-offer/").content.decode()
    for area in ("Health and wellbeing", "Relationships", "Education, employment and training", "Accommodation",
                 "Participation in society"):
        assert area in html
    assert "Overdue</strong>" in html and "1 entry is past its review date" in html
    assert "Add to the Local Offer" not in html  # a PA cannot add
    only = client.get("/local-offer/?review=overdue").content.decode()
    assert "Gym" in only and "Forum" not in only
    assert "Forum" in client.get("/local-offer/?area=participation").content.decode()
    assert "Gym" not in client.get("/local-offer/?q=forum").content.decode()
    assert client.get("/local-offer/?area=zz&provider=x&status=zzz&q=" + "x" * 500).status_code == 200
    assert client.get("/local-offer/?area=%00").status_code == 400  # the project's answer to a NUL


def test_entitlement_amounts_come_from_the_catalogue(staff: dict[str, Any]) -> None:
    load_catalogue()
    suha = Entitlement.objects.get(code="SUHA")
    entry = actions.add_entry(staff["tm_north"], entry_values(cost_kind="entitlement", entitlement=suha.pk))
    html = client_for(staff["tm_north"]).get(f"/local-offer/{entry.pk}/").content.decode()
    assert "£3,000 in total" in html and "1 April 2024" in html


@pytest.mark.parametrize("who", ["pa_north", "housing", "finance", "analyst"])
def test_only_managers_and_administrators_open_the_forms(staff: dict[str, Any], who: str) -> None:
    entry = actions.add_entry(staff["tm_north"], entry_values())
    client = client_for(staff[who])
    assert client.get("/local-offer/new/").status_code == 403
    assert client.post(f"/local-offer/{entry.pk}/edit/", form_data(step="save")).status_code == 403
    assert client.get(f"/local-offer/{entry.pk}/").status_code == 200
    assert Entry.objects.get().name == "Free gym"


def test_partners_pages(staff: dict[str, Any]) -> None:
    client = client_for(staff["admin"])
    refused = client.post("/local-offer/partners/new/", {"name": "", "website": "not a url"})
    assert "Enter the partner organisation&#x27;s name" in refused.content.decode()
    assert client.post("/local-offer/partners/new/", {"name": "College", "active": "on"}).status_code == 302
    assert "College" in client.get("/local-offer/partners/").content.decode()
    assert "College" in client.get("/local-offer/new/").content.decode()  # offered as a provider
