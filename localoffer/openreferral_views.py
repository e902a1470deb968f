"""The read-only Open Referral UK 3.0 API at /openreferral/ (docs/openreferral.md).

Open to anyone with no sign-in (the Local Offer is published information and holds no personal data), read only
(any method but GET, HEAD and OPTIONS is 405), with ``Access-Control-Allow-Origin: *`` on every answer. A bad
filter value is a 400 with a JSON body naming the parameter; an unknown id is a 404 with a JSON body; never a
server error. Nothing here is audit-logged: no record of any person is read.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import wraps
from pathlib import Path
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from localoffer import openreferral as oruk
from localoffer.models import Entry

SCHEMA_DIR = Path(__file__).resolve().parent / "oruk_schema"
READ = ("GET", "HEAD", "OPTIONS")


class BadParameter(Exception):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _answer(body: Any, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status, safe=False, json_dumps_params={"ensure_ascii": False})
    return response


def _cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(READ)
    response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
    response["Access-Control-Max-Age"] = "86400"
    if response.status_code == 200:
        response["Cache-Control"] = "public, max-age=300"
    return response


def open_api(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Anyone, read only, CORS open; a bad parameter is a 400 naming it."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in READ:
            response: HttpResponse = _answer({"error": "This API is read-only: use GET", "status": 405}, 405)
            response["Allow"] = ", ".join(READ)
            return _cors(response)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(READ)
            return _cors(response)
        try:
            response = view(request, *args, **kwargs)
        except BadParameter as bad:
            response = _answer({"error": bad.message, "parameter": bad.parameter, "status": 400}, 400)
        return _cors(response)

    wrapped.open_data = True  # type: ignore[attr-defined]
    return wrapped


# ---------------------------------------------------------------- reading parameters


def _whole(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    text = raw.strip()
    if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 12:
        raise BadParameter(name, f"{name} must be a whole number")
    value = int(text)
    if not low <= value <= high:
        raise BadParameter(name, f"{name} must be between {low} and {high}")
    return value


def _age(request: HttpRequest, name: str) -> Decimal | None:
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = Decimal(raw.strip())
    except InvalidOperation:
        raise BadParameter(name, f"{name} must be a number of years, like 18") from None
    if not value.is_finite() or value < 0 or value > 150:
        raise BadParameter(name, f"{name} must be a number of years from 0 to 150")
    return value


def _uuid(raw: str, name: str) -> str:
    try:
        return str(uuid.UUID(raw.strip()))
    except (ValueError, AttributeError):
        raise BadParameter(name, f"{name} must be a UUID, like 6f1d3a52-8c1e-4d7b-9a57-1f6f3c1a0e17") from None


def _paging(request: HttpRequest) -> oruk.Paging:
    return oruk.Paging(_whole(request, "page", 1, 1, 1_000_000),
                       _whole(request, "per_page", oruk.DEFAULT_PER_PAGE, 1, oruk.MAX_PER_PAGE))


def _context() -> tuple[oruk.Council, str]:
    from org.models import Authority

    authority = Authority.objects.order_by("pk").first()
    name = authority.name if authority else "The council"
    return oruk.Council(name, authority.la_code if authority else "000"), oruk.state_province(name)


def _search(request: HttpRequest) -> str:
    text = (request.GET.get("text") or request.GET.get("search") or "").strip()
    if len(text) > 200 or "\x00" in text:
        raise BadParameter("text", "text must be 200 characters or fewer, with no NUL characters")
    return text


# ---------------------------------------------------------------- the endpoints


@open_api
def about(request: HttpRequest) -> HttpResponse:
    return _answer({"version": oruk.HSDS_VERSION, "profile": oruk.PROFILE_URL,
                    "openapi_url": request.build_absolute_uri("/openreferral/openapi.json")})


@open_api
def openapi(request: HttpRequest) -> HttpResponse:
    """The profile's own OpenAPI description, as published (kept in localoffer/oruk_schema/)."""
    body = (SCHEMA_DIR / "openapi.json").read_text(encoding="utf-8")
    return HttpResponse(body, content_type="application/json")


@open_api
def services(request: HttpRequest) -> HttpResponse:
    from localoffer.queries import search

    paging = _paging(request)
    text = _search(request)
    term_id = request.GET.get("taxonomy_term_id")
    taxonomy_id = request.GET.get("taxonomy_id")
    term = _uuid(term_id, "taxonomy_term_id") if term_id else None
    taxonomy = _uuid(taxonomy_id, "taxonomy_id") if taxonomy_id else None
    minimum = _age(request, "minimum_age")
    maximum = _age(request, "maximum_age")
    qs = Entry.objects.filter(status__in=oruk.LISTED).select_related("partner")
    if text:
        qs = search(qs, text)
    # As the profile defines them: minimum_age=N lists services whose minimum age is at least N, maximum_age=N
    # those whose maximum age is at most N
    if minimum is not None:  # ages are whole years: 16.5 asks for a minimum of 17 or more
        qs = qs.filter(min_age__gte=math.ceil(minimum))
    if maximum is not None:
        qs = qs.filter(max_age__lte=math.floor(maximum))
    entries = list(qs.order_by("area", "name", "pk"))
    if term is not None:
        entries = [e for e in entries if term in {t.id for t in oruk.terms_of(e)}]
    if taxonomy is not None:
        entries = [e for e in entries if taxonomy in {oruk.TAXONOMY_BY_CODE[t.taxonomy].id for t in oruk.terms_of(e)}]
    council, _ = _context()

    def shape(page: list[Entry]) -> list[dict[str, Any]]:
        rates = oruk.rates_in_force(page, timezone.localdate())
        return [oruk.service_list_json(e, council, rates.get(e.entitlement_id or 0)) for e in page]

    return _answer(oruk.page_of(entries, paging, shape))


@open_api
def service(request: HttpRequest, id: str) -> HttpResponse:  # noqa: A002 (the profile's name)
    key = _uuid(id, "id")
    entry = Entry.objects.select_related("partner", "entitlement").filter(uuid=key).first()
    if entry is None:
        return _answer({"error": f"No service has the id {key}", "status": 404}, 404)
    council, county = _context()
    return _answer(oruk.service_json(entry, council, timezone.localdate(), county))


@open_api
def taxonomies(request: HttpRequest) -> HttpResponse:
    paging = _paging(request)
    return _answer(oruk.page_of([oruk.taxonomy_json(t) for t in oruk.TAXONOMIES], paging))


@open_api
def taxonomy(request: HttpRequest, id: str) -> HttpResponse:  # noqa: A002
    key = _uuid(id, "id")
    found = next((t for t in oruk.TAXONOMIES if t.id == key), None)
    if found is None:
        return _answer({"error": f"No taxonomy has the id {key}", "status": 404}, 404)
    return _answer({**oruk.taxonomy_json(found),
                    "taxonomy_terms": [oruk.term_json(t) for t in oruk.TERMS if t.taxonomy == found.code]})


@open_api
def taxonomy_terms(request: HttpRequest) -> HttpResponse:
    paging = _paging(request)
    taxonomy_id = request.GET.get("taxonomy_id")
    terms = oruk.TERMS
    if taxonomy_id:
        key = _uuid(taxonomy_id, "taxonomy_id")
        terms = [t for t in terms if oruk.TAXONOMY_BY_CODE[t.taxonomy].id == key]
    return _answer(oruk.page_of([oruk.term_json(t) for t in terms], paging))


@open_api
def taxonomy_term(request: HttpRequest, id: str) -> HttpResponse:  # noqa: A002
    key = _uuid(id, "id")
    found = oruk.TERM_BY_ID.get(key)
    if found is None:
        return _answer({"error": f"No taxonomy term has the id {key}", "status": 404}, 404)
    return _answer(oruk.term_json(found))


@open_api
def not_found(request: HttpRequest) -> HttpResponse:
    return _answer({"error": "Nothing here: see /openreferral/ and the OpenAPI description it links to",
                    "status": 404}, 404)
