"""The Open Referral UK 3.0 API at /openreferral/: every endpoint's answer validated against the profile's
published JSON schemas (localoffer/oruk_schema/, resolved locally: no network), every filter, and bad input
answered 400 with a JSON body, never a server error. Anyone may read it; nothing can be written through it."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.test import Client
from django.utils import timezone
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from audit.models import AuditEvent
from localoffer import actions
from localoffer import openreferral as oruk
from localoffer.models import Entry
from localoffer.tests.helpers import entry_values
from money.models import Entitlement
from money.presets import load_catalogue

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parent.parent / "oruk_schema"
PUBLISHED = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


@cache
def registry() -> Registry:  # type: ignore[type-arg]
    """Every schema file under the names it is referred to by: its own file name (taxonomy.json refers to
    "taxonomy_term.json") and the published address the profile's OpenAPI document uses."""
    resources = []
    for path in SCHEMAS.glob("*.json"):
        resource = Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012)
        folder = "compiled/" if path.name not in ("taxonomy.json", "taxonomy_term.json", "phone.json",
                                                   "openapi.json") else ""
        resources += [(path.name, resource), (PUBLISHED + folder + path.name, resource)]
    return Registry().with_resources(resources)


def check(instance: Any, ref: str) -> None:
    """Validate against a schema named like "service.json" or "openapi.json#/paths/~1services/..."."""
    validator = jsonschema.Draft202012Validator({"$ref": ref}, registry=registry(),
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def response_schema(path: str) -> str:
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"openapi.json#/paths/{escaped}/get/responses/200/content/application~1json/schema"


@pytest.fixture
def offer(staff: dict[str, Any]) -> dict[str, Entry]:
    load_catalogue()
    suha = Entitlement.objects.get(code="SUHA")
    partner = actions.add_partner(staff["admin"], {"name": "Local college", "website": "https://college.example.org",
                                                   "email": "help@college.example.org"})
    admin = staff["admin"]
    return {
        "gym": actions.add_entry(admin, entry_values(name="Free gym", area="health", min_age=16, max_age=21,
                                                     location_name="Leisure centre", address="1 Example Street",
                                                     town="Preston", postcode="PR1 1AA",
                                                     when="Every day, 7am to 10pm",
                                                     contact_email="gym@example.org",
                                                     contact_url="https://gym.example.org")),
        "home": actions.add_entry(admin, entry_values(name="Setting up home", area="accommodation",
                                                      cost_kind="entitlement", entitlement=suha.pk, min_age=18)),
        "parents": actions.add_entry(admin, entry_values(name="Young parents group", area="relationships",
                                                         circumstances=["parents"], partner=partner.pk,
                                                         location_name="Online")),
        "course": actions.add_entry(admin, entry_values(name="Cooking course", area="eet", cost_kind="charge",
                                                        cost_amount="2.50", cost_description="a session",
                                                        status="temporarily closed")),
        "gone": actions.add_entry(admin, entry_values(name="Old scheme", area="participation", status="defunct")),
    }


def get(path: str, **params: Any) -> Any:
    return Client().get(path, params)


def test_about(db: Any) -> None:
    answer = get("/openreferral/")
    assert answer.status_code == 200 and answer["Access-Control-Allow-Origin"] == "*"
    body = answer.json()
    check(body, response_schema("/"))
    assert body["version"] == "3.0" and body["openapi_url"].endswith("/openreferral/openapi.json")
    assert get("/openreferral/openapi.json").json()["info"]["title"] == "Open Referral UK Profile"


def test_services_list_is_paged_and_valid(offer: dict[str, Entry]) -> None:
    body = get("/openreferral/services").json()
    check(body, response_schema("/services"))
    for item in body["contents"]:
        check(item, "service_list.json")
    assert {k: body[k] for k in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page",
                                 "empty")} == {"total_items": 4, "total_pages": 1, "page_number": 1, "size": 4,
                                               "first_page": True, "last_page": True, "empty": False}
    names = {s["name"] for s in body["contents"]}
    assert "Old scheme" not in names  # defunct: not listed
    assert {s["status"] for s in body["contents"]} == {"active", "temporarily closed"}

    first = get("/openreferral/services", per_page=3).json()
    second = get("/openreferral/services", per_page=3, page=2).json()
    check(second, response_schema("/services"))
    assert (first["total_pages"], first["size"], first["last_page"]) == (2, 3, False)
    assert (second["page_number"], second["size"], second["first_page"], second["last_page"]) == (2, 1, False, True)
    assert {s["id"] for s in first["contents"]}.isdisjoint({s["id"] for s in second["contents"]})
    beyond = get("/openreferral/services", page=9).json()
    assert beyond["empty"] is True and beyond["contents"] == [] and beyond["size"] == 0


def test_a_service_is_fully_nested_and_valid(offer: dict[str, Entry]) -> None:
    gym = get(f"/openreferral/services/{offer['gym'].uuid}").json()
    check(gym, "service.json")
    assert gym["id"] == str(offer["gym"].uuid) and gym["status"] == "active"
    assert gym["organization"]["name"] == "Testshire County Council"
    location = gym["service_at_locations"][0]["location"]
    address = location["addresses"][0]
    assert (address["address_1"], address["city"], address["postal_code"], address["state_province"],
            address["country"]) == ("1 Example Street", "Preston", "PR1 1AA", "Testshire", "GB")
    contact = gym["contacts"][0]
    assert contact["name"] == "Your PA" and contact["phones"][0]["number"] == "01632 960000"
    for phone in contact["phones"]:
        check(phone, "phone.json")  # the profile's compiled contact has no phones: HSDS 3.0's phone schema
    assert gym["schedules"][0]["description"] == "Every day, 7am to 10pm"
    assert gym["cost_options"][0]["option"] == "Free"
    terms = {a["taxonomy_term"]["name"] for a in gym["attributes"]}
    assert terms == {"Health and wellbeing", "Care leavers"}
    assert dt.datetime.fromisoformat(gym["last_modified"].replace("Z", "+00:00"))
    ids = [gym["id"], location["id"], contact["id"], *(a["id"] for a in gym["attributes"])]
    assert all(uuid.UUID(i) for i in ids) and len(set(ids)) == len(ids)
    # the same ids every time
    assert get(f"/openreferral/services/{offer['gym'].uuid}/").json() == gym

    home = get(f"/openreferral/services/{offer['home'].uuid}").json()
    check(home, "service.json")
    cost = home["cost_options"][0]
    assert cost["amount"] == 0 and "£3,000 in total" in cost["amount_description"]
    assert cost["valid_from"] == "2024-04-01"  # the catalogue's rate in force: never a typed amount

    parents = get(f"/openreferral/services/{offer['parents'].uuid}").json()
    check(parents, "service.json")
    assert parents["organization"]["name"] == "Local college"
    assert "Young parents" in {a["taxonomy_term"]["name"] for a in parents["attributes"]}
    assert parents["service_at_locations"][0]["location"].get("addresses") == []

    course = get(f"/openreferral/services/{offer['course'].uuid}").json()
    check(course, "service.json")
    assert course["cost_options"][0]["amount"] == 2.5 and course["status"] == "temporarily closed"

    gone = get(f"/openreferral/services/{offer['gone'].uuid}").json()  # defunct: still answers, so copies retire
    check(gone, "service.json")
    assert gone["status"] == "defunct"


@pytest.mark.parametrize(("params", "names"), [
    ({"text": "gym"}, {"Free gym"}),
    ({"search": "parents"}, {"Young parents group"}),
    ({"text": "college"}, {"Young parents group"}),  # the partner's name
    ({"text": "nothing like it"}, set()),
    ({"minimum_age": 18}, {"Setting up home"}),  # services whose minimum age is at least 18
    ({"maximum_age": 21}, {"Free gym"}),          # services whose maximum age is at most 21
    ({"minimum_age": "16.5"}, {"Setting up home"}),  # whole years: a minimum of 17 or more
    ({"maximum_age": "21.9"}, {"Free gym"}),
    ({"minimum_age": "16", "maximum_age": "24"}, {"Setting up home", "Young parents group", "Cooking course",
                                                  "Free gym"}),
    ({"taxonomy_term_id": oruk.derived("term", "areas", "health")}, {"Free gym"}),
    ({"taxonomy_term_id": oruk.derived("term", "for", "parents")}, {"Young parents group"}),
    ({"taxonomy_term_id": str(uuid.uuid4())}, set()),
    ({"taxonomy_id": oruk.TAXONOMY_BY_CODE["areas"].id}, {"Setting up home", "Young parents group",
                                                          "Cooking course", "Free gym"}),
])
def test_filters(offer: dict[str, Entry], params: dict[str, Any], names: set[str]) -> None:
    body = get("/openreferral/services", **params).json()
    check(body, response_schema("/services"))
    assert {s["name"] for s in body["contents"]} == names
    assert body["total_items"] == len(names) and body["empty"] == (not names)


def test_taxonomies_and_terms(offer: dict[str, Entry]) -> None:
    taxonomies = get("/openreferral/taxonomies").json()
    check(taxonomies, response_schema("/taxonomies"))
    assert taxonomies["total_items"] == 2
    terms = get("/openreferral/taxonomy_terms").json()
    check(terms, response_schema("/taxonomy_terms"))
    names = {t["name"] for t in terms["contents"]}
    assert {"Health and wellbeing", "Relationships", "Education, employment and training", "Accommodation",
            "Participation in society", "Care leavers", "Young parents"} <= names
    one = get(f"/openreferral/taxonomies/{taxonomies['contents'][0]['id']}").json()
    check(one, "taxonomy.json")  # its terms through taxonomy.json's $ref to taxonomy_term.json
    assert one["taxonomy_terms"]
    term = get(f"/openreferral/taxonomy_terms/{terms['contents'][0]['id']}").json()
    check(term, "taxonomy_term.json")
    areas = get("/openreferral/taxonomy_terms", taxonomy_id=oruk.TAXONOMY_BY_CODE["areas"].id).json()
    assert areas["total_items"] == 5
    paged = get("/openreferral/taxonomy_terms", per_page=4, page=2).json()
    check(paged, response_schema("/taxonomy_terms"))
    assert paged["page_number"] == 2 and paged["size"] == 4
    # every service's terms are in /taxonomy_terms
    every = {t["id"] for t in get("/openreferral/taxonomy_terms", per_page=200).json()["contents"]}
    for entry in offer.values():
        service = get(f"/openreferral/services/{entry.uuid}").json()
        assert {a["taxonomy_term_id"] for a in service["attributes"]} <= every


@pytest.mark.parametrize(("path", "params", "parameter"), [
    ("/openreferral/services", {"page": "two"}, "page"),
    ("/openreferral/services", {"page": "1.5"}, "page"),
    ("/openreferral/services", {"page": "0"}, "page"),
    ("/openreferral/services", {"page": "-1"}, "page"),
    ("/openreferral/services", {"page": "9" * 40}, "page"),
    ("/openreferral/services", {"per_page": "100000"}, "per_page"),
    ("/openreferral/services", {"per_page": "0"}, "per_page"),
    ("/openreferral/services", {"minimum_age": "-1"}, "minimum_age"),
    ("/openreferral/services", {"maximum_age": "old"}, "maximum_age"),
    ("/openreferral/services", {"maximum_age": "NaN"}, "maximum_age"),
    ("/openreferral/services", {"minimum_age": "1e999"}, "minimum_age"),
    ("/openreferral/services", {"taxonomy_term_id": "health"}, "taxonomy_term_id"),
    ("/openreferral/services", {"taxonomy_id": "'; drop table"}, "taxonomy_id"),
    ("/openreferral/services", {"text": "x" * 201}, "text"),
    ("/openreferral/taxonomies", {"page": "x"}, "page"),
    ("/openreferral/taxonomy_terms", {"per_page": "201"}, "per_page"),
    ("/openreferral/taxonomy_terms", {"taxonomy_id": "nope"}, "taxonomy_id"),
    ("/openreferral/services/not-a-uuid", {}, "id"),
    ("/openreferral/taxonomies/123", {}, "id"),
    ("/openreferral/taxonomy_terms/zzz", {}, "id"),
])
def test_bad_values_are_400_with_a_json_error(db: Any, path: str, params: dict[str, str], parameter: str) -> None:
    answer = get(path, **params)
    assert answer.status_code == 400, answer.content
    assert answer["Content-Type"] == "application/json" and answer["Access-Control-Allow-Origin"] == "*"
    body = answer.json()
    assert body["parameter"] == parameter and body["error"] and body["status"] == 400


@pytest.mark.parametrize("path", ["/openreferral/services/", "/openreferral/taxonomies/",
                                  "/openreferral/taxonomy_terms/"])
def test_unknown_ids_are_404_json(db: Any, path: str) -> None:
    answer = get(path + str(uuid.uuid4()))
    assert answer.status_code == 404 and answer.json()["status"] == 404
    assert answer["Access-Control-Allow-Origin"] == "*"


def test_unknown_paths_are_404_json(db: Any) -> None:
    answer = get("/openreferral/organizations")
    assert answer.status_code == 404 and "error" in answer.json()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_read_only(offer: dict[str, Entry], method: str) -> None:
    for path in ("/openreferral/", "/openreferral/services", f"/openreferral/services/{offer['gym'].uuid}",
                 "/openreferral/taxonomies", "/openreferral/taxonomy_terms"):
        answer = getattr(Client(enforce_csrf_checks=True), method)(path, "{}", content_type="application/json")
        assert answer.status_code == 405, (method, path)
        assert "GET" in answer["Allow"] and answer.json()["status"] == 405
        assert answer["Access-Control-Allow-Origin"] == "*"
    assert Entry.objects.count() == 5


def test_cors_preflight(db: Any) -> None:
    answer = Client().options("/openreferral/services", HTTP_ORIGIN="https://directory.example.org",
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert answer.status_code == 204 and answer["Access-Control-Allow-Origin"] == "*"
    assert "GET" in answer["Access-Control-Allow-Methods"]


def test_anyone_reads_it_even_signed_in_staff(offer: dict[str, Entry], staff: dict[str, Any]) -> None:
    client = Client()
    client.force_login(staff["pa_north"])
    assert client.get("/openreferral/services").json()["total_items"] == 4


def test_no_personal_data_and_nothing_logged(offer: dict[str, Entry], staff: dict[str, Any]) -> None:
    before = AuditEvent.objects.count()
    text = json.dumps([get(f"/openreferral/services/{e.uuid}").json() for e in offer.values()])
    text += json.dumps(get("/openreferral/services").json())
    assert AuditEvent.objects.count() == before
    for user in staff.values():  # no member of staff, not even the one who wrote the entries
        assert user.username not in text and (not user.email or user.email not in text)
    assert "created_by" not in text and "version" not in text.replace('"version": "3.0"', "")


def test_schemas_are_kept_with_their_licence() -> None:
    assert "Creative Commons Attribution Share-Alike 4.0" in (SCHEMAS / "LICENSE").read_text()
    for name in ("service.json", "service_list.json", "organization.json", "taxonomy.json", "taxonomy_term.json",
                 "openapi.json"):
        assert (SCHEMAS / name).exists()


def test_review_dates_do_not_leak_and_today_is_used_for_rates(offer: dict[str, Entry]) -> None:
    home = get(f"/openreferral/services/{offer['home'].uuid}").json()
    assert str(offer["home"].review_on) not in json.dumps(home)
    assert timezone.localdate() >= dt.date(2024, 4, 1)


@pytest.mark.parametrize(("bad", "ref"), [
    ({"id": "not-a-uuid", "name": "x", "status": "active"}, "service.json"),
    ({"id": str(uuid.uuid4()), "name": "x", "status": "open"}, "service.json"),
    ({"id": str(uuid.uuid4()), "status": "active"}, "service.json"),
    ({"id": str(uuid.uuid4()), "name": "x", "status": "active", "minimum_age": "16"}, "service_list.json"),
    ({"id": str(uuid.uuid4()), "name": "x", "description": "y", "taxonomy_terms": [{"id": "nope"}]},
     "taxonomy.json"),
    ({"total_items": "4", "contents": []}, response_schema("/services")),
])
def test_the_schemas_do_catch_mistakes(bad: dict[str, Any], ref: str) -> None:
    with pytest.raises(AssertionError):
        check(bad, ref)


def test_a_new_rate_in_force_moves_last_modified(offer: dict[str, Entry]) -> None:
    from money.models import Rate

    before = get(f"/openreferral/services/{offer['home'].uuid}").json()["last_modified"]
    today = timezone.localdate()
    Rate.objects.create(entitlement=offer["home"].entitlement, effective_from=today, amount="3500.00")
    after = get(f"/openreferral/services/{offer['home'].uuid}").json()
    listed = {s["id"]: s for s in get("/openreferral/services").json()["contents"]}[str(offer["home"].uuid)]
    assert after["last_modified"] == listed["last_modified"] >= before
    assert after["last_modified"].startswith(today.isoformat()) or before.startswith(today.isoformat())
    assert "£3,500 in total" in after["cost_options"][0]["amount_description"]
    assert after["cost_options"][0]["valid_from"] == today.isoformat()
