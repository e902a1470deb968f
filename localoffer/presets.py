"""The Lancashire preset's Local Offer: entries in all five areas, written for this demo (not copied from any
council's published offer). Loaded by ``org.setup`` with the Lancashire preset, so ``setup_authority --preset
lancashire`` and ``demo_data`` both have it; the blank preset has none. (Not ``demo.py``: that is for cohorts.)

Idempotent twice over: each entry and partner has a fixed UUID (created only when missing), and the authority
remembers it was loaded (``config["local_offer_loaded"]``), so a second run changes nothing and an entry an
administrator changed or marked defunct is never put back. Phone numbers are Ofcom's drama numbers and email
addresses are example.org, so nothing in the demo reaches a real person.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.utils import timezone

from localoffer.models import Area, CostKind, Entry, Partner, Status
from worklists.clock import add_months

DEMO = uuid.UUID("0b5f3f9e-2d55-4c1e-8f4a-6a7c2e9d4b11")
MARKER = "local_offer_loaded"

PARTNERS = [
    ("nhs", "The local NHS (Integrated Care Board)",
     "Plans and pays for NHS services in the county, and has its own strategy for children in care and care "
     "leavers.", "https://nhs.example.org", "careleavers@nhs.example.org", "01632 960101"),
    ("districts", "District councils (Joint Housing Protocol)",
     "The twelve district councils, which hold the housing registers and agreed with the county how care "
     "leavers are helped to find a home.", "https://housing.example.org", "housing@example.org", "01632 960102"),
    ("colleges", "Colleges and training providers partnership",
     "Further education colleges and training providers who named a contact for care leavers.",
     "https://colleges.example.org", "support@colleges.example.org", "01632 960103"),
    ("probation", "Probation and prisons (Joint Protocol)",
     "Prisons, the Probation Service and the council, working together before and after release.", "",
     "protocol@probation.example.org", "01632 960104"),
    ("covenant", "Care Leaver Covenant employers",
     "Local employers who have signed the Care Leaver Covenant and offer work experience, interviews and jobs.",
     "https://covenant.example.org", "jobs@covenant.example.org", ""),
]

DUTY = {"contact_name": "The duty team at your hub", "contact_phone": "01632 960000",
        "contact_email": "leavingcare.duty@example.org"}
PA = {"contact_name": "Your PA, or the duty team at your hub", "contact_phone": "01632 960000"}

# code, area, name, summary, how to get it, partner code, ages, circumstances, cost (kind, entitlement code or
# amount, words), contact, where (place, address, town, postcode, when), review in months (negative: overdue),
# status
ENTRIES: list[dict[str, Any]] = [
    # Health and wellbeing
    {"code": "health-passport", "area": Area.HEALTH, "name": "Your health history (health passport)",
     "summary": "A copy of your health history from when you were in care: your jabs, illnesses, and the "
                "names of your doctors. You will need it when you register with a new doctor.",
     "how_to_get": "Your PA asks the children in care health team for it before you turn 18. Ask your PA if "
                   "you have not had yours.", **PA, "review": 10},
    {"code": "mental-health", "area": Area.HEALTH, "name": "Someone to talk to about how you feel",
     "summary": "Free counselling and support if you feel low, anxious or stressed. You will not go on a "
                "long waiting list just because you are over 18.",
     "how_to_get": "Ask your PA or your doctor to refer you, or contact the service yourself.",
     "partner": "nhs", "contact_name": "Young people's wellbeing service", "contact_phone": "01632 960110",
     "contact_url": "https://nhs.example.org/wellbeing", "max": 24, "review": 8},
    {"code": "gym", "area": Area.HEALTH, "name": "Free gym and swimming",
     "summary": "Free use of council leisure centres: the gym, swimming and classes.",
     "how_to_get": "Your PA gives you a letter to take to any council leisure centre.",
     **PA, "max": 21, "review": -1},  # overdue, so the demo shows the flag
    # Relationships
    {"code": "family-travel", "area": Area.RELATIONSHIPS, "name": "Money to visit your family",
     "summary": "Help with bus or train fares to see your brothers, sisters, parents or others who matter to "
                "you.",
     "how_to_get": "Ask your PA. After 21 your PA can still agree it.", **PA,
     "cost": (CostKind.ENTITLEMENT, "FAMILY_TRAVEL", ""), "review": 11},
    {"code": "custody-phone", "area": Area.RELATIONSHIPS, "name": "Phone credit while you are in custody",
     "summary": "Credit so you can keep in touch with the people who matter to you while you are in prison or "
                "a young offender institution.",
     "how_to_get": "Your PA arranges it with the prison.", "partner": "probation", **PA,
     "circumstances": ["custody"], "cost": (CostKind.ENTITLEMENT, "CUSTODY_PHONE", ""), "review": 9},
    {"code": "young-parents", "area": Area.RELATIONSHIPS, "name": "Young parents' group",
     "summary": "Meet other young mums and dads, with a family worker, at your hub. Bring your baby; there are "
                "toys and snacks.",
     "how_to_get": "Just come along, or ask your PA to come with you the first time.", **DUTY,
     "circumstances": ["parents"], "place": ("Preston hub", "10 Example Street", "Preston", "PR1 1AA",
                                             "Thursdays, 10am to 12 noon"), "review": 6},
    # Education, employment and training
    {"code": "uni-bursary", "area": Area.EET, "name": "Going to university bursary",
     "summary": "Money towards living costs when you start a university course, on top of your student loan.",
     "how_to_get": "Tell your PA when you get your university place.", **PA,
     "cost": (CostKind.ENTITLEMENT, "HE_BURSARY", ""), "review": 10},
    {"code": "eet-fund", "area": Area.EET, "name": "Help with course and job costs",
     "summary": "Money for things like books, tools, a laptop, interview clothes or travel to college or work.",
     "how_to_get": "Ask your PA. Tell them what it is for and how much it costs.", **PA,
     "cost": (CostKind.ENTITLEMENT, "EET", ""), "review": 12},
    {"code": "covenant-jobs", "area": Area.EET, "name": "Work experience and guaranteed interviews",
     "summary": "Try out a job, and get an interview for jobs you apply for with employers who signed the Care "
                "Leaver Covenant, including the council.",
     "how_to_get": "Ask your PA, or email the covenant team.", "partner": "covenant",
     "contact_name": "Covenant team", "contact_email": "jobs@covenant.example.org", "min": 16, "max": 24,
     "review": 7},
    {"code": "college-contact", "area": Area.EET, "name": "A named person at your college",
     "summary": "Every college in the partnership has someone whose job includes helping care leavers with "
                "money, timetables and anything that gets in the way.",
     "how_to_get": "Ask at student services for the care leavers' contact.", "partner": "colleges",
     "contact_name": "Student services at your college", "contact_email": "support@colleges.example.org",
     "max": 24, "review": 9},
    # Accommodation
    {"code": "suha", "area": Area.ACCOMMODATION, "name": "Setting up your first home",
     "summary": "Money to buy what you need for your own place: a bed, a cooker, pots and pans. You can spend "
                "it in parts, and your PA can tell you how much is left.",
     "how_to_get": "Make a list with your PA when you are getting ready to move.", **PA,
     "cost": (CostKind.ENTITLEMENT, "SUHA", ""), "review": 11},
    {"code": "council-tax", "area": Area.ACCOMMODATION, "name": "No council tax to pay",
     "summary": "Care leavers do not pay council tax until they are 25, wherever they live.",
     "how_to_get": "Your PA tells the council that sends your bill.", **PA, "min": 18,
     "cost": (CostKind.ENTITLEMENT, "COUNCIL_TAX", ""), "review": 12},
    {"code": "housing-priority", "area": Area.ACCOMMODATION, "name": "Priority on the housing register",
     "summary": "The district councils put care leavers in a higher band when you bid for a council or "
                "housing association home.",
     "how_to_get": "Your PA helps you join the register in the district you want to live in.",
     "partner": "districts", "contact_name": "Your district council's housing team",
     "contact_url": "https://housing.example.org", "min": 17, "review": 8},
    {"code": "out-of-area", "area": Area.ACCOMMODATION, "name": "Help if you live outside the county",
     "summary": "If you live somewhere else, you keep your PA and everything in this Local Offer. Your PA "
                "will visit you where you live.",
     "how_to_get": "Your PA keeps in touch wherever you are.", **PA, "circumstances": ["out_of_area"],
     "review": 10},
    # Participation in society
    {"code": "forum", "area": Area.PARTICIPATION, "name": "Care Leavers' Forum",
     "summary": "Meet other care leavers every two weeks and tell the council what needs to change. Forum "
                "members go to the Corporate Parenting Board.",
     "how_to_get": "Come along, or ask your PA to bring you. Food and travel are paid.", **DUTY,
     "place": ("Preston hub", "10 Example Street", "Preston", "PR1 1AA", "Every other Wednesday, 5pm to 7pm"),
     "review": 6},
    {"code": "birthday", "area": Area.PARTICIPATION, "name": "Birthday money",
     "summary": "A present from the council on your birthday, every year until you are 25.",
     "how_to_get": "It is paid to you automatically on your birthday.", **PA,
     "cost": (CostKind.ENTITLEMENT, "BIRTHDAY", ""), "review": 12},
    {"code": "summer", "area": Area.PARTICIPATION, "name": "Summer activities programme",
     "summary": "Trips, workshops and a residential over the summer holidays. Places are limited, so ask "
                "early.",
     "how_to_get": "Ask your PA or the participation team to book you a place.", **DUTY,
     "status": Status.TEMPORARILY_CLOSED, "review": 4},
    {"code": "uasc-support", "area": Area.PARTICIPATION, "name": "Help with your immigration case",
     "summary": "If you came to the UK on your own and are seeking asylum, your PA helps you find a solicitor "
                "and get to your appointments, and pays the travel.",
     "how_to_get": "Ask your PA as soon as you get any letter from the Home Office.", **PA,
     "circumstances": ["uasc"], "review": 9},
]


def _id(kind: str, code: str) -> uuid.UUID:
    return uuid.uuid5(DEMO, f"{kind}:{code}")


def load_local_offer(authority: Any, today: dt.date | None = None) -> int:
    """Create the demo Local Offer where missing; returns how many entries it created (0 once loaded)."""
    from money.models import Entitlement

    if authority.config.get(MARKER):
        return 0
    today = today or timezone.localdate()
    partners = {}
    for code, name, description, website, email, phone in PARTNERS:
        partners[code] = Partner.objects.get_or_create(uuid=_id("partner", code), defaults={
            "name": name, "description": description, "website": website, "email": email, "phone": phone})[0]
    entitlements = {e.code: e for e in Entitlement.objects.all()}
    made = 0
    for row in ENTRIES:
        kind, ent_code, _words = row.get("cost", (CostKind.FREE, "", ""))
        entitlement = entitlements.get(ent_code) if ent_code else None
        if kind == CostKind.ENTITLEMENT and entitlement is None:
            kind = CostKind.FREE
        place = row.get("place", ("", "", "", "", ""))
        months = row["review"]
        review_on = add_months(today, months) if months > 0 else today - dt.timedelta(days=30 * -months)
        made += Entry.objects.get_or_create(uuid=_id("entry", row["code"]), defaults={
            "area": row["area"], "name": row["name"], "summary": row["summary"], "how_to_get": row["how_to_get"],
            "partner": partners.get(row.get("partner", "")), "min_age": row.get("min", 16),
            "max_age": row.get("max", 24), "circumstances": row.get("circumstances", []), "cost_kind": kind,
            "entitlement": entitlement, "contact_name": row.get("contact_name", ""),
            "contact_phone": row.get("contact_phone", ""), "contact_email": row.get("contact_email", ""),
            "contact_url": row.get("contact_url", ""), "location_name": place[0], "address": place[1],
            "town": place[2], "postcode": place[3], "when": place[4], "review_on": review_on,
            "status": row.get("status", Status.ACTIVE)})[1]
    authority.config = {**authority.config, MARKER: True}
    authority.save(update_fields=["config"])
    return made
