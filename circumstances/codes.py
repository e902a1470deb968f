"""Circumstances code sets (seed 000 sections 3.2, 3.3, 5 and 7)."""

from __future__ import annotations

REFERRAL_KINDS = [
    ("advocacy", "Advocacy (NYAS, to 25)"),
    ("lifelong_links", "Lifelong Links"),
    ("fgc", "Family Group Conferencing"),
    ("transitions", "Transitions to adult social care"),
    ("counselling", "Counselling (Ask Jan)"),
    ("breathing_space", "Breathing Space"),
]
REFERRAL_STATUS = [("referred", "Referred"), ("accepted", "Accepted"), ("declined", "Declined"),
                   ("completed", "Completed")]
LIVES_WITH = [("parent", "With the young person"), ("other_parent", "With the other parent"),
              ("family", "With family or friends"), ("foster_care", "In foster care"),
              ("adopted", "Adopted"), ("other", "Other")]
CHILD_PROTECTION = [("none", "None"), ("early_help", "Early help"), ("cin", "Child in need"),
                    ("cp_plan", "Child protection plan"), ("looked_after", "Looked after"),
                    ("pre_proceedings", "Pre-proceedings or care proceedings")]
STEP_DOWN_DECISIONS = [("pending", "Waiting for a decision"), ("agreed", "Agreed"), ("declined", "Declined")]
IDENTIFIER_TYPES = ["Case Number", "Unique Pupil Number", "NHS Number", "Home Office Registration",
                    "National Insurance Number", "YOT Number", "Court Case Number", "RAA ID", "Incident ID"]
