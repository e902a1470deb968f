"""The error answers every API operation can give, added to the published document (a drf-spectacular hook).

DRF answers a refusal with ``{"detail": "..."}`` (401 no or bad token, 403 not allowed, 404 unknown or out of
scope, or an unknown page of a list, 405, 415 a body that is not JSON) and a validation failure with the messages
keyed by field (400; ``non_field_errors`` for the record as a whole). The document says so for every operation,
so clients (and the schemathesis fuzzing in api/tests/test_fuzz_api.py) can rely on every answer's shape.
"""

from __future__ import annotations

from typing import Any

DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"],
          "description": "Why the request was refused"}
FIELD_ERRORS = {
    "type": "object",
    "description": "Messages keyed by field name (non_field_errors: the record as a whole; detail: the request)",
    "additionalProperties": {"anyOf": [{"type": "array", "items": {}}, {"type": "string"}, {"type": "object"}]},
}
ERRORS = {
    "400": ("The request or a field is not valid: messages keyed by field", "FieldErrors"),
    "401": ("No API token, or not a valid one", "ErrorDetail"),
    "403": ("The caller's role may not do this", "ErrorDetail"),
    "404": ("No such record within the caller's scope, or no such page", "ErrorDetail"),
    "405": ("The method is not allowed here", "ErrorDetail"),
    "406": ("The Accept header asks for something other than JSON", "ErrorDetail"),
    "415": ("The body is not JSON (or form data)", "ErrorDetail"),
}


def add_error_responses(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("ErrorDetail", DETAIL)
    schemas.setdefault("FieldErrors", FIELD_ERRORS)
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, (description, name) in ERRORS.items():
                if code == "415" and "requestBody" not in operation:
                    continue
                operation["responses"].setdefault(code, {
                    "description": description,
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}})
    return result
