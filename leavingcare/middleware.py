"""One commit for a page read on PostgreSQL.

Every page a member of staff reads writes to the database: its VIEW events in the audit log, and the session's
activity. Each of those was its own transaction, and so its own wait for PostgreSQL to flush its log to disk.
``OneCommitPerRead`` runs a GET (or HEAD) request, the session's save included, in one transaction, so a read
waits for one flush, not two or more. Every write is kept exactly as before: the transaction commits whatever
the page answers (Django turns errors, refusals and 404s into responses inside it, so their audit events are
kept too). Posts keep their own transactions, made by the verbs; ``/healthz`` and a request already
inside a transaction (a test's) are left alone. On SQLite, where a transaction takes the
database's write lock, requests are left as they were.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse

READS = ("GET", "HEAD")
# The load balancer's check says "database unavailable" itself, rather than failing to open a transaction
UNWRAPPED = ("/healthz",)


class OneCommitPerRead:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (request.method not in READS or connection.vendor != "postgresql" or connection.in_atomic_block
                or request.path in UNWRAPPED):
            return self.get_response(request)
        with transaction.atomic():
            return self.get_response(request)
