"""The API's OpenAPI description, made to say what the API really answers.

FastAPI documents a 422 validation error that this app never sends (its
handler turns bad input into a 400 with ``{"error": ...}``) and none of the
errors it does send: 400 for a bad filter, 401 without a login or token, 403
for a role too low or a missing CSRF token, 404 for an unknown id, 421 for a
foreign Host header without accounts, 503 when the database is busy. A
client generated from the schema, or a fuzzer checking answers against it
(tests/web/test_web_fuzz.py), must find every answer described.
"""

from __future__ import annotations

from typing import Any

ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Error",
    "description": "What went wrong and what to do next, in one sentence.",
    "properties": {"error": {"type": "string"}},
    "required": ["error"],
}
_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
_ALWAYS = {
    "400": "a parameter or the request body is not valid; the message names it",
    "401": "not logged in and no valid API token (accounts on)",
    "421": "no accounts, and the request was addressed to a host name other than loopback",
    "503": "the database is busy or unreadable; try again",
}
_NOT_FOUND = "no incident, source or job with this id"
_FORBIDDEN = "the user's role is too low, or a browser session sent no CSRF token"


def describe_errors(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with every /api/ operation's error answers declared and FastAPI's 422 removed."""
    components = spec.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    components["Error"] = ERROR_SCHEMA
    for path, methods in spec.get("paths", {}).items():
        if not path.startswith("/api/"):
            continue
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            errors = dict(_ALWAYS)
            if "{" in path:
                errors["404"] = _NOT_FOUND
            if method != "get" or path.startswith("/api/jobs/"):
                errors["403"] = _FORBIDDEN
            for status, description in errors.items():
                responses.setdefault(status, {"description": description, "content": _ERROR})
    return spec


def install(app: Any) -> None:
    """Serve the corrected description at the app's openapi_url (built once, on first use)."""
    original = app.openapi

    described: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        if not described:
            described.update(describe_errors(original()))
            app.openapi_schema = described
        return described

    app.openapi = openapi
