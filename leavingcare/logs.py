"""Structured logs: one JSON line per request, and a JSON formatter for the service's own loggers.

A request line holds no personal data: the route pattern ("young-people/<int:pk>/"), never the path with its
ids or query string (a search for a name would be in it); the URL name; the status; the duration; and the
member of staff's user id, never their name. Young people are never named or numbered in a log line: who
looked at whose record is in the audit log, which is access-controlled.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

request_log = logging.getLogger("leavingcare.requests")
# Attributes every LogRecord has; anything else was passed in ``extra`` and goes into the JSON line
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage()}
        line.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(line, default=str)


def route_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "(unmatched)"
    return "/" + (match.route or "")


class RequestLogMiddleware:
    """Outermost middleware: times the whole request and writes one line when the response is ready."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        request_log.info("request", extra={
            "method": request.method, "route": route_of(request),
            "view": (match.view_name if match is not None else None), "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "user_id": user.pk if user is not None and user.is_authenticated else None})
        return response
