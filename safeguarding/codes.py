"""Code sets as data.

``CIN_FACTORS`` are the Children in Need census assessment factor codes, as the Standard Safeguarding Dataset
lists them for ``ssd_assessment_factors.cinf_assessment_factors_json`` (data-to-insight/ssd-data-model). A concern
about a young person is categorised with the codes that are about the young person themself (``CONCERN_CATEGORIES``):
the "A" codes, physical and sexual abuse by a child or an adult, and "Other". The parent and household variants (B,
C), private fostering and "no factors identified" are kept for imports and are not offered for a new concern.
"""

from __future__ import annotations

CIN_FACTORS: list[tuple[str, str]] = [
    ("1A", "Alcohol misuse by the young person"),
    ("1B", "Alcohol misuse by a parent or carer"),
    ("1C", "Alcohol misuse by another person in the household"),
    ("2A", "Drug misuse by the young person"),
    ("2B", "Drug misuse by a parent or carer"),
    ("2C", "Drug misuse by another person in the household"),
    ("3A", "Domestic abuse: the young person"),
    ("3B", "Domestic abuse: a parent or carer"),
    ("3C", "Domestic abuse: another person in the household"),
    ("4A", "Mental health of the young person"),
    ("4B", "Mental health of a parent or carer"),
    ("4C", "Mental health of another person in the household"),
    ("5A", "Learning disability of the young person"),
    ("5B", "Learning disability of a parent or carer"),
    ("5C", "Learning disability of another person in the household"),
    ("6A", "Physical disability or illness of the young person"),
    ("6B", "Physical disability or illness of a parent or carer"),
    ("6C", "Physical disability or illness of another person in the household"),
    ("7A", "Young carer"),
    ("8B", "Privately fostered: overseas, intends to return"),
    ("8C", "Privately fostered: overseas, intends to stay"),
    ("8D", "Privately fostered: UK, educational placement"),
    ("8E", "Privately fostered: UK, alternative family arrangement"),
    ("8F", "Privately fostered: other"),
    ("9A", "Unaccompanied asylum seeker"),
    ("10A", "Going or being missing"),
    ("11A", "Sexual exploitation"),
    ("12A", "Trafficking"),
    ("13A", "Gangs"),
    ("14A", "Socially unacceptable behaviour"),
    ("15A", "Self-harm"),
    ("16A", "Neglect"),
    ("17A", "Emotional abuse"),
    ("18B", "Physical abuse by another young person"),
    ("18C", "Physical abuse by an adult"),
    ("19B", "Sexual abuse by another young person"),
    ("19C", "Sexual abuse by an adult"),
    ("20", "Other"),
    ("21", "No factors identified"),
    ("22A", "Female genital mutilation"),
    ("23A", "Abuse linked to faith or belief"),
    ("24A", "Criminal exploitation"),
]
CIN_FACTOR_LABELS = dict(CIN_FACTORS)
NOT_FOR_CONCERNS = {"1B", "1C", "2B", "2C", "3B", "3C", "4B", "4C", "5B", "5C", "6B", "6C", "8B", "8C", "8D", "8E",
                    "8F", "21"}
CONCERN_CATEGORIES: list[tuple[str, str]] = sorted(
    [(c, label) for c, label in CIN_FACTORS if c not in NOT_FOR_CONCERNS], key=lambda c: c[1])

SEVERITY = [("low", "Low"), ("medium", "Medium"), ("high", "High"), ("immediate", "Immediate risk of serious harm")]

# What the manager decides (seed 000 section 5)
DECISIONS = [
    ("nfa", "No further action"),
    ("safety_plan", "Safety plan"),
    ("strategy_meeting", "Strategy meeting"),
    ("multi_agency_meeting", "Multi-agency safeguarding meeting"),
    ("adult_safeguarding", "Adult safeguarding referral"),
    ("police", "Police"),
    ("mappa", "MAPPA referral"),
]

MEETING_KINDS = [
    ("strategy", "Strategy meeting"),
    ("mappa", "MAPPA meeting"),
    ("multi_agency_safeguarding", "Multi-agency safeguarding meeting"),
    ("professionals", "Professionals' meeting"),
]

# Who a concern has reached: the team manager at once, then the senior manager, then the head of service
LEVELS = {0: "Team manager", 1: "Senior manager", 2: "Head of Service"}
