"""The Local Offer as Open Referral UK 3.0 (the UK profile of HSDS 3.0) JSON: services, their organisation,
locations, contacts and phones, schedules, cost options and attributes, and the local taxonomy they use.

Pure shaping: no HTTP here (``localoffer.openreferral_views`` serves it). Every id is a UUID: an entry's and a
partner's own, and for the parts of an entry that are not rows of their own (its contact, location, schedule,
cost option, attributes) a UUID derived from the entry's (uuid5), so the same part keeps the same id for ever.
Nothing about any young person, and no member of staff, is ever in it: only the fields listed here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from localoffer import rules
from localoffer.models import Area, Circumstance, CostKind, Entry, Partner, Status

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/OpenReferralUK/uk-profile"
NAMESPACE = uuid.UUID("6f1d3a52-8c1e-4d7b-9a57-1f6f3c1a0e17")  # this service's; never change it (ids derive from it)

# Which services GET /services lists: everything but defunct ones (gone for good). Inactive and temporarily closed
# services are listed, with their status, so a directory that copied them learns they are not running; a defunct
# service still answers at /services/{id} (status "defunct"), so a copy can be retired, but is no longer listed.
LISTED = (Status.ACTIVE, Status.INACTIVE, Status.TEMPORARILY_CLOSED)


def derived(*parts: Any) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


# ---------------------------------------------------------------- the local taxonomy


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    description: str
    taxonomy: str  # "areas" or "for"
    parent: str | None = None

    @property
    def id(self) -> str:
        return derived("term", self.taxonomy, self.code)


@dataclass(frozen=True)
class Taxonomy:
    code: str
    name: str
    description: str

    @property
    def id(self) -> str:
        return derived("taxonomy", self.code)


TAXONOMIES = [
    Taxonomy("areas", "Care leavers' Local Offer areas",
             "The five areas every council's Local Offer for care leavers must cover (Children and Social Work "
             "Act 2017, section 2)."),
    Taxonomy("for", "Care leavers' Local Offer: who it is for",
             "Care leavers, and groups of care leavers a service is only for."),
]
AREA_DESCRIPTIONS = {
    Area.HEALTH: "Physical and mental health, wellbeing, health services and keeping well.",
    Area.RELATIONSHIPS: "Family, friends, partners, brothers and sisters, and people who support you.",
    Area.EET: "School, college, university, apprenticeships, training and work.",
    Area.ACCOMMODATION: "Somewhere to live: finding it, setting it up and keeping it.",
    Area.PARTICIPATION: "Having a say, taking part, money, rights and getting involved in the community.",
}
CARE_LEAVERS = Term("care_leavers", "Care leavers", "Young people aged 16 to 25 who have been in care.", "for")
TERMS = (
    [Term(code, str(label), AREA_DESCRIPTIONS[Area(code)], "areas") for code, label in Area.choices]
    + [CARE_LEAVERS]
    + [Term(code, str(label), f"{label} leaving care.", "for", parent=CARE_LEAVERS.code)
       for code, label in Circumstance.choices]
)
TERM_BY_ID = {t.id: t for t in TERMS}
TAXONOMY_BY_CODE = {t.code: t for t in TAXONOMIES}


def term_json(term: Term) -> dict[str, Any]:
    taxonomy = TAXONOMY_BY_CODE[term.taxonomy]
    out = {"id": term.id, "name": term.name, "description": term.description, "taxonomy": taxonomy.name,
           "taxonomy_id": taxonomy.id, "term": term.code}
    if term.parent:
        out["parent_id"] = derived("term", term.taxonomy, term.parent)
    return out


def taxonomy_json(taxonomy: Taxonomy) -> dict[str, Any]:
    return {"id": taxonomy.id, "name": taxonomy.name, "description": taxonomy.description, "version": "1"}


def terms_of(entry: Entry) -> list[Term]:
    by_code = {(t.taxonomy, t.code): t for t in TERMS}
    found = [by_code[("areas", entry.area)]] if ("areas", entry.area) in by_code else []
    found.append(CARE_LEAVERS)
    found += [by_code[("for", c)] for c in entry.circumstances or [] if ("for", c) in by_code]
    return found


# ---------------------------------------------------------------- services


def _drop_empty(values: dict[str, Any]) -> dict[str, Any]:
    """HSDS fields are typed (a string is never null): leave out what we do not have."""
    return {k: v for k, v in values.items() if v not in (None, "")}


@dataclass(frozen=True)
class Council:
    """The council, as the organisation of its own entries (its id derives from the LA code)."""

    name: str
    la_code: str

    @property
    def id(self) -> str:
        return derived("authority", self.la_code)


def organization_json(partner: Partner | None, council: Council) -> dict[str, Any]:
    if partner is None:
        return {"id": council.id, "name": council.name,
                "description": f"{council.name}, the corporate parent of the young people it has looked after."}
    return _drop_empty({"id": str(partner.uuid), "name": partner.name,
                        "description": partner.description or f"A partner in {council.name}'s Local Offer for "
                                                              "care leavers.",
                        "website": partner.website, "email": partner.email})


def _amount_number(amount: Decimal) -> float | int:
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def cost_options_json(entry: Entry, on: dt.date) -> list[dict[str, Any]]:
    """What using the service costs. An entitlement is free to the young person, who is paid the amount: the
    option says so, with the catalogue's rate in force today (never a typed amount)."""
    from localoffer.queries import worth

    sid = str(entry.uuid)
    cid = derived("cost", sid)
    if entry.cost_kind == CostKind.CHARGE and entry.cost_amount is not None:
        return [_drop_empty({"id": cid, "service_id": sid, "option": entry.cost_description or "Charge",
                             "amount": _amount_number(entry.cost_amount),
                             "amount_description": rules.money_words(entry.cost_amount, entry.cost_description)})]
    if entry.cost_kind == CostKind.ENTITLEMENT:
        value = worth(entry, on)
        text = "Free. Care leavers are paid this entitlement"
        out = {"id": cid, "service_id": sid, "option": "Free", "amount": 0}
        if value is not None:
            text += f": {value.words()}, the council's rate from {value.effective_from:%-d %B %Y}"
            out["valid_from"] = value.effective_from.isoformat()
        out["amount_description"] = text
        return [out]
    return [{"id": cid, "service_id": sid, "option": "Free", "amount": 0,
             "amount_description": "Free"}]


def last_modified(entry: Entry, rate_from: dt.date | None = None) -> str | None:
    """When the service or anything about it last changed: the entry's last save, or for an entitlement entry the
    start of the catalogue's rate now in force, whichever is later (milliseconds, UTC)."""
    if entry.updated_at is None:
        return None
    when = entry.updated_at.astimezone(dt.UTC)
    if rate_from is not None:
        when = max(when, dt.datetime.combine(rate_from, dt.time(), tzinfo=dt.UTC))
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def rates_in_force(entries: list[Entry], on: dt.date) -> dict[int, dt.date]:
    """{entitlement id: start of its rate in force on ``on``}, for the entitlement entries given (one query)."""
    from money.models import Rate

    ids = {e.entitlement_id for e in entries if e.cost_kind == CostKind.ENTITLEMENT and e.entitlement_id}
    found: dict[int, dt.date] = {}
    for ent_id, start in (Rate.objects.filter(entitlement_id__in=ids, effective_from__lte=on)
                          .order_by("effective_from").values_list("entitlement_id", "effective_from")):
        found[ent_id] = start
    return found


def service_list_json(entry: Entry, council: Council, rate_from: dt.date | None = None) -> dict[str, Any]:
    """The one-to-one fields of a service (the /services list)."""
    org = organization_json(entry.partner, council)
    return _drop_empty({
        "id": str(entry.uuid), "organization_id": org["id"], "name": entry.name, "description": entry.summary,
        "url": entry.contact_url, "email": entry.contact_email, "status": entry.status,
        "minimum_age": entry.min_age, "maximum_age": entry.max_age,
        "alert": "Temporarily closed" if entry.status == Status.TEMPORARILY_CLOSED else "",
        "last_modified": last_modified(entry, rate_from),
        "organization": org,
    })


def service_json(entry: Entry, council: Council, on: dt.date, state_province: str) -> dict[str, Any]:
    """A fully nested service."""
    sid = str(entry.uuid)
    out = service_list_json(entry, council, rates_in_force([entry], on).get(entry.entitlement_id or 0))
    contact_id = derived("contact", sid)
    phones = ([{"id": derived("phone", sid), "contact_id": contact_id, "number": entry.contact_phone}]
              if entry.contact_phone else [])
    out["contacts"] = [_drop_empty({"id": contact_id, "service_id": sid, "name": entry.contact_name,
                                    "email": entry.contact_email, "phones": phones})]
    locations = []
    if entry.location_name or entry.address:
        location_id = derived("location", sid)
        location: dict[str, Any] = _drop_empty({"id": location_id, "location_type": "physical",
                                                "name": entry.location_name, "addresses": []})
        if entry.address and entry.town and entry.postcode:
            location["addresses"] = [{
                "id": derived("address", sid), "location_id": location_id, "address_1": entry.address,
                "city": entry.town, "state_province": state_province, "postal_code": entry.postcode,
                "country": "GB", "address_type": "physical"}]
        locations.append({"id": derived("service_at_location", sid), "service_id": sid,
                          "location_id": location_id, "location": location})
    out["service_at_locations"] = locations
    out["schedules"] = ([{"id": derived("schedule", sid), "service_id": sid, "description": entry.when}]
                        if entry.when else [])
    out["cost_options"] = cost_options_json(entry, on)
    out["attributes"] = [{"id": derived("attribute", sid, t.id), "link_id": sid, "link_type": "service",
                          "taxonomy_term_id": t.id, "taxonomy_term": term_json(t)} for t in terms_of(entry)]
    for empty in ("languages", "service_areas", "funding"):
        out[empty] = []
    return out


# ---------------------------------------------------------------- paging


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int


MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50


def page_of(items: list[Any], paging: Paging, shape: Any = None) -> dict[str, Any]:
    """A page of ``items``, each passed through ``shape`` when given (only the page's items are shaped)."""
    total = len(items)
    pages = max(1, -(-total // paging.per_page))
    start = (paging.page - 1) * paging.per_page
    contents = items[start:start + paging.per_page]
    if shape is not None:
        contents = shape(contents)
    return {"total_items": total, "total_pages": pages, "page_number": paging.page, "size": len(contents),
            "first_page": paging.page == 1, "last_page": paging.page >= pages, "empty": not contents,
            "contents": contents}


def state_province(authority_name: str) -> str:
    """Lancashire County Council -> Lancashire (the county an address is in)."""
    for suffix in (" County Council", " Metropolitan Borough Council", " Borough Council", " City Council",
                   " Council"):
        if authority_name.endswith(suffix):
            return authority_name[: -len(suffix)]
    return authority_name
