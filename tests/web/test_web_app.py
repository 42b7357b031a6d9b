"""The web app in-process (Starlette TestClient over ASGI): every endpoint and role, and the attacks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from starlette.testclient import TestClient  # noqa: E402

from factfinder.store import Store  # noqa: E402
from factfinder.store.accounts import add_user, create_token  # noqa: E402
from factfinder.web.app import create_app  # noqa: E402
from webstore_build import ARREST_TEXT, build_store  # noqa: E402

PASSWORD = "correct horse battery"


@pytest.fixture()
def site(tmp_path: Path) -> dict:
    """A store with two events and three accounts, served with accounts on."""
    db = tmp_path / "web.db"
    ids = build_store(db)
    with Store.open(db) as store:
        for name, role in (("vera", "viewer"), ("ed", "editor"), ("ada", "admin")):
            add_user(store.conn, name, PASSWORD, role)
        ids["viewer_token"] = create_token(store.conn, "vera")[1]
        ids["editor_token"] = create_token(store.conn, "ed")[1]
    ids["db"] = str(db)
    ids["app"] = create_app(str(db))
    return ids


@pytest.fixture()
def local(tmp_path: Path) -> dict:
    """The same store served without accounts (the single local user of `serve` on loopback)."""
    db = tmp_path / "local.db"
    ids = build_store(db)
    ids["db"] = str(db)
    ids["client"] = TestClient(create_app(str(db)))
    return ids


def csrf_of(html: str) -> str:
    return re.search(r'<meta name="csrf-token" content="([^"]+)">', html).group(1)


def login(app, name: str) -> TestClient:
    client = TestClient(app)
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"csrf": token, "name": name, "password": PASSWORD, "next": "/"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


# --- who may see what ----------------------------------------------------------


def test_anonymous_sees_only_the_login_page(site):
    client = TestClient(site["app"])
    for path in ("/", "/map", "/timeline", "/tallies", f"/incidents/{site['arrest']}",
                 f"/sources/{site['arrest_doc']}", f"/originals/{site['arrest_doc']}", "/ingest"):
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next="), path
    for path in ("/api/incidents", f"/api/incidents/{site['arrest']}", "/api/geojson", "/api/statistics",
                 f"/api/sources/{site['arrest_doc']}", "/api/openapi.json"):
        r = client.get(path)
        assert r.status_code == 401 and "log in" in r.json()["error"], path
    page = client.get("/login")
    assert page.status_code == 200 and 'name="password"' in page.text
    assert "Pauktaw" not in page.text
    assert client.get("/static/app.css").status_code == 200


def test_session_cookie_is_signed_httponly_and_lax(site):
    client = TestClient(site["app"])
    r = client.get("/login")
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    forged = TestClient(site["app"], cookies={"factfinder_session": "eyJ1IjoiYWRhIn0.forged.sig"})
    assert forged.get("/", follow_redirects=False).status_code == 303


def test_login_needs_csrf_and_the_right_password(site):
    client = TestClient(site["app"])
    token = csrf_of(client.get("/login").text)
    assert client.post("/login", data={"name": "ed", "password": PASSWORD}).status_code == 403
    r = client.post("/login", data={"csrf": token, "name": "ed", "password": "wrong password"})
    assert r.status_code == 401 and "wrong name or password" in r.text
    r = client.post("/login", data={"csrf": token, "name": "nobody", "password": PASSWORD})
    assert r.status_code == 401
    r = client.post("/login", data={"csrf": token, "name": "ed", "password": PASSWORD, "next": "https://evil.example/"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_login_is_rate_limited(site):
    client = TestClient(site["app"])
    token = csrf_of(client.get("/login").text)
    codes = [client.post("/login", data={"csrf": token, "name": "ed", "password": f"guess {n}"}).status_code
             for n in range(6)]
    assert codes[:5] == [401] * 5 and codes[5] == 429
    # even the right password waits until the window has passed
    r = client.post("/login", data={"csrf": token, "name": "ed", "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0


def test_viewer_reads_everything_but_cannot_edit(site):
    client = login(site["app"], "vera")
    for path in ("/", "/map", "/timeline", "/tallies", f"/incidents/{site['arrest']}",
                 f"/sources/{site['arrest_doc']}", "/api/incidents", "/api/docs"):
        assert client.get(path).status_code == 200, path
    page = client.get(f"/incidents/{site['arrest']}").text
    assert 'action="/incidents/' not in page  # no review forms for a viewer
    token = csrf_of(page)
    r = client.post(f"/incidents/{site['arrest']}/review", data={"csrf": token, "action": "confirm"})
    assert r.status_code == 403 and "viewer" in r.text
    r = client.post(f"/api/incidents/{site['arrest']}/reviews", json={"action": "confirm"},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 403
    assert client.get("/ingest").status_code == 403
    assert client.post("/ingest", data={"csrf": token, "urls": "https://example.org/"}).status_code == 403


def test_editor_corrects_a_count_and_the_history_and_ledger_show_it(site):
    client = login(site["app"], "ed")
    url = f"/incidents/{site['arrest']}"
    token = csrf_of(client.get(url).text)
    r = client.post(f"{url}/review", data={"action": "correct", "field": "counts.arrested", "value": "45"})
    assert r.status_code == 403, "a post without the CSRF token must be refused"
    r = client.post(f"{url}/review", data={"csrf": token, "action": "correct", "field": "counts.arrested",
                                           "value": "45", "note": "second source"}, follow_redirects=False)
    assert r.status_code == 303
    page = client.get(url).text
    history = page[page.index('id="history"'):]
    assert "counts.arrested" in history and "ed" in history and "second source" in history
    row = re.search(r'<tr class="reviewed" data-field="counts.arrested">.*?</tr>', page, re.S).group(0)
    assert "45" in row and "machine: 40" in row
    data = client.get(f"/api{url}").json()
    assert [c["value"] for c in data["counts"] if c["category"] == "arrested"] == [45]
    assert data["reviewed_fields"]["counts.arrested"] == {**data["reviewed_fields"]["counts.arrested"],
                                                          "machine": 40, "reviewed": 45, "reviewer": "ed"}
    with Store.open(site["db"]) as store:
        entry = [e for e in store.ledger() if e.kind == "review"][-1]
        assert entry.subject == f"event:{site['arrest']}" and entry.data["new"] == 45 and entry.data["old"] == 40
        assert store.verify().ok
    # tallies and filters use the reviewed value
    rows = {r["key"]: r for r in client.get("/api/tallies?by=type").json()["rows"]}
    assert rows["arrest"]["arrested"] == 45
    assert client.get("/api/incidents?type=arrest").json()["items"][0]["arrested"] == 45


def test_bad_review_values_are_400_with_the_reason(site):
    client = login(site["app"], "ed")
    url = f"/incidents/{site['arrest']}"
    token = csrf_of(client.get(url).text)
    r = client.post(f"{url}/review", data={"csrf": token, "action": "correct", "field": "counts.arrested",
                                           "value": "many"})
    assert r.status_code == 400 and "must be a number" in r.text
    r = client.post(f"{url}/review", data={"csrf": token, "action": "correct", "field": "type", "value": "riot"})
    assert r.status_code == 400 and "unknown incident type" in r.text
    r = client.post(f"{url}/review", data={"csrf": token, "action": "explode"})
    assert r.status_code == 400 and "unknown review action" in r.text


def test_api_tokens_skip_csrf_and_carry_their_users_role(site):
    client = TestClient(site["app"])
    viewer = {"Authorization": f"Bearer {site['viewer_token']}"}
    editor = {"Authorization": f"Bearer {site['editor_token']}"}
    assert client.get("/api/incidents", headers=viewer).json()["total"] == 2
    r = client.post(f"/api/incidents/{site['arrest']}/reviews", json={"action": "confirm"}, headers=viewer)
    assert r.status_code == 403
    r = client.post(f"/api/incidents/{site['arrest']}/reviews", json={"action": "confirm"}, headers=editor)
    assert r.status_code == 200 and r.json()["history"][-1]["new"] == "verified"
    assert client.get("/api/incidents?verification=verified", headers=viewer).json()["total"] == 1
    r = client.get("/api/incidents", headers={"Authorization": "Bearer ff_not_a_token"})
    assert r.status_code == 401 and "token" in r.json()["error"]


def test_browser_api_posts_need_the_csrf_header(local):
    client = local["client"]
    r = client.post(f"/api/incidents/{local['arrest']}/reviews", json={"action": "reject"})
    assert r.status_code == 403 and "CSRF" in r.json()["error"]
    token = csrf_of(client.get("/").text)
    r = client.post(f"/api/incidents/{local['arrest']}/reviews", json={"action": "reject"},
                    headers={"X-CSRF-Token": token})
    assert r.status_code == 200


# --- pages and API over the data ------------------------------------------------------


def test_search_finds_pauktaw_and_filters_narrow_it(local):
    client = local["client"]
    page = client.get("/?q=Pauktaw").text
    assert f'/incidents/{local["arrest"]}' in page and f'/incidents/{local["killing"]}' not in page
    data = client.get("/api/incidents?q=pauktaw").json()
    assert [(i["id"], i["admin1"], i["country"]) for i in data["items"]] == [(local["arrest"], "Rakhine", "MM")]
    assert client.get("/api/incidents?type=killing").json()["items"][0]["id"] == local["killing"]
    assert client.get("/api/incidents?admin1=rakhine").json()["total"] == 1
    assert client.get("/api/incidents?from=2023-12&to=2023-12").json()["total"] == 1
    assert client.get("/api/incidents?source=other.example.net").json()["total"] == 1
    assert client.get("/api/incidents?actor=Myanmar%20military").json()["total"] == 1
    first = client.get("/api/incidents?per_page=1&sort=date").json()
    assert first["total"] == 2 and first["items"][0]["id"] == local["killing"] and "page=2" in first["next"]
    assert client.get(first["next"]).json()["items"][0]["id"] == local["arrest"]
    beyond = client.get("/api/incidents?q=Pauktaw&page=5").json()
    assert beyond["total"] == 1 and beyond["items"] == [] and beyond["next"] is None


def test_map_data_is_geojson_of_the_filtered_view(local):
    client = local["client"]
    geo = client.get("/api/geojson?q=Pauktaw").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1
    feature = geo["features"][0]
    assert feature["geometry"]["coordinates"] == [92.95, 20.17] and feature["properties"]["type"] == "arrest"
    points = client.get("/api/points?country=MM").json()
    assert points["count"] == 2 and {p[3] for p in points["points"]} == {"arrest", "killing"}
    page = client.get("/map?q=Pauktaw").text
    assert 'data-points="/api/points?q=Pauktaw"' in page and "/static/vendor/leaflet/leaflet.js" in page


def test_vendored_assets_are_served_offline(local):
    client = local["client"]
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/markercluster/leaflet.markercluster.js",
                 "/static/vendor/topojson/topojson-client.min.js", "/static/vendor/chartjs/chart.umd.min.js",
                 "/static/map.js", "/static/timeline.js"):
        assert client.get(path).status_code == 200, path
    topo = client.get("/static/vendor/world-atlas/countries-50m.json").json()
    assert topo["type"] == "Topology" and "countries" in topo["objects"]
    for template in Path(__file__).resolve().parents[2].joinpath("factfinder/web/templates").glob("*.html"):
        assert not re.search(r'(src|href)="(https?:)?//', template.read_text()), f"{template.name} loads from the network"


def test_timeline_tallies_and_statistics(local):
    client = local["client"]
    tl = client.get("/api/timeline?bucket=month").json()
    assert tl["buckets"] == ["2023-11", "2023-12"] and tl["series"] == {"arrest": [1, 0], "killing": [0, 1]}
    week = client.get("/api/timeline?bucket=week").json()
    assert week["buckets"] == ["2023-11-13", "2023-11-27"]  # the Mondays of 17 Nov and 3 Dec 2023
    rows = {r["key"]: r for r in client.get("/api/tallies?by=admin1").json()["rows"]}
    assert rows["MM / Rakhine"]["arrested"] == 40 and rows["MM / Mandalay"]["killed"] == 2
    csv_text = client.get("/tallies?by=type&format=csv").text
    assert csv_text.splitlines()[0] == "type,incidents,killed,injured,arrested,displaced"
    assert "arrest,1,0,0,40,0" in csv_text.splitlines()
    stats = client.get("/api/statistics").json()
    assert stats["items"][0]["value"] == 19700 and stats["series"][0]["points"][0]["x"] == "2023-11-20"
    assert client.get("/timeline").status_code == 200 and client.get("/tallies?by=month").status_code == 200


def test_incident_page_highlights_evidence_and_links_the_original(local):
    client = local["client"]
    page = client.get(f"/incidents/{local['arrest']}").text
    assert re.search(r'<mark class="[^"]*\bcount\b[^"]*">about 40</mark>', page)
    assert re.search(r'<mark class="[^"]*\bevidence\b[^"]*">', page)
    assert re.search(r'<mark class="[^"]*\bplace\b[^"]*">Pauktaw</mark>', page)
    assert f'href="/originals/{local["arrest_doc"]}"' in page and local["arrest_doc"] in page
    assert "No analyst has reviewed this incident yet" in page


def test_report_markup_is_shown_as_text(local):
    client = local["client"]
    for path in (f"/incidents/{local['killing']}", f"/sources/{local['killing_doc']}", "/?q=market"):
        page = client.get(path).text
        assert "<script>alert" not in page, path
        assert "&lt;script&gt;alert(" in page, path
    r = client.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert r.status_code == 200 and "<script>alert(1)" not in r.text


def test_source_page_and_api(local):
    client = local["client"]
    page = client.get(f"/sources/{local['arrest_doc']}").text
    assert "/reports/pauktaw.txt" in page and f"/incidents/{local['arrest']}" in page
    assert "people detained since the coup" in page
    data = client.get(f"/api/sources/{local['arrest_doc']}").json()
    assert data["source"]["size"] == len(ARREST_TEXT.encode("utf-8"))
    assert data["source"]["origins"][0]["origin"] == "/reports/pauktaw.txt"
    assert data["incidents"][0]["event"] == local["arrest"] and data["document"]["published"] == "2023-11-20"


def test_originals_are_served_by_hash_only(local):
    client = local["client"]
    r = client.get(f"/originals/{local['arrest_doc']}")
    assert r.status_code == 200 and r.content.decode("utf-8").startswith("Troops arrested about 40")
    assert "sandbox" in r.headers["content-security-policy"] and r.headers["x-content-type-options"] == "nosniff"
    for bad in ("..%2F..%2F..%2Fetc%2Fpasswd", "../../etc/passwd", "A" * 64, local["arrest_doc"][:-1] + "/",
                "%2e%2e%2fweb.db", "0" * 64):
        r = client.get(f"/originals/{bad}")
        assert r.status_code == 404, bad
        assert "root:" not in r.text
    assert client.get("/api/sources/" + "f" * 64).status_code == 404


@pytest.mark.parametrize("query,reason", [
    ("type=riot", "is not an incident type"),
    ("country=Myanmar", "is not a country code"),
    ("from=2023-13-01", "has no month 13"),
    ("from=2023-02-30", "has no day 30"),
    ("from=2023-12-01&to=2023-11-01", "swap them"),
    ("verification=sure", "is unknown"),
    ("bbox=1,2,3", "four numbers"),
    ("sort=random()", "is unknown"),
    ("page=0", "out of range"),
    ("per_page=abc", "not a whole number"),
])
def test_bad_filters_are_400_with_the_reason(local, query, reason):
    client = local["client"]
    r = client.get(f"/api/incidents?{query}")
    assert r.status_code == 400 and reason in r.json()["error"]
    page = client.get(f"/?{query}")
    assert page.status_code == 400 and reason in page.text


def test_injection_attempts_are_plain_values(local):
    client = local["client"]
    for q in ("'; DROP TABLE events; --", '" OR 1=1 --', "NEAR(", "*", "a AND OR"):
        assert client.get("/api/incidents", params={"q": q}).status_code == 200
        assert client.get("/api/incidents", params={"admin1": q}).json()["total"] == 0
    assert client.get("/api/incidents").json()["total"] == 2


def test_unknown_ids_are_404(local):
    client = local["client"]
    page = client.get("/incidents/inc-doesnotexist")
    assert page.status_code == 404 and "no incident" in page.text
    assert client.get("/api/incidents/inc-doesnotexist").status_code == 404
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/ingest/jobs/nope").status_code == 404
    assert client.get("/api/jobs/nope").status_code == 404


def test_openapi_and_docs_page(local):
    client = local["client"]
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/incidents", "/api/incidents/{event_id}", "/api/statistics", "/api/sources/{sha256}",
                 "/api/geojson", "/api/incidents/{event_id}/reviews"):
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"type", "country", "from", "q", "bbox", "page"} <= names
    assert "GET /api/geojson" in client.get("/api/docs").text
