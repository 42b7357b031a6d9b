"""The web app's source page shows the latest checkpoint and whether the ledger still extends it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from starlette.testclient import TestClient  # noqa: E402

from factfinder.capture.common import make_capture  # noqa: E402
from factfinder.store import Store  # noqa: E402
from factfinder.store.checkpoint import make_checkpoint, record_checkpoint  # noqa: E402
from factfinder.store.signing import generate_key, load_private_key  # noqa: E402
from factfinder.web.app import create_app  # noqa: E402


def _checkpoint_cell(client: TestClient, sha: str) -> str:
    page = client.get(f"/sources/{sha}")
    assert page.status_code == 200
    start = page.text.index('<td id="checkpoint">')
    return page.text[start:page.text.index("</td>", start)]


def test_source_page_shows_the_latest_checkpoint(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    shas = []
    with Store.open(db) as store:
        for i in range(6):
            capture = make_capture(f"Notice {i}: the district court adjourned the hearing of the union "
                                   "members again.".encode(), origin=f"/reports/notice-{i}.txt",
                                   media_type="text/plain")
            store.add_capture(capture)
            shas.append(capture.source.sha256)
    client = TestClient(create_app(str(db)))
    assert "none yet: make one with <code>factfinder ledger checkpoint</code>" in _checkpoint_cell(client, shas[0])

    key = load_private_key(generate_key(tmp_path / "k.key").private)
    with Store.open(db) as store:
        checkpoint = make_checkpoint(store, key)
        record_checkpoint(store, checkpoint)
    cell = _checkpoint_cell(client, shas[0])
    assert f"latest {checkpoint.time} · 6 entries" in cell
    assert "the ledger (6 entries now) still extends it" in cell

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER ledger_no_delete")
    conn.execute("DELETE FROM ledger WHERE seq > 4")
    conn.close()
    cell = _checkpoint_cell(client, shas[0])
    assert ('<span class="error-message">the ledger no longer extends it: the ledger has only 4 of its '
            "6 entries</span>") in cell
