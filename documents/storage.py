"""Where documents are kept: the ``documents`` storage in settings.STORAGES.

Local disk by default, in ``DOCUMENTS_ROOT`` (a folder beside the code, never under static/ or served by the
web server: every read goes through documents.views, which checks the viewer and logs it). Set
``DOCUMENTS_S3_BUCKET`` (and the usual AWS_* variables) to keep them in S3-compatible storage through
django-storages instead.
"""

from __future__ import annotations

from typing import Any

from django.core.files.storage import storages


def document_storage() -> Any:
    return storages["documents"]
