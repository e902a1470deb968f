"""Documents on a record: list, upload, view or download (each logged), withdraw."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accounts.policy import require
from audit.log import record, viewed
from audit.models import Action
from documents import actions
from documents.forms import UploadForm, WithdrawForm
from documents.models import Document
from documents.storage import document_storage
from leavingcare.access import rule, young_person
from leavingcare.forms import apply_errors
from leavingcare.pages import form_page, submitted
from people.scope import get_young_person_or_404, scoped


@rule("documents.download", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "documents.download", yp)
    viewed(request.user, yp, "page:documents", request=request)
    docs = Document.objects.filter(young_person=yp).select_related("created_by")
    show_withdrawn = request.GET.get("show") == "all"
    if not show_withdrawn:
        docs = docs.filter(withdrawn=False)
    return render(request, "documents/list.html", {"yp": yp, "docs": docs, "show_withdrawn": show_withdrawn})


@rule("documents.upload", "documents.upload", of=young_person)
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "documents.upload", yp)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.upload(request.user, yp, form.cleaned_data["kind"], form.cleaned_data["title"],
                           request.FILES.get("file"), request=request)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            from django.contrib import messages

            messages.success(request, "Document added")
            return redirect("documents:for_young_person", pk=yp.pk)
    return render(request, "documents/upload.html", {"form": form, "yp": yp, "error_title": bool(form.errors)},
                  status=200)


def _document(request: HttpRequest, doc_pk: int) -> Document:
    return get_object_or_404(scoped(Document.objects.select_related("young_person"), request.user), pk=doc_pk)


@rule("documents.download")
def download(request: HttpRequest, doc_pk: int) -> Any:
    doc = _document(request, doc_pk)
    require(request.user, "documents.download", doc)
    inline = request.GET.get("view") == "1" and doc.content_type in ("application/pdf", "image/jpeg", "image/png")
    try:
        handle = document_storage().open(doc.stored_name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404("The file is missing from the document store") from None
    record(request.user, Action.EXPORT, young_person=doc.young_person, obj=doc,
           detail={"title": doc.title, "how": "view" if inline else "download"}, request=request)
    ext = doc.stored_name.rsplit(".", 1)[-1]
    response = FileResponse(handle, content_type=doc.content_type, as_attachment=not inline,
                            filename=f"{doc.young_person.la_person_id}-{doc.kind}-{doc.pk}.{ext}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    return response


@rule("documents.withdraw", "documents.withdraw")
def withdraw(request: HttpRequest, doc_pk: int) -> HttpResponse:
    doc = _document(request, doc_pk)
    require(request.user, "documents.withdraw", doc)
    form = WithdrawForm(request.POST or None)
    if submitted(request, form, lambda d: actions.withdraw(request.user, doc, d["reason"], request=request),
                 "Document withdrawn"):
        return redirect("documents:for_young_person", pk=doc.young_person_id)
    return form_page(request, form, doc.young_person, "Withdraw a document", "Withdraw document",
                     back="documents:for_young_person", caption=doc.title)
