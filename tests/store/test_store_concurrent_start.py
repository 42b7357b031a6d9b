"""Processes started at the same moment on a database that does not exist yet.

Two `factfinder ingest` runs (or `serve` and `ingest`) launched together by a
scheduler or a shell loop both find no schema and both try to create it; the
migration runner must let one create it and the other find it done. Real
processes, released at one instant after their imports, so the race is the
one a user meets.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Imports first (the slow part), then sleep until the shared start instant, then run the CLI.
LAUNCH = ("import sys, time; from factfinder.cli import main; start = float(sys.argv[1]); "
          "time.sleep(max(0.0, start - time.time())); main(sys.argv[2:], prog_name='factfinder')")


def _report(i: int) -> str:
    return (f"Field note {i}. On 3 March 2024 soldiers detained {i + 4} farmers at a checkpoint near "
            f"the river crossing in district {i}, according to a local monitoring group.\n")


def _inputs(folder: Path, names: range) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in names:
        path = folder / f"note-{i:02d}.txt"
        path.write_text(_report(i), encoding="utf-8")
        paths.append(str(path))
    return paths


def _launch(start: float, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", LAUNCH, repr(start), *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out + err


def _sources(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("SELECT origin FROM sources ORDER BY origin")]


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(2))
def test_two_ingests_started_together_on_a_new_database_both_finish(tmp_path: Path, round_: int) -> None:
    db = tmp_path / "new.db"
    shared = _inputs(tmp_path / "shared", range(1))
    first = _inputs(tmp_path / "a", range(1, 5)) + shared
    second = _inputs(tmp_path / "b", range(5, 9)) + shared
    start = time.time() + 2.5  # both have imported factfinder by then
    procs = [_launch(start, "ingest", *paths, "--db", str(db), "--no-extract") for paths in (first, second)]
    results = [_finish(p) for p in procs]
    for code, output in results:
        assert code == 0, output
        assert "schema version" not in output
    # every input stored once, the file both were given included
    assert sorted(_sources(db)) == sorted(str(Path(p).absolute()) for p in {*first, *second})
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM ledger WHERE kind = 'capture'").fetchone()[0] == 9
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 9
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    verify = subprocess.run([sys.executable, "-m", "factfinder", "verify", "--db", str(db)],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                            timeout=120)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_json(url: str, deadline: float) -> dict:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.slow
def test_serve_and_ingest_started_together_on_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    paths = _inputs(tmp_path / "in", range(6))
    port = _free_port()
    start = time.time() + 2.5
    server = _launch(start, "serve", "--db", str(db), "--port", str(port), "--no-extract")
    ingest = _launch(start, "ingest", *paths, "--db", str(db), "--no-extract")
    try:
        code, output = _finish(ingest)
        assert code == 0, output
        assert "6 inputs: 6 stored" in output
        listing = _get_json(f"http://127.0.0.1:{port}/api/incidents", time.monotonic() + 60)
        assert server.poll() is None, server.communicate()[1]
        assert isinstance(listing, dict)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "schema version" not in err
    assert sorted(_sources(db)) == sorted(str(Path(p).absolute()) for p in paths)
