"""A staff page already rendered for this session, served again while nothing in the database has changed.

The busiest staff pages (the lists, a summary, the worklists, the performance page) are read far more often than
the record changes. ``@cached_page`` keeps the rendered page for the session that asked for it and serves it
again only when all of these are the same as when it was rendered:

- the session (so the user, their role and their CSRF secret), the full path with its query, the htmx headers;
- the day (worklists and ages move with the date);
- the database's *generation*: a counter that every committed write to any table but the audit log and the
  session store moves on (``bump`` runs after commit, from a hook on every database connection, so writes
  made by verbs, jobs, imports, the shell or raw SQL all count). A write in another worker or process is seen
  at the next request, because the counter lives in the database.

What does not change is still done on every request: the sign-in, the idle timeout and second-factor checks
(middleware), the page's declared policy and the loading of its record through ``people.scope`` (``@rule``
sits outside this decorator), and the audit log: every VIEW event the page wrote when it was rendered is
written again for this request. The CSP nonce is put back for each response. A page that showed a flash
message, set a cookie, changed the session or answered anything but 200 HTML is not kept.

Pages live in the ``pages`` cache (each worker's own memory by default; ``PAGE_CACHE_SECONDS`` caps their age,
``PAGE_CACHE=off`` turns it off). Sign-out ends the session, and with it every key that could reach its pages.
"""

from __future__ import annotations

import contextvars
import hashlib
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

# Tables whose writes do not change what a page shows: the audit log (every page view writes to it), the
# session store, the counter itself, caches, and the stored clock facts (derived from the record, refilled by
# reads; a change to the record that makes them stale is itself a write that counts)
IGNORED_TABLES = ("audit_auditevent", "django_session", "leavingcare_generation", "django_cache",
                  "leavingcare_cache", "worklists_clockfacts")
WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)', re.IGNORECASE)
NONCE_MARK = "\x00csp-nonce\x00"
# What the page wrote to the audit log while it was rendered: (young person ids, what)
recording: contextvars.ContextVar[list[tuple[list[int], str]] | None] = contextvars.ContextVar(
    "pagecache_recording", default=None)


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", True)


# ---------------------------------------------------------------- the generation


def bump(using: str = DEFAULT_DB_ALIAS) -> None:
    """Move the generation on (outside any transaction: after commit, or in autocommit)."""
    try:
        with connections[using].cursor() as cursor:
            cursor.execute("UPDATE leavingcare_generation SET n = n + 1 WHERE id = 1")
    except DatabaseError:  # before the first migration has made the table: nothing can be cached yet either
        pass


def generation(using: str = DEFAULT_DB_ALIAS) -> int | None:
    """The current generation, or None when there is none (no table, or no row): then nothing is kept."""
    try:
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT n FROM leavingcare_generation WHERE id = 1")
            row = cursor.fetchone()
    except DatabaseError:
        return None
    return int(row[0]) if row else None


def generation_moved(using: str = DEFAULT_DB_ALIAS) -> None:
    """For writes that do not pass through Django's cursor (COPY): move the generation on at commit."""
    wrapper = connections[using]
    if wrapper.in_atomic_block:
        transaction.on_commit(_bumper(using), using=using)
    else:
        bump(using)


def _watch_writes(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    result = execute(sql, params, many, context)
    found = WRITE.match(sql) if isinstance(sql, str) else None
    if found and found.group(1).lower() not in IGNORED_TABLES:
        wrapper = context["connection"]
        if not wrapper.in_atomic_block:
            bump(wrapper.alias)
        elif not any(getattr(func, "pagecache_bump", False) for _, func, _ in wrapper.run_on_commit):
            transaction.on_commit(_bumper(wrapper.alias), using=wrapper.alias)
    return result


def _bumper(alias: str) -> Callable[[], None]:
    def run() -> None:
        bump(alias)

    run.pagecache_bump = True  # type: ignore[attr-defined]
    return run


def watch(sender: Any, connection: Any, **kwargs: Any) -> None:
    """On every new database connection: count its committed writes (``connection_created``)."""
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def install() -> None:
    connection_created.connect(watch, dispatch_uid="leavingcare.pagecache.watch")
    for wrapper in connections.all(initialized_only=True):
        watch(None, wrapper)


# ---------------------------------------------------------------- the audit log, written again on a hit


def note_viewed(young_people: list[int], what: str) -> None:
    found = recording.get()
    if found is not None:
        found.append((young_people, what))


def _replay(request: HttpRequest, events: list[tuple[list[int], str]]) -> None:
    from audit.log import viewed_many

    for ids, what in events:
        viewed_many(request.user, ids, what, request=request)


# ---------------------------------------------------------------- the decorator


def _key(request: HttpRequest, gen: int) -> str:
    parts = [request.session.session_key or "", request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
             str(getattr(request.user, "pk", "")), str(gen),
             timezone.localdate().isoformat(), request.get_full_path(),
             request.headers.get("HX-Request", ""), request.headers.get("HX-Target", ""),
             request.headers.get("HX-Boosted", "")]
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _nonce(request: HttpRequest) -> str | None:
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce) if nonce else None


def _keepable(request: HttpRequest, response: HttpResponse, session_before: dict[str, Any]) -> bool:
    messages = getattr(request, "_messages", None)
    shown = bool(messages is not None and (getattr(messages, "_loaded_data", None) or
                                           getattr(messages, "_queued_messages", None) or
                                           getattr(messages, "used", False)))
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and response.get("Content-Type", "").startswith("text/html")
            and dict(request.session.items()) == session_before and not shown)


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve this GET page again for the same session while the database's generation and the day are the same.
    Put it under ``@rule`` so the policy, the record's loading and its own logging run on every request."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET" or not enabled() or not request.session.session_key:
            return view(request, *args, **kwargs)
        gen = generation()
        if gen is None:
            return view(request, *args, **kwargs)
        store = caches["pages"]
        key = _key(request, gen)
        kept = store.get(key)
        if kept is not None:
            content, content_type, events = kept
            _replay(request, events)
            if NONCE_MARK in content:
                content = content.replace(NONCE_MARK, str(request.csp_nonce))  # type: ignore[attr-defined]
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        events: list[tuple[list[int], str]] = []
        session_before = dict(request.session.items())
        token = recording.set(events)
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
        finally:
            recording.reset(token)
        if _keepable(request, response, session_before):
            content = response.content.decode(response.charset or "utf-8")
            nonce = _nonce(request)
            if nonce:
                content = content.replace(nonce, NONCE_MARK)
            store.set(key, (content, response["Content-Type"], events),
                      timeout=getattr(settings, "PAGE_CACHE_SECONDS", 300))
            response["X-Page-Cache"] = "miss"
        return response

    return wrapped
