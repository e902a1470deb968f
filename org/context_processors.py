from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from org.config import current_authority


def authority(request: HttpRequest) -> dict[str, Any]:
    return {"authority": current_authority()}
