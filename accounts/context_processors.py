from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def session_timeout(request: HttpRequest) -> dict[str, Any]:
    """What the timeout warning (static/session-timeout.js) needs, for signed-in pages only."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"session_idle_seconds": settings.SESSION_IDLE_MINUTES * 60,
            "session_warning_seconds": settings.SESSION_WARNING_SECONDS}
