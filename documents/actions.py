"""Adding and withdrawing documents. Nothing is stored unless the file passes the checks; nothing is deleted."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from documents.checks import check_upload
from documents.models import Document, DocumentKind
from documents.storage import document_storage
from leavingcare.versioning import bump, check_version


def upload(actor: Any, yp: Any, kind: str, title: str, file: Any, request: Any = None) -> Document:
    require(actor, "documents.upload", yp)
    errors: dict[str, str] = {}
    if kind not in DocumentKind.values:
        errors["kind"] = "Select what the document is"
    if not (title or "").strip():
        errors["title"] = "Enter a title for the document"
    try:
        ext, content_type = check_upload(file)
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    stored_name = f"{yp.pk}/{uuid.uuid4().hex}.{ext}"
    storage = document_storage()
    saved_as = storage.save(stored_name, file)
    try:
        with transaction.atomic():
            doc = Document.objects.create(young_person=yp, kind=kind, title=title.strip()[:200],
                                          original_name=(file.name or "")[-200:], stored_name=saved_as,
                                          content_type=content_type, size=file.size, sha256=digest.hexdigest(),
                                          created_by=actor)
            record(actor, Action.CREATE, young_person=yp, obj=doc,
                   detail={"kind": kind, "title": doc.title, "size": doc.size}, request=request)
    except Exception:
        storage.delete(saved_as)  # the row was not written: leave no orphan file
        raise
    return doc


@transaction.atomic
def withdraw(actor: Any, doc: Document, reason: str, version: int | None = None, request: Any = None) -> Document:
    require(actor, "documents.withdraw", doc)
    stored = Document.objects.select_for_update().select_related("young_person").get(pk=doc.pk)
    check_version(stored, version, "document")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the document is withdrawn"})
    if stored.withdrawn:
        raise ValidationError("This document is already withdrawn")
    before = snapshot(stored, ["withdrawn", "withdrawn_reason", "version"])
    stored.withdrawn, stored.withdrawn_reason = True, reason.strip()[:300]
    bump(stored)
    stored.save(update_fields=["withdrawn", "withdrawn_reason", "version"])
    changed(actor, stored, stored.young_person, before, request=request)
    return stored
