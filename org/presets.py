"""Authority presets. Lancashire is the demo; nothing else in the code names it. Loaded by ``org.setup``."""

from __future__ import annotations

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
