"""URL captures: the page is stored as an original and its WARC record beside it."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import httpx
import pytest

from factfinder.settings import load_settings
from factfinder.store import Store

PAGE = (b"<html><head><title>Checkpoint detentions</title></head><body><nav>Home | World</nav>"
        b"<article><h1>Checkpoint detentions</h1><p>Soldiers detained twelve men at a checkpoint north "
        b"of the town on Tuesday, two relatives said. The army did not answer questions about the "
        b"detentions.</p><p>A local group said at least forty people had been held at the same "
        b"checkpoint since March.</p></article><footer>Example Monitor</footer></body></html>")
URL = "https://news.example.org/2023/checkpoint.html"


@pytest.fixture
def client() -> httpx.Client:
    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("checkpoint.html"):
            return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
        return httpx.Response(404, content=b"<html><body>Not found</body></html>",
                               headers={"Content-Type": "text/html"})

    with httpx.Client(transport=httpx.MockTransport(serve), follow_redirects=True) as c:
        yield c


def test_url_capture_keeps_page_and_warc_record(tmp_path: Path, client: httpx.Client) -> None:
    from warcio.archiveiterator import ArchiveIterator

    from factfinder.ingest import ingest_inputs

    db = tmp_path / "f.db"
    settings = load_settings(db=str(db))
    with Store.open(db) as store:
        report = ingest_inputs([URL], store=store, settings=settings, client=client)
        [outcome] = report.outcomes
        assert outcome.status == "stored", outcome.message
        assert store.read_original(outcome.sha256) == PAGE
        rel, warc_sha = store.conn.execute("SELECT warc, warc_sha256 FROM origins").fetchone()
        warc = (tmp_path / "f.db.originals" / rel).read_bytes()
        records = list(ArchiveIterator(io.BytesIO(warc)))
        assert {r.rec_type for r in records} == {"request", "response"}
        assert all(r.rec_headers.get_header("WARC-Target-URI") == URL for r in records)
        assert store.verify().ok
        before = store.status()
        again = ingest_inputs([URL], store=store, settings=settings, client=client)
        assert [o.status for o in again.outcomes] == ["present"]
        assert store.status() == before
        document = store.get_document(outcome.sha256)
        assert document is not None and "twelve men" in document.text
    # a rewritten WARC file is named by verify
    (tmp_path / "f.db.originals" / rel).write_bytes(gzip.compress(b"WARC/1.1\r\n\r\n"))
    with Store.open(db) as store:
        [problem] = store.verify().problems
    assert problem.startswith(f"WARC record {rel} (checkpoint.html) changed: its bytes hash to ")
    assert warc_sha not in problem


def test_http_error_is_failed_but_its_bytes_are_kept(tmp_path: Path, client: httpx.Client) -> None:
    from factfinder.ingest import ingest_inputs

    db = tmp_path / "f.db"
    with Store.open(db) as store:
        report = ingest_inputs(["https://news.example.org/gone.html"], store=store,
                               settings=load_settings(db=str(db)), client=client)
        [outcome] = report.outcomes
        assert outcome.status == "failed" and "404" in (outcome.message or "")
        st = store.status()
        assert (st.sources, st.failed_sources, st.documents, st.ledger_length) == (0, 1, 0, 1)
        if outcome.sha256:
            assert b"Not found" in store.read_original(outcome.sha256)
        assert store.verify().ok
