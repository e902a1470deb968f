"""SSDA903 care leaver codes: ACCOM letters, ACTIV codes and IN_TOUCH values."""

from __future__ import annotations

ACCOM = [
    ("B", "With parents or relatives"), ("C", "Community home or other residential care"),
    ("D", "Semi-independent, transitional accommodation"), ("E", "Supported lodgings"),
    ("G", "Gone abroad"), ("H", "Deported"), ("K", "Ordinary lodgings, without formal support"),
    ("R", "Residence not known"), ("S", "No fixed abode or homeless"), ("T", "Foyers"),
    ("U", "Independent living"), ("V", "Emergency accommodation"), ("W", "Bed and breakfast"),
    ("X", "In custody"), ("Y", "Other accommodation"), ("Z", "With former foster carers (Staying Put)"),
]
ALWAYS_UNSUITABLE = {"S", "X"}
EXCLUDED_FROM_SUITABILITY = {"G", "H", "R"}

ACTIV = [
    ("F1", "Full time in higher education"), ("P1", "Part time in higher education"),
    ("F2", "Full time in education other than higher education"),
    ("P2", "Part time in education other than higher education"),
    ("F4", "Full time in an apprenticeship"), ("P4", "Part time in an apprenticeship"),
    ("F5", "Full time in training or employment (not apprenticeship)"),
    ("P5", "Part time in training or employment (not apprenticeship)"),
    ("G4", "Not in education, training or employment, owing to illness or disability"),
    ("G5", "Not in education, training or employment, owing to other reasons"),
    ("G6", "Not in education, training or employment, owing to pregnancy or parenting"),
    ("0", "Activity not known"),
]
# Before the 2022 collection year these meant training or employment; no longer valid
RETIRED_ACTIV = {"F3", "P3"}

IN_TOUCH = [
    ("YES", "In touch"), ("NO", "Not in touch"), ("DIED", "Died"), ("REFU", "Refuses contact"),
    ("NREQ", "No longer requires services"), ("RHOM", "Returned home for 6 months or more"),
]
