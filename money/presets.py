"""Lancashire's 2024 catalogue (seed 000 s3.2, DOMAIN.md "Money"): loaded by the demo, editable as data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from money.models import Entitlement, Rate

D = Decimal
FROM = dt.date(2024, 4, 1)

# code, name, budget code, frequency, schedule, min age, max age, discretionary from, supported only,
# amount, amount from 18, description
LANCASHIRE_2024 = [
    ("LCA", "Leaving Care Allowance", "LC-ALLOW", "weekly", "weekly", 16, 17, None, True, D("71.70"), None,
     "A weekly allowance while you are 16 or 17 and living in supported accommodation."),
    ("CLOTHING", "Clothing allowance", "LC-ALLOW", "monthly", "monthly", 16, 17, None, False, D("25.00"), None,
     "Money for clothes each month while you are 16 or 17."),
    ("BIRTHDAY", "Birthday allowance", "LC-ALLOW", "yearly", "birthday", 16, 24, None, False, D("50.00"),
     D("25.00"), "A present for your birthday: £50, and a smaller amount from 18."),
    ("FESTIVAL", "Festival allowance", "LC-ALLOW", "yearly", "festival", 16, 24, None, False, D("71.70"),
     D("35.85"), "One week's allowance for a festival of your choice, smaller from 18."),
    ("SUHA", "Setting Up Home Allowance", "LC-SUHA", "lifetime_cap", "", 16, 24, None, False, D("3000.00"), None,
     "£3,000 to set up your first home, spent in parts; the balance is always shown."),
    ("COUNCIL_TAX", "Council tax grant", "LC-CTAX", "yearly", "", 18, 24, None, False, D("2000.00"), None,
     "No care leaver pays council tax, inside or outside the county."),
    ("HE_BURSARY", "Higher education bursary", "LC-EET", "one_off", "", 16, 24, None, False, D("2000.00"), None,
     "£2,000 when you go to university."),
    ("EET", "Education, employment and training support", "LC-EET", "on_request", "", 16, 24, None, False,
     D("500.00"), None, "Help with course costs, equipment, interview clothes and travel."),
    ("HOBBIES", "Hobbies and leisure", "LC-WELL", "on_request", "", 16, 24, 21, False, D("200.00"), None,
     "Help with a hobby or activity; to 21, and after that when your PA agrees."),
    ("FAMILY_TRAVEL", "Travel to see family", "LC-WELL", "on_request", "", 16, 24, 21, False, D("300.00"), None,
     "Travel to see your family; to 21, and after that when your PA agrees."),
    ("CUSTODY_PHONE", "Phone credit in custody", "LC-WELL", "on_request", "", 16, 24, None, False, D("20.00"),
     None, "Phone credit to keep in touch while you are in custody."),
    ("DISCRETIONARY", "Discretionary payment", "LC-DISC", "on_request", "", 16, 24, None, False, D("500.00"),
     None, "Other help agreed with your PA and their manager."),
    ("EMERGENCY", "Emergency payment", "LC-DISC", "on_request", "", 16, 24, None, False, D("100.00"), None,
     "Money in an emergency, the same day."),
]


def load_catalogue(rows: list[tuple] = LANCASHIRE_2024) -> tuple[int, int]:  # type: ignore[type-arg]
    """Create the catalogue's entitlements and their dated rates where missing; returns (entitlements, rates)
    created. An entitlement or rate already there is left as it is (an administrator may have changed it)."""
    made = [0, 0]
    for code, name, budget, freq, schedule, low, high, disc, supported, amount, from_18, text in rows:
        ent, new = Entitlement.objects.get_or_create(code=code, defaults={
            "name": name, "budget_code": budget, "frequency": freq, "schedule": schedule, "min_age": low,
            "max_age": high, "discretionary_from_age": disc, "supported_accommodation_only": supported,
            "description": text})
        made[0] += new
        made[1] += Rate.objects.get_or_create(entitlement=ent, effective_from=FROM,
                                              defaults={"amount": amount, "amount_from_18": from_18})[1]
    return made[0], made[1]
