"""National code sets used on the young person's record (DfE CIN/SSDA903 specifications)."""

from __future__ import annotations

ETHNICITY = [
    ("WBRI", "White British"), ("WIRI", "White Irish"), ("WIRT", "Traveller of Irish heritage"),
    ("WOTH", "Any other White background"), ("WROM", "Gypsy/Roma"),
    ("MWBC", "White and Black Caribbean"), ("MWBA", "White and Black African"), ("MWAS", "White and Asian"),
    ("MOTH", "Any other mixed background"), ("AIND", "Indian"), ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"), ("AOTH", "Any other Asian background"), ("BCRB", "Caribbean"),
    ("BAFR", "African"), ("BOTH", "Any other Black background"), ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"), ("REFU", "Refused"), ("NOBT", "Information not yet obtained"),
]

SEX = [("M", "Male"), ("F", "Female"), ("U", "Not known")]

LEGAL_STATUS = [
    ("C1", "Interim care order"), ("C2", "Full care order"), ("D1", "Freeing order granted"),
    ("E1", "Placement order granted"), ("J1", "Remanded to LA accommodation or youth detention"),
    ("J2", "Placed in LA accommodation under PACE"), ("J3", "Sentenced to CAO (youth rehabilitation order)"),
    ("L1", "Under police protection and in LA accommodation"), ("L2", "Emergency protection order"),
    ("L3", "Under child assessment order and in LA accommodation"),
    ("V2", "Single period of accommodation under section 20"),
    ("V3", "Accommodated under an agreed series of short-term breaks (single placements)"),
    ("V4", "Accommodated under an agreed series of short-term breaks (multiple placements)"),
]
SHORT_BREAK_LEGAL_STATUSES = {"V3", "V4"}

PLACEMENT_TYPE = [
    ("A3", "Placed for adoption (consent, with current foster carer)"),
    ("A4", "Placed for adoption (consent, not current foster carer)"),
    ("A5", "Placed for adoption (placement order, with current foster carer)"),
    ("A6", "Placed for adoption (placement order, not current foster carer)"),
    ("H5", "Semi-independent living accommodation not subject to children's homes regulations"),
    ("K1", "Secure children's home"), ("K2", "Children's home"),
    ("P1", "Placed with own parent(s) or other person(s) with parental responsibility"),
    ("P2", "Independent living, e.g. flat, lodgings, bedsit, B&B or with friends"),
    ("P3", "Residential employment"), ("R1", "Residential care home"), ("R2", "NHS/health trust"),
    ("R3", "Family centre or mother and baby unit"), ("R5", "Young offender institution or prison"),
    ("S1", "All residential schools, except where dual-registered as a school and children's home"),
    ("T0", "Temporary placement (all types)"), ("T1", "Temporary, periods of less than 7 days (in LA)"),
    ("T2", "Temporary, periods of less than 7 days (out of LA)"),
    ("T3", "Temporary, periods of less than 7 days (friend or relative)"),
    ("T4", "Temporary, periods of less than 7 days (other)"),
    ("U1", "Foster placement with relative or friend (long-term)"),
    ("U2", "Foster placement with relative or friend (FFA)"),
    ("U3", "Foster placement with relative or friend (not long-term or FFA)"),
    ("U4", "Foster placement with other foster carer (long-term)"),
    ("U5", "Foster placement with other foster carer (FFA)"),
    ("U6", "Foster placement with other foster carer (not long-term or FFA)"),
    ("Z1", "Other placements"),
]

REASON_NEW_EPISODE = [
    ("S", "Started to be looked after"), ("L", "Change of legal status only"),
    ("P", "Change of placement only"), ("T", "Change of placement and carer(s) only"),
    ("B", "Change of legal status and placement and carer(s) at the same time"),
    ("U", "Change of legal status and change of placement"),
]

REASON_EPISODE_CEASED = [
    ("E11", "Adopted (consent dispensed with)"), ("E12", "Adopted (consent not dispensed with)"),
    ("E2", "Died"), ("E3", "Care taken over by another LA"), ("E4A", "Returned home to live with parents"),
    ("E4B", "Returned home, not planned"), ("E13", "Left care to live with parents (no PR)"),
    ("E41", "Residence order or child arrangements order"), ("E45", "Special guardianship (former foster carers)"),
    ("E46", "Special guardianship (not former foster carers)"), ("E47", "Special guardianship (relatives)"),
    ("E48", "Special guardianship (other)"), ("E5", "Moved to independent living (supportive)"),
    ("E6", "Moved to independent living (no formalised support)"),
    ("E7", "Transferred to residential care funded by adult services"),
    ("E9", "Sentenced to custody"), ("E14", "Accommodation on remand ended"),
    ("E15", "Age assessment: over 18"), ("E16", "Child moved abroad"),
    ("E17", "Aged 18 (or over) and remained with current carers"),
    ("E8", "Period of being looked after ceased for any other reason"),
    ("X1", "Episode ceases, and new episode begins on same day"),
]

CIN_CODES = [
    ("N1", "Abuse or neglect"), ("N2", "Child's disability"), ("N3", "Parental illness/disability"),
    ("N4", "Family in acute stress"), ("N5", "Family dysfunction"), ("N6", "Socially unacceptable behaviour"),
    ("N7", "Low income"), ("N8", "Absent parenting"),
]

IMMIGRATION_STATUS = [
    ("asylum_seeker", "Asylum seeker (awaiting decision)"), ("refugee", "Refugee status"),
    ("humanitarian", "Humanitarian protection"), ("dll", "Discretionary leave to remain"),
    ("ilr", "Indefinite leave to remain"), ("appeal", "Appeal rights exhausted or appealing"),
    ("uasc_leave", "UASC leave"), ("british", "British citizen"), ("other", "Other"),
]
