"""Ofsted Annex A, list 9 (care leavers): the spreadsheet inspectors ask for, with their columns and labels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.table import Table, TableStyleInfo

from accommodation import codes as accom_codes
from accommodation.models import AccommodationEpisode, ActivityEpisode
from contacts.models import Contact
from leavingcare.csvsafe import safe_row
from people import codes
from people.eligibility import Category, age_on
from people.models import Allocation, YoungPerson
from plans.models import PathwayPlan

COLUMNS = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Disability", "UASC",
           "Allocated Team", "Allocated Worker", "Allocated Personal Adviser", "Eligibility Category",
           "LA in Touch", "Type of Accommodation", "Suitability of Accommodation", "Activity Status",
           "Date of latest pathway plan", "Date of latest contact"]
GENDER = {"M": "Male", "F": "Female", "U": "Not known"}
ETHNICITY = dict(codes.ETHNICITY)
ACCOM = dict(accom_codes.ACCOM)
ACTIV = dict(accom_codes.ACTIV)


def cohort(qs: QuerySet[YoungPerson], as_at: dt.date) -> QuerySet[YoungPerson]:
    on = Q(start_date__lte=as_at) & (Q(end_date__isnull=True) | Q(end_date__gte=as_at))
    current = Allocation.objects.filter(young_person=OuterRef("pk"), end_date__isnull=True).order_by("-start_date")
    accom = AccommodationEpisode.objects.filter(on, young_person=OuterRef("pk")).order_by("-start_date")
    activity = ActivityEpisode.objects.filter(on, young_person=OuterRef("pk")).order_by("-start_date")
    contact = Contact.objects.filter(young_person=OuterRef("pk"), successful=True).order_by("-occurred_at")
    plan = PathwayPlan.objects.filter(young_person=OuterRef("pk"), signed_off_on__isnull=False).order_by(
        "-signed_off_on")
    return (qs.filter(status="open").exclude(category=Category.NONE).select_related("team")
            .annotate(pa_name=Subquery(current.filter(role="pa").values("worker__last_name")[:1]),
                      pa_first=Subquery(current.filter(role="pa").values("worker__first_name")[:1]),
                      sw_name=Subquery(current.filter(role="sw").values("worker__last_name")[:1]),
                      sw_first=Subquery(current.filter(role="sw").values("worker__first_name")[:1]),
                      accom=Subquery(accom.values("accom")[:1]), suitable=Subquery(accom.values("suitable")[:1]),
                      activity=Subquery(activity.values("activity")[:1]),
                      last_contact=Subquery(contact.values("occurred_at")[:1]),
                      last_plan=Subquery(plan.values("signed_off_on")[:1]))
            .order_by("la_person_id"))


def row(yp: Any, as_at: dt.date) -> list[Any]:
    in_touch_since = as_at - dt.timedelta(days=61)
    touch = "Yes" if yp.last_contact and yp.last_contact.date() >= in_touch_since else "No"
    worker = (f"{yp.sw_first} {yp.sw_name}" if yp.sw_name else f"{yp.pa_first} {yp.pa_name}" if yp.pa_name
              else "Not allocated")
    suitability = "Not known" if yp.suitable is None else "Suitable" if yp.suitable else "Unsuitable"
    return [yp.la_person_id, GENDER.get(yp.sex, "Not known"), ETHNICITY.get(yp.ethnicity, yp.ethnicity),
            yp.date_of_birth, age_on(yp.date_of_birth, as_at), "Yes" if yp.has_disability else "No",
            "Yes" if yp.is_uasc else "No", yp.team.name if yp.team else "", worker,
            f"{yp.pa_first} {yp.pa_name}" if yp.pa_name else "Not allocated", Category(yp.category).label,
            touch, ACCOM.get(yp.accom or "", "Not known"), suitability if yp.accom else "Not known",
            ACTIV.get(yp.activity or "", "Not known"), yp.last_plan,
            yp.last_contact.date() if yp.last_contact else None]


def write(qs: QuerySet[YoungPerson], out: Path | Any, as_at: dt.date) -> int:
    wb = Workbook()
    ws = wb.active
    ws.title = "List 9 - Care leavers"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    n = 0
    for yp in cohort(qs, as_at).iterator(chunk_size=2000):
        ws.append(safe_row(row(yp, as_at)))
        n += 1
    for col in ("D", "P", "Q"):
        for cell in ws[col][1:]:
            cell.number_format = "DD/MM/YYYY"
    if n:
        table = Table(displayName="CareLeavers", ref=f"A1:Q{n + 1}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
    ws.freeze_panes = "B2"
    wb.save(out)
    return n
