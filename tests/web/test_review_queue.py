"""The review queue: unreviewed incidents lowest confidence first, weak fields, actions in the ledger."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from starlette.testclient import TestClient  # noqa: E402

from factfinder.consolidate.stored import rebuild_events  # noqa: E402
from factfinder.model import Confidence, DateRange, Incident, Place, Span  # noqa: E402
from factfinder.store import Store  # noqa: E402
from factfinder.store.accounts import add_user  # noqa: E402
from factfinder.web.app import create_app  # noqa: E402
from webstore_build import _add  # noqa: E402

PASSWORD = "correct horse battery"
TEXTS = {  # name: (text, type, day, confidence)
    "sure": ("Police detained 12 students in Dhaka on 4 March 2024 after a sit-in, their union said.",
             "arrest", "2024-03-04", 0.93),
    "middling": ("Soldiers burned homes in a village near Hpakant on 2 January 2024, residents said.",
                 "attack", "2024-01-02", 0.61),
    "doubtful": ("A local outlet claimed that an unknown number of people may have vanished on 1 May 2023.",
                 "disappearance", "2023-05-01", 0.22),
}


def _incident(text: str, kind: str, day: str, value: float) -> Incident:
    date = text[text.index(" on ") + 4:text.index(day[:4]) + 4]
    return Incident(doc="", type=kind, summary=text, evidence=(Span(0, len(text), text),), story=0,
                    date=DateRange(day, day, "day", Span(text.index(date), text.index(date) + len(date), date)),
                    location=Place(Span(0, 6, text[:6]), "Dhaka", 23.7, 90.4, "BD", "Dhaka", None, None, "town", 0.9)
                    if "Dhaka" in text else None,
                    confidence=Confidence(incident=value, type=value, location=0.3 if value < 0.9 else 0.8,
                                          date=0.9, counts=0.7, actors=0.2))


@pytest.fixture()
def queue_site(tmp_path: Path) -> dict:
    db = tmp_path / "queue.db"
    store = Store.open(db)
    for name, (text, kind, day, value) in TEXTS.items():
        _add(store, text, origin=f"/reports/{name}.txt", published="2024-03-05", url=None,
             incidents=[_incident(text, kind, day, value)])
    rebuild_events(store)
    ids = {row[1]: row[0] for row in store.conn.execute(
        "SELECT r.event_id, c.incident FROM event_reports r JOIN incident_confidence c USING (incident_id)")}
    add_user(store.conn, "ed", PASSWORD, "editor")
    add_user(store.conn, "vera", PASSWORD, "viewer")
    store.close()
    return {"db": str(db), "app": create_app(str(db)), "ids": ids}


def _login(app, name: str) -> tuple[TestClient, str]:
    client = TestClient(app)
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"csrf": token, "name": name, "password": PASSWORD, "next": "/"})
    page = client.get("/review")
    return client, re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)


def _queue_ids(html: str) -> list[str]:
    return re.findall(r'<tr class="queue-row" data-id="([^"]+)"', html)


def test_the_queue_lists_unreviewed_incidents_lowest_confidence_first_with_weak_fields(queue_site) -> None:
    client, _ = _login(queue_site["app"], "vera")
    page = client.get("/review")
    assert page.status_code == 200
    ids = queue_site["ids"]
    assert _queue_ids(page.text) == [ids[0.22], ids[0.61], ids[0.93]]
    assert "<strong>3</strong> incidents to review" in page.text
    doubtful = page.text[page.text.index(f'data-id="{ids[0.22]}"'):]
    doubtful = doubtful[:doubtful.index("</tr>")]
    assert doubtful.count('class="weak"') >= 2  # its type and its place are weak
    assert "0.22" in doubtful
    filtered = client.get("/review", params={"country": "BD"})
    assert _queue_ids(filtered.text) == [ids[0.93]]


def test_the_store_pages_and_counts_the_queue_from_its_index_of_unreviewed_events(queue_site) -> None:
    """Order and count read the partial index of unreviewed events, no look-up per event (100k events)."""
    from factfinder.store.events import EventFilter
    from factfinder.store.review_queue import count_query, page_query

    with Store.open(queue_site["db"]) as store:
        ids = queue_site["ids"]
        assert dict(store.conn.execute("SELECT confidence, id FROM events")) == ids
        rows, total = store.review_queue(EventFilter(), limit=2)
        assert [r.id for r in rows] == [ids[0.22], ids[0.61]] and total == 3
        assert rows[0].weak("type") and not rows[0].weak("date") and rows[0].confidence == 0.22
        sql, args = page_query(EventFilter(), limit=50)
        plan = " ".join(str(row[-1]) for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))
        assert "events_unreviewed" in plan and "TEMP B-TREE" not in plan and "reviews" not in plan
        sql, args = count_query(EventFilter())
        plan = " ".join(str(row[-1]) for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))
        assert "COVERING INDEX events_unreviewed" in plan and "reviews" not in plan
        sql, args = count_query(EventFilter(country="BD"))
        plan = " ".join(str(row[-1]) for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))
        assert "COVERING INDEX events_unreviewed_filters (country=?)" in plan
        # a review takes the event out of the queue, and it stays out when consolidation writes it again
        store.record_review(subject_kind="event", subject_id=ids[0.61], field="verification",
                            old="reported", new="verified", reviewer="ed")
        rows, total = store.review_queue(EventFilter(), limit=5)
        assert [r.id for r in rows] == [ids[0.22], ids[0.93]] and total == 2
        rebuild_events(store)
        assert store.review_queue(EventFilter(), limit=5)[1] == 2
        # the event's confidence follows its reports when consolidation writes it again
        store.conn.execute("UPDATE incident_confidence SET incident = 0.05 WHERE incident = 0.93")
        rebuild_events(store)
        assert store.review_queue(EventFilter(), limit=1)[0][0].id == ids[0.93]


def test_confirm_correct_and_reject_leave_the_queue_and_are_in_the_ledger(queue_site) -> None:
    client, token = _login(queue_site["app"], "ed")
    ids = queue_site["ids"]
    headers = {"X-CSRF-Token": token}
    assert client.post(f"/api/incidents/{ids[0.22]}/reviews", json={"action": "reject"},
                       headers=headers).status_code == 200
    r = client.post(f"/api/incidents/{ids[0.61]}/reviews",
                    json={"action": "correct", "field": "type", "value": "property_destruction"}, headers=headers)
    assert r.status_code == 200, r.text
    assert _queue_ids(client.get("/review").text) == [ids[0.93]]
    with Store.open(queue_site["db"]) as store:
        kinds = [row[0] for row in store.conn.execute("SELECT kind FROM ledger ORDER BY seq")]
        assert kinds.count("review") == 2
        assert store.verify().ok


def test_bulk_confirm_confirms_every_selected_incident_and_counts_per_analyst_per_day(queue_site) -> None:
    client, token = _login(queue_site["app"], "ed")
    ids = queue_site["ids"]
    r = client.post("/review/bulk", data={"csrf": token, "id": [ids[0.93], ids[0.61]], "back": "country=BD"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/review?country=BD"
    assert _queue_ids(client.get("/review").text) == [ids[0.22]]
    with Store.open(queue_site["db"]) as store:
        for event_id in (ids[0.93], ids[0.61]):
            assert store.get_event(event_id) is not None
        verified = {row[0] for row in store.conn.execute("SELECT id FROM events WHERE verification = 'verified'")}
    assert verified == {ids[0.93], ids[0.61]}
    tallies = client.get("/tallies").text
    row = re.search(r"<tr><td class=\"nowrap\">(\d{4}-\d\d-\d\d)</td><td>ed</td><td class=\"num\">(\d+)</td>", tallies)
    assert row and row.group(2) == "2"


def test_a_viewer_cannot_bulk_confirm(queue_site) -> None:
    client, token = _login(queue_site["app"], "vera")
    r = client.post("/review/bulk", data={"csrf": token, "id": [queue_site["ids"][0.93]]}, follow_redirects=False)
    assert r.status_code == 403
    assert len(_queue_ids(client.get("/review").text)) == 3


def test_an_older_store_learns_which_events_were_reviewed_when_it_is_upgraded(queue_site) -> None:
    """Schema step 14 marks the events reviewed before it, so the upgraded queue leaves them out."""
    import sqlite3

    from factfinder.store import schema
    from factfinder.store.events import EventFilter

    ids = queue_site["ids"]
    with Store.open(queue_site["db"]) as store:
        store.record_review(subject_kind="event", subject_id=ids[0.22], field="verification",
                            old="reported", new="rejected", reviewer="ed")
    conn = sqlite3.connect(queue_site["db"], isolation_level=None)
    conn.executescript(f"""BEGIN;
        DROP TRIGGER reviews_mark_event;
        DROP INDEX events_unreviewed;
        DROP INDEX events_unreviewed_filters;
        ALTER TABLE events DROP COLUMN reviewed;
        CREATE INDEX events_review ON events(confidence, id);
        PRAGMA user_version = {schema.MIGRATIONS.index(schema.UNREVIEWED_EVENTS)};
        COMMIT;""")
    conn.close()
    with Store.open(queue_site["db"]) as store:
        rows, total = store.review_queue(EventFilter(), limit=5)
        assert [r.id for r in rows] == [ids[0.61], ids[0.93]] and total == 2
