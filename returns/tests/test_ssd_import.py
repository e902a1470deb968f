"""Standard Safeguarding Dataset import: a cohort comes in complete, the worklist works on it, bad rows stop it."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from contacts.models import Contact
from people.models import Allocation, YoungPerson
from plans.models import PathwayPlan

FILES = {
    "ssd_department": "dept_team_id,dept_team_name\nT1,Preston Leaving Care Team\n",
    "ssd_professionals": ("prof_professional_id,prof_staff_id,prof_professional_name,prof_professional_job_title,"
                          "prof_professional_department\nP1,S100,Ada Lovelace,Personal Adviser,T1\n"
                          "P2,S200,Grace Hopper,Social Worker,T1\n"),
    "ssd_person": ("pers_person_id,pers_sex,pers_gender,pers_ethnicity,pers_dob,pers_death_date\n"
                   "C1,F,,WBRI,2006-07-01,\nC2,M,,BAFR,12/02/2008,\n"),
    "ssd_cla_episodes": ("clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_start_reason,"
                         "clae_cla_primary_need_code,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason\n"
                         "E1,C1,2020-07-01T00:00:00,S,N1,2024-07-01,E17\nE2,C2,2022-02-12 00:00:00,S,N8,,\n"),
    "ssd_involvements": ("invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,"
                         "invo_person_id,invo_involvement_start_date,invo_involvement_end_date,"
                         "invo_worker_change_reason\nI1,P1,Personal Advisor,T1,C1,2023-07-01,,\n"
                         "I2,P2,Social Worker,T1,C2,2022-02-12,,\n"),
    "ssd_care_leavers": ("clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,"
                         "clea_care_leaver_latest_contact,clea_care_leaver_accommodation,"
                         "clea_care_leaver_accom_suitable,clea_care_leaver_activity,clea_pathway_plan_review_date\n"
                         "L1,C1,Former relevant,YES,2025-03-20 14:30:00,U,Suitable,F5,2024-11-01\n"),
    "ssd_immigration_status": ("immi_immigration_status_id,immi_person_id,immi_immigration_status\n"
                               "M1,C2,Asylum seeker\n"),
    "ssd_disability": "disa_table_id,disa_person_id,disa_disability_code\nD1,C1,NONE\n",
    "ssd_missing": "miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_end_date\n",
}


def write(directory: Path, **changes: str) -> Path:
    for name, text in {**FILES, **changes}.items():
        (directory / f"{name}.csv").write_text(text, encoding="utf-8")
    return directory


def test_import_makes_a_complete_record_and_rerunning_changes_nothing(authority, tmp_path):
    call_command("import_ssd", str(write(tmp_path)), stdout=StringIO())
    c1 = YoungPerson.objects.get(la_person_id="C1")
    assert c1.category == "former_relevant" and c1.team.name == "Preston Leaving Care Team"
    pa = Allocation.objects.get(young_person=c1, role="pa", end_date__isnull=True).worker
    assert pa.staff_id == "S100" and pa.role == "personal_adviser" and not pa.has_usable_password()
    contact = Contact.objects.get(young_person=c1)
    assert contact.successful and contact.made_by == "pa" and contact.worker == pa
    assert PathwayPlan.objects.get(young_person=c1).signed_off_on.isoformat() == "2024-11-01"
    assert c1.accommodation_episodes.get().accom_code == "U1"
    assert YoungPerson.objects.get(la_person_id="C2").is_uasc
    counts = (YoungPerson.objects.count(), Contact.objects.count(), Allocation.objects.count())
    out = StringIO()
    call_command("import_ssd", str(tmp_path), stdout=out)
    assert (YoungPerson.objects.count(), Contact.objects.count(), Allocation.objects.count()) == counts
    assert "0 new young people" in out.getvalue()


def test_worklist_runs_on_an_imported_cohort(authority, tmp_path):
    call_command("import_ssd", str(write(tmp_path)), stdout=StringIO())
    from worklists.models import ClockFacts

    # the import leaves the clock's facts stored for every open case, so the first worklist reads them
    assert ClockFacts.objects.count() == YoungPerson.objects.filter(status="open").count() > 0
    out = StringIO()
    call_command("worklist", "--as-at", "2025-06-15", "--format", "json", stdout=out)
    items = {(i["young_person"], i["kind"]): i for i in json.loads(out.getvalue())["items"]}
    assert items[("C1", "pa_contact")] == {"young_person": "C1", "kind": "pa_contact", "due": "2025-05-20",
                                          "status": "overdue", "worker": "S100"}
    assert items[("C1", "pathway_plan_review")]["due"] == "2025-05-01"


def test_every_problem_is_reported_and_nothing_saved(authority, tmp_path):
    bad_person = FILES["ssd_person"].replace("2006-07-01", "31/02/2006").replace("BAFR", "XXXX")
    bad_leaver = FILES["ssd_care_leavers"].replace(",U,", ",Castle,")
    write(tmp_path, ssd_person=bad_person, ssd_care_leavers=bad_leaver)
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing imported: 3 problems"):
        call_command("import_ssd", str(tmp_path), stdout=StringIO(), stderr=err)
    text = err.getvalue()
    assert "ssd_person.csv row 2, pers_dob: '31/02/2006' is not a date" in text
    assert "ssd_person.csv row 3, pers_ethnicity" in text
    assert "ssd_care_leavers.csv row 2, clea_care_leaver_accommodation" in text
    assert not YoungPerson.objects.exists()
