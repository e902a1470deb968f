"""Documents (issue 13): allowed types by content, a size limit, stored outside the web root, every download
logged, withdrawn not deleted; bad input gives a clear message and stores nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEvent
from documents import actions
from documents.models import Document
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def store(settings: Any, tmp_path: Path) -> Path:
    settings.STORAGES = {**settings.STORAGES, "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}}}
    from django.core.files.storage import storages

    storages._storages.pop("documents", None)
    yield tmp_path
    storages._storages.pop("documents", None)


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.mark.parametrize("name, content", [("passport.pdf", PDF), ("letter.docx", docx()),
                                           ("photo.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20),
                                           ("scan.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)])
def test_allowed_files_are_kept_outside_the_web_root(staff: dict, teams: dict, store: Path, name: str,
                                                     content: bytes) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    doc = actions.upload(staff["pa_north"], yp, "id", "Passport", SimpleUploadedFile(name, content))
    assert files(store) and (store / doc.stored_name).read_bytes() == content
    assert "static" not in str(store / doc.stored_name)


@pytest.mark.parametrize("name, content, message", [
    ("virus.pdf", b"MZ\x90\x00 not a pdf", "must be a PDF, JPG, PNG or Word"),
    ("script.exe", b"MZ\x90\x00", "must be a PDF, JPG, PNG or Word"),
    ("fake.docx", b"PK\x03\x04 not a zip", "must be a PDF, JPG, PNG or Word"),
    ("big.pdf", PDF + b"0" * (2 * 1024 * 1024), "smaller than 1 MB"),
    ("empty.pdf", b"", "empty"),
])
def test_bad_files_are_refused_and_nothing_is_stored(settings: Any, staff: dict, teams: dict, store: Path,
                                                     name: str, content: bytes, message: str) -> None:
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024
    yp = young_person(teams["north"], pa=staff["pa_north"])
    with pytest.raises(ValidationError, match=message) as exc:
        actions.upload(staff["pa_north"], yp, "letter", "Letter", SimpleUploadedFile(name, content))
    assert "file" in exc.value.message_dict
    assert not files(store) and not Document.objects.exists()


def test_pages_download_logged_and_withdrawn(client: Any, staff: dict, teams: dict, store: Path) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    client.force_login(staff["pa_north"])
    bad = client.post(f"/documents/young-person/{yp.pk}/upload/", {
        "kind": "letter", "title": "Letter", "file": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert bad.status_code == 200 and "must be a PDF, JPG, PNG or Word" in bad.content.decode()
    ok = client.post(f"/documents/young-person/{yp.pk}/upload/", {
        "kind": "tenancy", "title": "Tenancy agreement", "file": SimpleUploadedFile("t.pdf", PDF)})
    assert ok.status_code == 302
    doc = Document.objects.get()
    response = client.get(f"/documents/{doc.pk}/file/")
    assert b"".join(response.streaming_content) == PDF and "attachment" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(action="export", object_type="documents.Document",
                                     object_id=str(doc.pk)).count() == 1
    client.force_login(staff["pa_south"])
    assert client.get(f"/documents/{doc.pk}/file/").status_code == 404
    with pytest.raises(PermissionDenied):
        actions.withdraw(staff["pa_north2"], doc, "Wrong person")
    actions.withdraw(staff["pa_north"], doc, "Wrong person", version=1)
    doc.refresh_from_db()
    assert doc.withdrawn and Document.objects.count() == 1 and files(store)
