"""Accommodation and activity from the young person's page, in a few clicks."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from accommodation import actions
from accommodation.forms import ActivityForm, InTouchForm, MoveForm
from accommodation.models import AccommodationEpisode, ActivityEpisode, InTouchStatus
from audit.log import viewed
from leavingcare.access import rule, young_person
from leavingcare.pages import form_page, submitted
from people.scope import get_young_person_or_404

BACK = "accommodation:for_young_person"


@rule("people.view_record", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:accommodation", request=request)
    return render(request, "accommodation/for_young_person.html", {
        "yp": yp, "homes": AccommodationEpisode.objects.filter(young_person=yp).select_related("district"),
        "activities": ActivityEpisode.objects.filter(young_person=yp),
        "in_touch": InTouchStatus.objects.filter(young_person=yp).select_related("recorded_by")[:10]})


@rule("accommodation.record_move", "accommodation.record_move", of=young_person, log_as="page:record_move")
def move(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = MoveForm(request.POST or None, initial={"start_date": timezone.localdate()})
    if submitted(request, form, lambda d: actions.record_move(
            request.user, yp, d["start_date"], d["accom"], {"yes": True, "no": False}.get(d["suitable"]),
            d["provision"], d["district"], d["out_of_area"], d["note"], request=request,
            address=d["address"], postcode=d["postcode"]), "Move recorded"):
        return redirect("accommodation:for_young_person", pk=yp.pk)
    return form_page(request, form, yp, "Record a move", back=BACK)


@rule("accommodation.record_activity", "accommodation.record_activity", of=young_person, log_as="page:record_activity")
def activity(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = ActivityForm(request.POST or None, initial={"start_date": timezone.localdate()})
    if submitted(request, form, lambda d: actions.record_activity(
            request.user, yp, d["start_date"], d["activity"], d["note"], request=request), "Activity recorded"):
        return redirect("accommodation:for_young_person", pk=yp.pk)
    return form_page(request, form, yp, "Record education, employment or training", back=BACK)


@rule("accommodation.record_in_touch", "accommodation.record_in_touch", of=young_person, log_as="page:record_in_touch")
def in_touch(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = InTouchForm(request.POST or None, initial={"on": timezone.localdate(), "in_touch": "YES"})
    if submitted(request, form, lambda d: actions.record_in_touch(
            request.user, yp, d["on"], d["in_touch"], d["note"], request=request), "In-touch status recorded"):
        return redirect("accommodation:for_young_person", pk=yp.pk)
    return form_page(request, form, yp, "Record whether we are in touch", back=BACK)
