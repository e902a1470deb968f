"""Recording and reading contacts: one screen to record, the young person's contact history, losing touch."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from audit.log import viewed
from contacts import actions
from contacts.forms import AmendForm, ContactForm, EffortForm, MissingForm
from contacts.losing_touch import evidence, lost_contact
from contacts.models import Contact, LostContactCheck, MissingEpisode
from leavingcare.access import rule, young_person
from leavingcare.pages import form_page, submitted
from people.scope import get_young_person_or_404, young_people_for

BACK = "contacts:for_young_person"
DAY = {"occurred_at": "day"}  # the actions name the moment; the form asks for it as day and time


@rule("contacts.add_contact", "contacts.add_contact", of=young_person, log_as="page:record_contact")
def add(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    now = timezone.localtime()
    initial = {"day": now.date(), "time": now.strftime("%H:%M"), "made_by": "pa" if request.user.role ==
               "personal_adviser" else "sw" if request.user.role == "social_worker" else "other",
               "successful": "yes", "submission_key": uuid.uuid4().hex}
    form = ContactForm(request.POST or None, initial=initial)
    if submitted(request, form, lambda d: actions.record_contact(
            request.user, yp, form.contact_data(), d["submission_key"] or None, request=request),
            lambda saved: "Contact recorded" if saved[1] else "This contact was already recorded", rename=DAY):
        return redirect("contacts:for_young_person", pk=yp.pk)
    return form_page(request, form, yp, "Record a contact", "Save contact", back=BACK)


@rule("people.view_record", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:contacts", request=request)
    contacts = (Contact.objects.filter(young_person=yp).select_related("worker", "created_by")
                .prefetch_related("amendments__amended_by").order_by("-occurred_at")[:200])
    lost = lost_contact(young_people_for(request.user).filter(pk=yp.pk), timezone.localdate()).first()
    return render(request, "contacts/for_young_person.html", {
        "yp": yp, "contacts": contacts, "lost": lost, "lost_evidence": evidence(lost) if lost else "",
        "efforts": LostContactCheck.objects.filter(young_person=yp).select_related("recorded_by"),
        "missing": MissingEpisode.objects.filter(young_person=yp), "now": timezone.now(),
        "window": actions.EDIT_WINDOW})


@rule("contacts.amend_contact", "contacts.amend_contact", of=young_person, log_as="page:change_contact")
def change(request: HttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    contact = get_object_or_404(Contact, pk=contact_pk, young_person=yp)
    local = timezone.localtime(contact.occurred_at)
    initial = {"day": local.date(), "time": local.strftime("%H:%M"), "kind": contact.kind,
               "made_by": contact.made_by, "successful": "yes" if contact.successful else "no",
               "reason_unsuccessful": contact.reason_unsuccessful, "note": contact.note,
               "seen_alone": {True: "yes", False: "no"}.get(contact.seen_alone, ""),  # type: ignore[arg-type]
               "version": contact.version}
    form = AmendForm(request.POST or None, initial=initial)
    if submitted(request, form, lambda d: actions.change_contact(
            request.user, contact, form.contact_data(), d["reason"], request=request, version=d.get("version")),
            "Contact updated", rename=DAY):
        return redirect("contacts:for_young_person", pk=yp.pk)
    editable = actions.can_edit(request.user, contact)
    return form_page(request, form, yp, "Change a contact" if editable else "Amend a contact", "Save", back=BACK)


@rule("contacts.record_effort", "contacts.record_effort", of=young_person, log_as="page:contact_effort")
def effort(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = EffortForm(request.POST or None, initial={"done_on": timezone.localdate()})
    if submitted(request, form, lambda d: actions.record_effort(request.user, yp, d, request=request),
                 "Effort to make contact recorded"):
        return redirect("contacts:for_young_person", pk=yp.pk)
    return form_page(request, form, yp, "Record an effort to make contact", "Save", back=BACK)


@rule("contacts.record_effort", "contacts.record_effort", of=young_person, log_as="page:missing_episode")
def missing(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    form = MissingForm(request.POST or None, initial={"start_date": timezone.localdate()})
    if submitted(request, form, lambda d: actions.record_missing(request.user, yp, d, request=request),
                 "Missing episode recorded"):
        return redirect("contacts:for_young_person", pk=yp.pk)
    return form_page(request, form, yp, "Record a missing episode", "Save", back=BACK)
