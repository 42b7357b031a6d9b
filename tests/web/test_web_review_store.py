"""Review as a store feature (store/review.py), ingest jobs from the web, and the serve/user/token CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from factfinder.cli import main  # noqa: E402
from factfinder.errors import UsageError  # noqa: E402
from factfinder.consolidate.stored import rebuild_events, update_events  # noqa: E402
from factfinder.store import Store  # noqa: E402
from factfinder.store import review  # noqa: E402
from factfinder.web.app import create_app  # noqa: E402
from webstore_build import build_store  # noqa: E402


@pytest.fixture()
def store_ids(tmp_path: Path) -> tuple[Store, dict]:
    db = tmp_path / "review.db"
    ids = build_store(db)
    store = Store.open(db)
    yield store, ids
    store.close()


def test_reviews_overlay_machine_values_and_survive_a_rebuild(store_ids):
    store, ids = store_ids
    arrest = ids["arrest"]
    review.correct(store, arrest, "counts.arrested", "52", reviewer="ed", note="NGO list")
    review.correct(store, arrest, "location", {"name": "Pauktaw town", "country": "MM", "admin1": "Rakhine",
                                               "lat": "20.18", "lon": "92.94"}, reviewer="ed")
    review.correct(store, arrest, "date", "2023-11-16..2023-11-17", reviewer="ed")
    assert review.correct(store, arrest, "counts.arrested", 52, reviewer="ed") is None  # no change, no entry
    machine = store.get_event(arrest)
    assert [c.value for c in machine.counts] == [40]  # the machine value is kept where it came from
    event = review.apply_reviews(store, machine)
    assert [(c.category, c.value) for c in event.counts] == [("arrested", 52)]
    assert event.location.name == "Pauktaw town" and event.location.lat == 20.18
    assert (event.date.start, event.date.end, event.date.precision) == ("2023-11-16", "2023-11-17", "unknown")
    rebuild_events(store)
    review.sync_reviewed_rows(store)
    again = review.apply_reviews(store, store.get_event(arrest))
    assert [(c.category, c.value) for c in again.counts] == [("arrested", 52)]
    assert store.conn.execute("SELECT arrested, place_name FROM events WHERE id = ?", (arrest,)).fetchone() == (
        52, "Pauktaw town")
    history = review.review_history(store, arrest)
    assert [(h.field, h.old, h.new) for h in history][0] == ("counts.arrested", 40, 52)
    assert all(h.reviewer == "ed" for h in history)
    assert store.verify().ok


def test_removing_a_count_and_rejecting(store_ids):
    store, ids = store_ids
    review.correct(store, ids["killing"], "counts.killed", "", reviewer="ed")
    review.reject(store, ids["killing"], reviewer="ed", note="duplicate of an older report")
    event = review.apply_reviews(store, store.get_event(ids["killing"]))
    assert event.counts == () and event.verification == "rejected"
    assert store.conn.execute("SELECT killed, verification FROM events WHERE id = ?",
                              (ids["killing"],)).fetchone() == (None, "rejected")


def test_merge_then_split_keeps_ids_and_writes_the_ledger(store_ids):
    store, ids = store_ids
    before = len(list(store.ledger()))
    target = review.merge_events(store, ids["arrest"], [ids["killing"]], reviewer="ed", note="same day")
    assert not store.events_current()  # the merge is recorded; consolidation makes the merged event
    update_events(store)
    assert target == ids["arrest"] and store.get_event(ids["killing"]) is None
    merged = store.get_event(ids["arrest"])
    assert len(merged.reports) == 2
    rebuild_events(store)  # a later rebuild honours the analyst's merge
    assert len(store.get_event(ids["arrest"]).reports) == 2
    key = next(r.key for r in merged.reports if r.incident.type == "killing")
    new_id = review.split_report(store, ids["arrest"], key, reviewer="ed")
    update_events(store)
    assert len(store.get_event(ids["arrest"]).reports) == 1
    assert [r.key for r in store.get_event(new_id).reports] == [key]
    fields = [h.field for h in review.review_history(store, ids["arrest"])]
    assert fields == ["merge", "split"]
    assert len(list(store.ledger())) == before + 4 and store.verify().ok
    with pytest.raises(review.ReviewError, match="single report"):
        review.split_report(store, new_id, key, reviewer="ed")


@pytest.mark.parametrize("field,value,message", [
    ("counts.arrested", "-3", "zero or more"),
    ("counts.prisoners", "3", "unknown count category"),
    ("date", "2023-11-31", "YYYY-MM-DD"),
    ("date", "2023-11-20..2023-11-01", "start <= end"),
    ("location", {"name": "X", "country": "Burma"}, "alpha-2"),
    ("location", {"name": "X", "lat": "95"}, "between"),
    ("verification", "true", "unknown verification"),
    ("summary", "x", "cannot be reviewed"),
])
def test_bad_review_values_name_the_fix(store_ids, field, value, message):
    store, ids = store_ids
    with pytest.raises(review.ReviewError, match=message):
        review.correct(store, ids["arrest"], field, value, reviewer="ed")


def test_web_ingest_keeps_an_unsupported_upload_with_its_error(tmp_path: Path):
    db = tmp_path / "ingest.db"
    build_store(db)
    app = create_app(str(db))  # no pipeline: capture and text only, fast
    client = TestClient(app)
    token = re.search(r'<meta name="csrf-token" content="([^"]+)">', client.get("/ingest").text).group(1)
    files = [("files", ("bulletin.txt", b"Police detained 12 students in Yangon on Monday, a rights group said.",
                        "text/plain")),
             ("files", ("../../photo.bin", bytes(range(256)) * 8, "application/octet-stream"))]
    r = client.post("/ingest", data={"csrf": token}, files=files, follow_redirects=False)
    assert r.status_code == 303
    job_id = r.headers["location"].rsplit("/", 1)[-1]
    job = app.state.ctx.jobs.wait(job_id, timeout=120)
    assert job.state == "done", job.error
    data = client.get(f"/api/jobs/{job_id}").json()
    by_name = {o["origin"]: o for o in data["outcomes"]}
    assert by_name["bulletin.txt"]["status"] == "stored"
    failed = by_name["../../photo.bin"]
    assert failed["status"] == "failed" and failed["message"]
    saved = [p for p in (tmp_path / "ingest.db.uploads").rglob("*") if p.is_file()]
    assert sorted(p.name for p in saved) == ["bulletin.txt", "photo.bin"]  # no path left the uploads folder
    with Store.open(db) as store:
        assert store.has_source(failed["sha256"])  # kept, with its error, like any capture
        assert store.verify().ok
    page = client.get(f"/ingest/jobs/{job_id}").text
    assert "photo.bin" in page and "failed" in page
    r = client.post("/ingest", data={"csrf": token, "urls": "file:///etc/passwd"})
    assert r.status_code == 400 and "not a web address" in r.text


def test_serve_refuses_a_public_address_without_accounts(tmp_path: Path):
    from factfinder.cli.serve import check_listen

    check_listen("127.0.0.1", accounts=False)
    check_listen("::1", accounts=False)
    check_listen("0.0.0.0", accounts=True)
    for host in ("0.0.0.0", "192.168.1.20", "::"):
        with pytest.raises(UsageError, match="without accounts"):
            check_listen(host, accounts=False)
    db = tmp_path / "serve.db"
    Store.open(db).close()
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "factfinder user add" in result.output


def test_open_access_answers_only_loopback_host_names(tmp_path: Path):
    db = tmp_path / "rebind.db"
    build_store(db)
    client = TestClient(create_app(str(db), loopback_hosts_only=True), base_url="http://127.0.0.1:8000")
    assert client.get("/api/incidents").status_code == 200
    assert client.get("/api/incidents", headers={"Host": "localhost:8000"}).status_code == 200
    assert client.get("/api/incidents", headers={"Host": "[::1]:8000"}).status_code == 200
    r = client.get("/api/incidents", headers={"Host": "attacker.example:8000"})
    assert r.status_code == 421 and "only answers requests to 127.0.0.1" in r.json()["error"]


def test_user_and_token_commands(tmp_path: Path):
    db = str(tmp_path / "accounts.db")
    runner = CliRunner()
    result = runner.invoke(main, ["user", "add", "ed", "--role", "editor", "--password-stdin", "--db", db],
                           input="long enough password\n")
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["user", "add", "x", "--role", "editor", "--password-stdin", "--db", db],
                           input="short\n")
    assert result.exit_code == 2 and "too short" in result.output
    assert runner.invoke(main, ["user", "list", "--db", db]).output.strip() == "ed\teditor"
    result = runner.invoke(main, ["token", "create", "ed", "--label", "nightly", "--db", db])
    assert result.exit_code == 0
    token = result.output.splitlines()[0]
    assert token.startswith("ff_")
    client = TestClient(create_app(db))
    assert client.get("/api/incidents", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert client.get("/api/incidents").status_code == 401  # accounts exist: no open access
    assert runner.invoke(main, ["token", "revoke", "1", "--db", db]).exit_code == 0
    assert client.get("/api/incidents", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    result = runner.invoke(main, ["token", "create", "nobody", "--db", db])
    assert result.exit_code == 2 and "user add nobody" in result.output
    with Store.open(db) as store:
        stored = [r[0] for r in store.conn.execute("SELECT password_hash FROM web_users")]
    assert stored[0].startswith("$argon2id$") and "long enough" not in stored[0]


def test_incident_page_shows_sources_that_disagree_side_by_side(tmp_path: Path) -> None:
    """Regression: the conflicts of an event made the incident page fail (a template looped over dict.values)."""
    import hashlib

    from factfinder.model import Count, DateRange, Document, Extraction, Incident, Place, Span, Story

    db = tmp_path / "conflict.db"
    with Store.open(db) as store:
        for text, url, killed in (("An air strike killed eight villagers in Kani township on Sunday.",
                                   "https://news.example.net/a", 8),
                                  ("Twelve villagers died when jets bombed Kani township on Sunday, locals said.",
                                   "https://other.example.org/b", 12)):
            doc = Document(hashlib.sha256(text.encode()).hexdigest(), text, published="2023-11-14", url=url,
                           stories=(Story(0, 0, len(text)),))
            at = text.index("Kani")
            incident = Incident(doc=doc.doc, type="killing", summary=text, evidence=(Span(0, len(text), text),),
                                story=0, date=DateRange("2023-11-12", "2023-11-12", "day"),
                                location=Place(Span(at, at + 4, "Kani"), "Kani", 22.43, 94.85, "MM", "Sagaing",
                                               precision="town"),
                                counts=(Count("killed", killed, "exact", "people", Span(0, 5, text[:5])),))
            store.add_document(doc, None)
            store.add_extraction(Extraction(document=doc, incidents=(incident,)))
        update_events(store)
        event = next(store.iter_events())
        assert len(event.reports) == 2 and [c.field for c in event.conflicts] == ["counts.killed"]
    client = TestClient(create_app(str(db), open_access=True))
    page = client.get(f"/incidents/{event.id}")
    assert page.status_code == 200
    assert "Sources disagree" in page.text and "news.example.net" in page.text and "other.example.org" in page.text


def test_search_words_that_fts5_splits_are_never_a_phrase(store_ids) -> None:
    """events_fts keeps no positions: a word such as foo_bar must become two terms, not a phrase."""
    from factfinder.store.events import EventFilter
    from factfinder.web import queries

    store, ids = store_ids
    assert queries.fts_query("Pauktaw_villagers x²y") == '"Pauktaw" "villagers" "x²y"'
    rows, total = queries.page_of_events(store.conn, EventFilter(q="Pauktaw_villagers"))
    assert [r.id for r in rows] == [ids["arrest"]] and total == 1


@pytest.mark.parametrize("words,total", [("Pauktaw", 1), ("Mandalay", 1), ("villagers", 1), ("Rakhine", 1),
                                         ("nothing like it", 0)])
def test_a_dense_search_pages_and_counts_like_a_sparse_one(store_ids, monkeypatch, words, total) -> None:
    """The newest-first walk (most events match) and the sorted path give the same page and total."""
    from factfinder.store.events import EventFilter
    from factfinder.web import queries

    store, _ = store_ids
    flt = EventFilter(q=words)
    monkeypatch.setattr(queries, "DENSE_SEARCH", 2.0)  # never dense: sort every match
    rows, count = queries.page_of_events(store.conn, flt, limit=1)
    assert count == total and len(rows) == min(1, total)
    monkeypatch.setattr(queries, "DENSE_SEARCH", 0.0)  # always dense: walk the index
    assert queries._newest_first_walk(store.conn, flt, "date")
    assert queries.page_of_events(store.conn, flt, limit=1) == (rows, count)
