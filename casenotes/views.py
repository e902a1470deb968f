"""Case notes and the chronology (page and tagged PDF). Reads through people.scope; writes through actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.policy import require
from audit.log import record, viewed
from audit.models import Action
from casenotes import actions
from casenotes.chronology import events_for
from casenotes.forms import ChronologyFilter, NoteForm
from leavingcare.access import rule, young_person
from leavingcare.pages import form_page, submitted
from people.scope import get_young_person_or_404


def _filtered(request: HttpRequest, yp: Any) -> tuple[ChronologyFilter, list[Any]]:
    form = ChronologyFilter(request.GET or None)
    params: dict[str, Any] = form.cleaned_data if form.is_bound and form.is_valid() else {}
    events = events_for(yp, set(params.get("kind") or []) or None, params.get("start"), params.get("end"),
                        bool(params.get("significant")))
    return form, events


@rule("casenotes.view_chronology", of=young_person)
def chronology(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "casenotes.view_chronology", yp)
    form, events = _filtered(request, yp)
    viewed(request.user, yp, "page:chronology", request=request)
    return render(request, "casenotes/chronology.html", {"yp": yp, "form": form, "events": events,
                                                          "query": request.GET.urlencode()})


@rule("casenotes.view_chronology", of=young_person)
def chronology_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from weasyprint import HTML

    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "casenotes.view_chronology", yp)
    form, events = _filtered(request, yp)
    html = render_to_string("casenotes/chronology_pdf.html", {"yp": yp, "events": events, "form": form,
                                                               "today": timezone.localdate()})
    content = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    record(request.user, Action.EXPORT, young_person=yp, object_type="export:chronology_pdf",
           object_id=str(yp.pk), detail={"events": len(events)}, request=request)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="chronology-{yp.la_person_id}.pdf"'
    return response


@rule("casenotes.add_note", "casenotes.add_note", of=young_person)
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "casenotes.add_note", yp)
    form = NoteForm(request.POST or None, initial={"kind": "case_note", "on": timezone.localdate()})
    if submitted(request, form, lambda d: actions.add_note(request.user, yp, d["kind"], d["on"], d["text"],
                                                           d["other_agency"], request=request), "Case note saved"):
        return redirect("casenotes:chronology", pk=yp.pk)
    return form_page(request, form, yp, "Write a case note", "Save note", back="casenotes:chronology")


@rule(None, "casenotes.mark_significant", of=young_person)
def significant(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    try:
        actions.mark_significant(request.user, yp, request.POST.get("source", ""),
                                 request.POST.get("significant") == "1", request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/") else f"/case-notes/young-person/{yp.pk}/")
