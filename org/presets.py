"""Authority presets. Lancashire is the demo; nothing else in the code names it."""

from __future__ import annotations

from django.db import transaction

from org.models import Authority, District, Locality, Team

LANCASHIRE = {
    "name": "Lancashire County Council",
    "la_code": "888",
    "new_la_code": "E10000017",
    "region": "North West",
    # Statistical neighbours (old LA codes): Cumbria, Derbyshire, Staffordshire, Nottinghamshire,
    # Worcestershire, Kent, Warwickshire, Northamptonshire, Essex, Leicestershire
    "statistical_neighbours": ["909", "830", "860", "891", "885", "886", "937", "928", "881", "855"],
    "localities": {
        "North": {
            "districts": ["Lancaster", "Wyre", "Fylde"],
            "teams": [("Lancaster Leaving Care Team", "Lancaster"), ("Wyre and Fylde Leaving Care Team", "Lancaster")],
        },
        "Central": {
            "districts": ["Preston", "South Ribble", "Chorley", "West Lancashire", "Ribble Valley"],
            "teams": [
                ("Preston Leaving Care Team", "Preston"),
                ("South Ribble Leaving Care Team", "Preston"),
                ("Chorley Leaving Care Team", "Preston"),
                ("West Lancashire Leaving Care Team", "Preston"),
                ("Central Hub Duty Team", "Preston"),
            ],
        },
        "East": {
            "districts": ["Burnley", "Pendle", "Hyndburn", "Rossendale"],
            "teams": [
                ("Burnley Leaving Care Team", "Burnley"),
                ("Pendle Leaving Care Team", "Burnley"),
                ("Hyndburn and Rossendale Leaving Care Team", "Burnley"),
                ("Ribble Valley and Accrington Leaving Care Team", "Burnley"),
            ],
        },
    },
    "service_teams": [
        ("Housing Advice", "housing", "Central"),
        ("Leaving Care Finance", "finance", "Central"),
        ("Performance and Intelligence", "performance", "Central"),
        ("Leaving Care Management", "management", "Central"),
    ],
}


@transaction.atomic
def load_preset(preset: dict) -> Authority:
    authority, _ = Authority.objects.update_or_create(
        la_code=preset["la_code"],
        defaults={
            "name": preset["name"],
            "new_la_code": preset["new_la_code"],
            "region": preset["region"],
            "statistical_neighbours": preset["statistical_neighbours"],
        },
    )
    for loc_name, spec in preset["localities"].items():
        locality, _ = Locality.objects.get_or_create(authority=authority, name=loc_name)
        for d in spec["districts"]:
            District.objects.get_or_create(authority=authority, name=d, defaults={"locality": locality})
        for team_name, base in spec["teams"]:
            kind = "hub" if "Hub" in team_name else Team.LEAVING_CARE
            Team.objects.get_or_create(name=team_name, defaults={"locality": locality, "base": base, "kind": kind})
    for team_name, kind, loc_name in preset["service_teams"]:
        locality = Locality.objects.get(authority=authority, name=loc_name)
        Team.objects.get_or_create(name=team_name, defaults={"locality": locality, "kind": kind})
    return authority
