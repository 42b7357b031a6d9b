"""The ledger chain and `verify`: tampering with originals or ledger rows is found and named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factfinder.capture.common import make_capture
from factfinder.store import Store
from factfinder.store.ledger import GENESIS, canonical_json, entry_hash


def _filled_store(tmp_path: Path, n: int = 20) -> tuple[Path, list[str]]:
    db = tmp_path / "f.db"
    shas = []
    with Store.open(db) as store:
        for i in range(n):
            cap = make_capture(f"Bulletin {i}: {i * 7} people displaced from the camp.".encode(),
                               origin=str(tmp_path / f"bulletin-{i}.txt"), media_type="text/plain")
            store.add_capture(cap)
            shas.append(cap.source.sha256)
    return db, shas


def test_ledger_is_a_hash_chain_with_canonical_entries(tmp_path: Path) -> None:
    db, shas = _filled_store(tmp_path, 3)
    with Store.open(db) as store:
        entries = list(store.ledger())
        review = store.record_review(subject_kind="incident", subject_id=4, field="verification",
                                     old="reported", new="verified", reviewer="analyst-1")
        last = list(store.ledger())[-1]
        assert store.conn.execute("SELECT ledger_seq FROM reviews WHERE id = ?", (review,)).fetchone()[0] == last.seq
    assert [e.seq for e in entries] == [1, 2, 3]
    assert [e.subject for e in entries] == shas
    assert entries[0].prev_hash == GENESIS
    for prev, entry in zip(entries, entries[1:]):
        assert entry.prev_hash == prev.hash
    first = entries[0]
    assert first.payload == canonical_json(first.data)
    assert first.hash == entry_hash(GENESIS, 1, "capture", shas[0], first.payload, first.created_at)
    assert (last.kind, last.subject, last.data["new"]) == ("review", "incident:4", "verified")


def test_ledger_refuses_update_and_delete(tmp_path: Path) -> None:
    db, _ = _filled_store(tmp_path, 2)
    with Store.open(db) as store:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.conn.execute("UPDATE ledger SET subject = 'x' WHERE seq = 1")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            store.conn.execute("DELETE FROM ledger WHERE seq = 2")


def test_verify_passes_on_an_untouched_store(tmp_path: Path) -> None:
    db, shas = _filled_store(tmp_path)
    with Store.open(db) as store:
        report = store.verify()
    assert report.ok, report.problems
    assert (report.originals, report.ledger_entries) == (len(shas), len(shas))


def test_flipped_byte_in_an_original_is_named(tmp_path: Path) -> None:
    db, shas = _filled_store(tmp_path)
    target = tmp_path / "f.db.originals" / shas[5][:2] / shas[5][2:4] / shas[5]
    data = bytearray(target.read_bytes())
    data[3] ^= 0x01
    target.write_bytes(bytes(data))
    with Store.open(db) as store:
        report = store.verify()
    assert not report.ok
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert problem.startswith(f"original {shas[5]} (bulletin-5.txt) changed: its bytes hash to ")
    assert problem.split()[-1] != shas[5] and len(problem.split()[-1]) == 64


def test_missing_original_is_named(tmp_path: Path) -> None:
    db, shas = _filled_store(tmp_path)
    (tmp_path / "f.db.originals" / shas[0][:2] / shas[0][2:4] / shas[0]).unlink()
    with Store.open(db) as store:
        assert store.verify().problems == (f"original {shas[0]} (bulletin-0.txt) is missing",)


def _raw(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER ledger_no_update")
    conn.execute("DROP TRIGGER ledger_no_delete")
    return conn


def test_edited_ledger_entry_is_named(tmp_path: Path) -> None:
    db, _ = _filled_store(tmp_path)
    conn = _raw(db)
    conn.execute("UPDATE ledger SET payload = replace(payload, 'bulletin-16', 'bulletin-61') WHERE seq = 17")
    conn.close()
    with Store.open(db) as store:
        problems = store.verify().problems
    assert problems == ("ledger entry 17 was altered: its hash does not match its content",)


def test_rehashed_ledger_entry_breaks_the_chain_to_it(tmp_path: Path) -> None:
    db, _ = _filled_store(tmp_path)
    conn = _raw(db)
    seq, kind, subject, payload, created, prev = conn.execute(
        "SELECT seq, kind, subject, payload, created_at, prev_hash FROM ledger WHERE seq = 17").fetchone()
    forged = payload.replace("bulletin-16", "bulletin-61")
    conn.execute("UPDATE ledger SET payload = ?, hash = ? WHERE seq = 17",
                 (forged, entry_hash(prev, seq, kind, subject, forged, created)))
    conn.close()
    with Store.open(db) as store:
        problems = store.verify().problems
    assert problems == ("ledger entry 18 does not chain to entry 17",)


def test_deleted_ledger_entry_is_found(tmp_path: Path) -> None:
    db, shas = _filled_store(tmp_path)
    conn = _raw(db)
    conn.execute("DELETE FROM ledger WHERE seq = 9")
    conn.close()
    with Store.open(db) as store:
        problems = store.verify().problems
    assert "ledger entry 9 missing: the ledger was cut" in problems
    assert "ledger entry 10 does not chain to entry 8" in problems
    assert any(p.startswith(f"source {shas[8]} (bulletin-8.txt) has no capture entry") for p in problems)


def test_verify_cli_names_problems_and_exits_1(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from factfinder.cli import main

    db, shas = _filled_store(tmp_path, 4)
    runner = CliRunner()
    ok = runner.invoke(main, ["verify", "--db", str(db)])
    assert ok.exit_code == 0
    first, caveat = ok.output.strip().splitlines()
    assert first == "ok: 4 originals, 4 ledger entries verified"
    assert caveat.startswith("note: no checkpoint given, so a cut at the end of the ledger (4 entries) "
                             "cannot be ruled out")
    (tmp_path / "f.db.originals" / shas[2][:2] / shas[2][2:4] / shas[2]).write_bytes(b"replaced")
    bad = runner.invoke(main, ["verify", "--db", str(db)])
    assert bad.exit_code == 1
    assert f"original {shas[2]} (bulletin-2.txt) changed" in bad.output
    missing = runner.invoke(main, ["verify", "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    assert "does not exist" in missing.output
