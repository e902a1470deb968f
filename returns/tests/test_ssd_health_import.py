"""The Standard Safeguarding Dataset import of health tables and linked identifiers (column names of the public
data model, data-to-insight/ssd-data-model): each optional, all or nothing, re-runs change nothing."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from circumstances.models import ImmigrationCase, LinkedIdentifier
from health.models import HealthCheck, Immunisation, SDQScore, SubstanceMisuse
from people.models import YoungPerson
from returns.tests.test_ssd_import import write

HEALTH = {
    "ssd_cla_health": ("clah_health_check_id,clah_person_id,clah_health_check_type,clah_health_check_date,"
                       "clah_health_check_status\nH1,C2,Health Assessment,2024-09-01,Completed\n"
                       "H2,C2,Dental Check,2024-10-01,Refused\n"),
    "ssd_sdq_scores": ("csdq_table_id,csdq_person_id,csdq_sdq_completed_date,csdq_sdq_reason,csdq_sdq_score\n"
                       "Q1,C2,2024-09-01,,18\nQ2,C1,2023-05-01,SDQ5,\n"),
    "ssd_cla_substance_misuse": ("clas_substance_misuse_id,clas_person_id,clas_substance_misuse_date,"
                                 "clas_substance_misused,clas_intervention_received\nS1,C1,2023-01-10,Cannabis,Y\n"),
    "ssd_cla_immunisations": "clai_immunisations_id,clai_person_id,clai_immunisations_status\nI1,C2,Y\n",
    "ssd_linked_identifiers": ("link_table_id,link_person_id,link_identifier_type,link_identifier_value,"
                               "link_valid_from_date,link_valid_to_date\nK1,C2,NHS Number,9434765919,,\n"
                               "K2,C2,Home Office Registration,HO-12345,2022-03-01,\nK3,C1,YOT Number,Y778,,\n"),
}


def test_health_tables_land_in_the_new_areas_and_rerunning_changes_nothing(authority, tmp_path):
    call_command("import_ssd", str(write(tmp_path, **HEALTH)), stdout=StringIO())
    c1, c2 = YoungPerson.objects.get(la_person_id="C1"), YoungPerson.objects.get(la_person_id="C2")
    assert list(HealthCheck.objects.filter(young_person=c2).order_by("on").values_list("kind", "on", "status")) == [
        ("health_assessment", dt.date(2024, 9, 1), "Completed"), ("dental_check", dt.date(2024, 10, 1), "Refused")]
    assert SDQScore.objects.get(young_person=c2).score == 18 and SDQScore.objects.get(young_person=c1).reason == "SDQ5"
    assert SubstanceMisuse.objects.get().intervention_received is True
    assert Immunisation.objects.get().up_to_date is True
    c2.refresh_from_db()
    assert c2.nhs_number == "9434765919"
    case = ImmigrationCase.objects.get(young_person=c2)
    assert case.status == "asylum_seeker" and case.home_office_reference == "HO-12345"
    assert LinkedIdentifier.objects.filter(young_person=c1, identifier_type="YOT Number", value="Y778").exists()
    counts = [m.objects.count() for m in (HealthCheck, SDQScore, SubstanceMisuse, Immunisation, LinkedIdentifier)]
    call_command("import_ssd", str(tmp_path), stdout=StringIO())
    assert [m.objects.count() for m in (HealthCheck, SDQScore, SubstanceMisuse, Immunisation,
                                        LinkedIdentifier)] == counts


def test_the_health_tables_are_optional(authority, tmp_path):
    call_command("import_ssd", str(write(tmp_path)), stdout=StringIO())
    assert YoungPerson.objects.count() == 2 and not HealthCheck.objects.exists()


def test_bad_health_rows_stop_the_whole_import(authority, tmp_path):
    bad = {**HEALTH,
           "ssd_sdq_scores": HEALTH["ssd_sdq_scores"].replace(",,18", ",,41"),
           "ssd_cla_health": HEALTH["ssd_cla_health"].replace("Refused", "Maybe")}
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing imported: 2 problems"):
        call_command("import_ssd", str(write(tmp_path, **bad)), stdout=StringIO(), stderr=err)
    text = err.getvalue()
    assert "ssd_sdq_scores.csv row 2, csdq_sdq_score: The SDQ score must be between 0 and 40" in text
    assert "ssd_cla_health.csv row 3, clah_health_check_status: 'Maybe'" in text
    assert not YoungPerson.objects.exists() and not HealthCheck.objects.exists()
