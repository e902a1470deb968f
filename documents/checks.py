"""What may be uploaded: a few kinds of file, recognised by their content (not their name), under a size limit."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

ALLOWED = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
EXTENSIONS = {"pdf": {"pdf"}, "jpg": {"jpg", "jpeg"}, "png": {"png"}, "docx": {"docx"}}


def max_bytes() -> int:
    return int(getattr(settings, "DOCUMENT_MAX_BYTES", 10 * 1024 * 1024))


def sniff(head: bytes, whole: Any = None) -> str | None:
    """The kind of file its first bytes say it is (pdf, jpg, png, docx), or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04") and whole is not None:
        try:
            with zipfile.ZipFile(whole) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except (zipfile.BadZipFile, OSError):
            return None
    return None


def check_upload(upload: Any) -> tuple[str, str]:
    """(kind, content type) of an acceptable upload; ValidationError keyed "file" otherwise."""
    if upload is None:
        raise ValidationError({"file": "Choose a file to upload"})
    limit = max_bytes()
    if upload.size == 0:
        raise ValidationError({"file": "The file is empty"})
    if upload.size > limit:
        raise ValidationError({"file": f"The file must be smaller than {limit // (1024 * 1024)} MB"})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    whole = None
    if head.startswith(b"PK\x03\x04"):
        whole = io.BytesIO(upload.read())
        upload.seek(0)
    kind = sniff(head, whole)
    name = (upload.name or "").lower()
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    if kind is None or ext not in EXTENSIONS[kind]:
        raise ValidationError({"file": "The file must be a PDF, JPG, PNG or Word (.docx) document"})
    return kind, ALLOWED[kind]
