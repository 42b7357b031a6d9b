"""A `kill -9` in the middle of an ingest, then the same ingest again: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from factfinder.store import Store

FACTFINDER = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "factfinder"
N_FILES = 300


def _page(i: int) -> str:
    paragraphs = "".join(
        f"<p>Bulletin {i}, item {k}: residents of district {i % 17} reported that {i + k} people were "
        f"detained at a checkpoint on the road to the market, and {k * 3} families fled the area.</p>"
        for k in range(8))
    return (f"<html><head><title>Bulletin {i}</title></head><body><nav><a href='/'>Home</a> "
            f"<a href='/news'>News</a></nav><article><h1>Bulletin {i}</h1>{paragraphs}</article>"
            f"<footer>Example Monitor, all rights reserved</footer></body></html>")


def _stored_sources(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_stores_every_file_once(tmp_path: Path) -> None:
    try:
        from factfinder.text import document_from_capture  # noqa: F401
    except ImportError:
        pytest.skip("factfinder.text.document_from_capture has not landed yet")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(N_FILES):
        (inbox / f"bulletin-{i:03d}.html").write_text(_page(i), encoding="utf-8")
    db = tmp_path / "f.db"
    command = [str(FACTFINDER), "ingest", str(inbox), "--db", str(db), "--no-extract"]

    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None and _stored_sources(db) < 20:
        time.sleep(0.005)
    if proc.poll() is not None:
        pytest.fail(f"ingest ended before it could be killed: {proc.stderr.read().decode()}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _stored_sources(db)
    assert 0 < killed_at < N_FILES, "the kill must land mid-run"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N_FILES} inputs: " in rerun.stdout

    with Store.open(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        origins = [r[0] for r in store.conn.execute("SELECT origin FROM origins")]
        assert sorted(origins) == sorted(str(p) for p in inbox.iterdir())
        st = store.status()
        assert (st.sources, st.documents, st.ledger_length) == (N_FILES, N_FILES, N_FILES)
        report = store.verify()
        assert report.ok, report.problems
        assert report.originals == N_FILES
    stored = [p for p in (tmp_path / "f.db.originals").rglob("*") if p.is_file()]
    assert len([p for p in stored if not p.name.startswith(".tmp-")]) == N_FILES
