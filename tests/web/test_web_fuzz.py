"""The JSON API fuzzed from its own OpenAPI description (schemathesis over hypothesis).

Every operation, with values that fit the schema and values that do not, is
sent in-process as three callers: a logged-in editor (accounts on, session
cookie and CSRF header), an anonymous visitor (accounts on), and the single
local user of a store without accounts (loopback Host). No answer may be a
5xx, and every answer must be one the schema describes (status code, content
type, body). Examples are bounded and derandomized, so the run is the same in
CI and on a laptop.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance, response_schema_conformance, status_code_conformance,
)
from starlette.testclient import TestClient  # noqa: E402

from factfinder.store import Store  # noqa: E402
from factfinder.store.accounts import add_user  # noqa: E402
from factfinder.web.app import create_app  # noqa: E402
from webstore_build import build_store  # noqa: E402

PASSWORD = "correct horse battery"
MAX_EXAMPLES = 25
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _session(app, base_url: str, *, login_as: str | None) -> dict[str, str]:
    """The Cookie and X-CSRF-Token headers a browser would send after opening the app (and logging in)."""
    client = TestClient(app, base_url=base_url)
    if login_as is not None:
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text).group(1)
        r = client.post("/login", data={"csrf": csrf, "name": login_as, "password": PASSWORD, "next": "/"},
                        follow_redirects=False)
        assert r.status_code == 303, r.text
    page = client.get("/")
    assert page.status_code == 200
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)
    cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
    return {"Cookie": cookie, "X-CSRF-Token": csrf}


@pytest.fixture(scope="module")
def callers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[object, dict[str, str]]]:
    folder = tmp_path_factory.mktemp("fuzz")
    local_db = folder / "local.db"
    build_store(local_db)
    local = create_app(str(local_db), loopback_hosts_only=True)  # as `serve` runs it without accounts
    accounts_db = folder / "accounts.db"
    build_store(accounts_db)
    with Store.open(accounts_db) as store:
        add_user(store.conn, "ed", PASSWORD, "editor")
    accounts = create_app(str(accounts_db))
    return {
        "editor": (accounts, _session(accounts, "http://testserver", login_as="ed")),
        "anonymous": (accounts, {}),
        "local": (local, {"Host": "127.0.0.1", **_session(local, "http://127.0.0.1", login_as=None)}),
    }


def _operations(app) -> list:
    schema = schemathesis.openapi.from_dict(app.openapi())
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("caller", ["editor", "anonymous", "local"])
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_api_answers_are_described_by_its_schema_and_never_5xx(callers, caller: str, mode) -> None:
    app, headers = callers[caller]
    operations = _operations(app)
    assert {op.label for op in operations} >= {"GET /api/incidents", "GET /api/geojson",
                                                "POST /api/incidents/{event_id}/reviews"}
    statuses: list[int] = []
    skipped: list[str] = []
    for operation in operations:
        @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def check(case) -> None:
            response = case.call(app=app, headers=headers)
            statuses.append(response.status_code)
            case.validate_response(response, checks=CHECKS, headers=headers)

        try:
            check()
        except Unsatisfiable:
            # nothing to make invalid: an operation whose only parameter is a free-form path segment
            assert mode is GenerationMode.NEGATIVE, operation.label
            skipped.append(operation.label)
    assert len(skipped) <= 2, skipped
    assert statuses and max(statuses) < 500
    if caller == "anonymous":
        assert set(statuses) == {401}
    elif mode is GenerationMode.POSITIVE:
        assert 200 in statuses  # the fuzzer reached the handlers, not only the input checks


def test_schema_documents_the_errors_the_api_sends(callers) -> None:
    app, _ = callers["local"]
    spec = app.openapi()
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    incidents = spec["paths"]["/api/incidents"]["get"]["responses"]
    assert "422" not in incidents and {"200", "400", "401"} <= set(incidents)
    assert "404" in spec["paths"]["/api/sources/{sha256}"]["get"]["responses"]
    assert "403" in spec["paths"]["/api/incidents/{event_id}/reviews"]["post"]["responses"]
    sort = next(p for p in spec["paths"]["/api/incidents"]["get"]["parameters"] if p["name"] == "sort")
    assert "date" in sort["schema"]["enum"]


def test_a_page_number_past_sqlite_integers_is_a_400_not_a_crash(callers) -> None:
    # found by the fuzzer: page=10**20 overflowed the SQL OFFSET (a 500)
    app, headers = callers["local"]
    client = TestClient(app, base_url="http://127.0.0.1")
    for path in ("/api/statistics", "/api/incidents"):
        r = client.get(path, params={"page": str(10 ** 20)}, headers=headers)
        assert r.status_code == 400, (path, r.text)
        assert "page" in r.json()["error"]
