"""Signed checkpoints: what an adversary with write access to the files can no longer do quietly.

Each tamper case is done the way someone with file access would do it (raw
SQLite with the append-only triggers dropped, originals renamed, every hash
after the change recomputed), so that the chain alone still verifies, and the
checkpoint kept elsewhere is what catches it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from factfinder.capture.common import make_capture
from factfinder.errors import StoreError, UsageError
from factfinder.store import Store
from factfinder.store.checkpoint import (check_checkpoints, latest_checkpoint, make_checkpoint, parse_checkpoint,
                                         record_checkpoint, store_id)
from factfinder.store.ledger import GENESIS, canonical_json, entry_hash
from factfinder.store.signing import generate_key, load_private_key, load_public_key, signature_valid

N = 20


def _bulletin(i: int) -> bytes:
    return (f"Bulletin {i}: the monitoring group recorded {i * 3 + 2} families leaving the riverside "
            f"villages after shelling on day {i + 1} of the offensive.").encode()


def _fill(db: Path, start: int, stop: int) -> None:
    with Store.open(db) as store:
        for i in range(start, stop):
            store.add_capture(make_capture(_bulletin(i), origin=str(db.parent / f"bulletin-{i}.txt"),
                                           media_type="text/plain"))


@pytest.fixture()
def signed(tmp_path: Path) -> tuple[Path, object, str]:
    """A store of N captures, a key, and a checkpoint file of its head."""
    db = tmp_path / "f.db"
    _fill(db, 0, N)
    keys = generate_key(tmp_path / "ledger.key")
    key = load_private_key(keys.private)
    with Store.open(db) as store:
        cp = make_checkpoint(store, key)
    path = tmp_path / "checkpoint.txt"
    path.write_text(cp.text(), encoding="utf-8")
    return db, key, str(path)


def _check(db: Path, *paths: str, public_key: bytes | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(problems of the store's own verify, problems of the checkpoints)."""
    with Store.open(db) as store:
        own = store.verify().problems
        checks = check_checkpoints(store, [(p, parse_checkpoint(Path(p).read_text(), label=p)) for p in paths],
                                   public_key=public_key)
    return own, tuple(problem for c in checks for problem in c.problems)


def _rows(conn: sqlite3.Connection) -> list[list[object]]:
    return [list(r) for r in conn.execute("SELECT seq, kind, subject, payload, created_at FROM ledger ORDER BY seq")]


def _rewrite_ledger(conn: sqlite3.Connection, rows: list[list[object]]) -> None:
    """Write ``rows`` back as a whole, consistent chain: numbered from 1, every hash recomputed."""
    conn.execute("DROP TRIGGER IF EXISTS ledger_no_update")
    conn.execute("DROP TRIGGER IF EXISTS ledger_no_delete")
    conn.execute("DELETE FROM ledger")
    prev = GENESIS
    for seq, (_, kind, subject, payload, created) in enumerate(rows, start=1):
        digest = entry_hash(prev, seq, str(kind), str(subject), str(payload), str(created))
        conn.execute("INSERT INTO ledger VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (seq, kind, subject, payload, created, prev, digest))
        prev = digest


def _forget_source(conn: sqlite3.Connection, db: Path, sha: str) -> None:
    """Remove a source entirely: its rows and its original file."""
    conn.execute("DELETE FROM origins WHERE sha256 = ?", (sha,))
    conn.execute("DELETE FROM sources WHERE sha256 = ?", (sha,))
    (db.parent / (db.name + ".originals") / sha[:2] / sha[2:4] / sha).unlink()


def test_checkpoint_signs_the_head_and_reads_back(signed: tuple[Path, object, str]) -> None:
    db, _, path = signed
    text = Path(path).read_text()
    cp = parse_checkpoint(text)
    with Store.open(db) as store:
        head = list(store.ledger())[-1]
        assert (cp.entries, cp.head, cp.store_id) == (N, head.hash, store_id(store))
    assert parse_checkpoint(cp.text()) == cp
    assert signature_valid(cp.public_key, cp.signature, cp.signed_bytes())
    assert "\nsignature: " in text and text.startswith("# factfinder ledger checkpoint")
    # mail clients turn line ends into CRLF; the signed content is the fields, not the bytes of the file
    assert parse_checkpoint(text.replace("\n", "\r\n")) == cp


def test_a_growing_ledger_still_extends_its_checkpoint(signed: tuple[Path, object, str]) -> None:
    db, _, path = signed
    _fill(db, N, N + 3)
    with Store.open(db) as store:
        [check] = check_checkpoints(store, [(path, parse_checkpoint(Path(path).read_text()))])
    assert check.ok, check.problems
    assert f"the ledger extends it (entry {N} of {N + 3})" in check.notes


def test_cut_tail_is_caught_and_named(signed: tuple[Path, object, str]) -> None:
    db, _, path = signed
    conn = sqlite3.connect(db, isolation_level=None)
    rows = _rows(conn)
    for row in rows[-3:]:
        _forget_source(conn, db, str(row[2]))
    _rewrite_ledger(conn, rows[:-3])
    conn.close()
    own, problems = _check(db, path)
    assert own == ()  # the chain and the originals alone look intact
    assert problems == (f"checkpoint {path} ({parse_checkpoint(Path(path).read_text()).time}, {N} entries): "
                        f"the ledger has {N - 3} entries but the checkpoint signed {N}: entries {N - 2} to {N} "
                        "were removed after it (the end of the ledger was cut, or entries deleted and the chain "
                        "rewritten)",)


def test_middle_entry_deleted_and_chain_renumbered_is_caught(signed: tuple[Path, object, str]) -> None:
    db, _, path = signed
    conn = sqlite3.connect(db, isolation_level=None)
    rows = _rows(conn)
    _forget_source(conn, db, str(rows[8][2]))
    _rewrite_ledger(conn, rows[:8] + rows[9:])
    conn.close()
    own, problems = _check(db, path)
    assert own == ()
    [problem] = problems
    assert f"the ledger has {N - 1} entries but the checkpoint signed {N}: entry {N} was removed" in problem


def test_middle_entry_deleted_in_place_is_caught_by_chain_and_checkpoint(signed: tuple[Path, object, str]) -> None:
    db, _, path = signed
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER ledger_no_delete")
    conn.execute("DELETE FROM ledger WHERE seq = 9")
    conn.close()
    own, problems = _check(db, path)
    assert "ledger entry 9 missing: the ledger was cut" in own
    [problem] = problems
    assert f"ledger entry {N} now chains to " in problem and f"entries 1 to {N} were changed after it" in problem


def test_whole_chain_rewritten_after_a_change_is_caught(signed: tuple[Path, object, str]) -> None:
    db, _, path = signed
    conn = sqlite3.connect(db, isolation_level=None)
    rows = _rows(conn)
    payload = json.loads(str(rows[4][3]))
    payload["captured_at"] = "2021-02-01T00:00:00Z"  # back-date a capture
    rows[4][3] = canonical_json(payload)
    _rewrite_ledger(conn, rows)
    conn.close()
    own, problems = _check(db, path)
    assert own == ()
    [problem] = problems
    cp = parse_checkpoint(Path(path).read_text())
    assert problem.startswith(f"checkpoint {path} ({cp.time}, {N} entries): ledger entry {N} now chains to ")
    assert f"but the checkpoint signed {cp.head[:16]}…: entries 1 to {N} were changed after it" in problem


def test_original_swapped_with_its_ledger_hash_is_caught(signed: tuple[Path, object, str]) -> None:
    db, _, path = signed
    forged = b"Bulletin 7: the monitoring group recorded no displacement from the riverside villages."
    new = hashlib.sha256(forged).hexdigest()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    rows = _rows(conn)
    old = str(rows[7][2])
    folder = db.parent / (db.name + ".originals")
    (folder / old[:2] / old[2:4] / old).unlink()
    (folder / new[:2] / new[2:4]).mkdir(parents=True, exist_ok=True)
    (folder / new[:2] / new[2:4] / new).write_bytes(forged)
    conn.execute("UPDATE sources SET sha256 = ?, size = ? WHERE sha256 = ?", (new, len(forged), old))
    conn.execute("UPDATE origins SET sha256 = ? WHERE sha256 = ?", (new, old))
    payload = json.loads(str(rows[7][3]))
    payload.update(sha256=new, size=len(forged))
    rows[7][2], rows[7][3] = new, canonical_json(payload)
    _rewrite_ledger(conn, rows)
    conn.close()
    own, problems = _check(db, path)
    assert own == ()  # the forged original hashes to its new name and its capture entry chains
    [problem] = problems
    assert f"ledger entry {N} now chains to " in problem and "changed after it" in problem


def test_checkpoint_of_another_store_is_refused(signed: tuple[Path, object, str], tmp_path: Path) -> None:
    db, key, path = signed
    other = tmp_path / "other.db"
    _fill(other, 0, N)  # the same documents, captured into another store
    own, problems = _check(other, path)
    with Store.open(db) as store, Store.open(other) as second:
        theirs, ours = store_id(store), store_id(second)
    assert theirs != ours
    [problem] = problems
    assert f"it belongs to store {theirs}, not to this store ({ours})" in problem


def test_edited_checkpoint_fails_its_signature(signed: tuple[Path, object, str], tmp_path: Path) -> None:
    db, key, path = signed
    conn = sqlite3.connect(db, isolation_level=None)
    rows = _rows(conn)
    _forget_source(conn, db, str(rows[-1][2]))
    _rewrite_ledger(conn, rows[:-1])
    head = conn.execute("SELECT hash FROM ledger WHERE seq = ?", (N - 1,)).fetchone()[0]
    conn.close()
    # the adversary edits the checkpoint to match the cut ledger
    text = Path(path).read_text()
    cp = parse_checkpoint(text)
    edited = tmp_path / "edited.txt"
    edited.write_text(text.replace(f"entries: {N}\n", f"entries: {N - 1}\n").replace(cp.head, head))
    own, problems = _check(db, str(edited))
    assert own == ()
    [problem] = problems
    assert problem.endswith("its signature does not verify with the key inside it "
                            f"({cp.key_fingerprint[:23]}…): the checkpoint was edited or forged")


def test_checkpoint_signed_with_another_key_fails_the_pinned_key(signed: tuple[Path, object, str],
                                                                 tmp_path: Path) -> None:
    db, key, path = signed
    forger = generate_key(tmp_path / "forger.key")
    with Store.open(db) as store:
        forged = make_checkpoint(store, load_private_key(forger.private))
    forged_path = tmp_path / "forged.txt"
    forged_path.write_text(forged.text())
    pinned = load_public_key(Path(str(tmp_path / "ledger.key.pub")))
    _, problems = _check(db, str(forged_path), path, public_key=pinned)
    [problem] = problems
    assert problem.startswith(f"checkpoint {forged_path} ")
    assert f"it was signed by key {forger.fingerprint[:23]}…, not by the pinned key" in problem


def test_fingerprint_line_must_match_the_key(signed: tuple[Path, object, str], tmp_path: Path) -> None:
    db, key, path = signed
    cp = parse_checkpoint(Path(path).read_text())
    lying = replace(cp, key_fingerprint="SHA256:" + "ab" * 32)
    target = tmp_path / "lying.txt"
    target.write_text(lying.text())
    _, problems = _check(db, str(target))
    assert any("its fingerprint line (SHA256:abababababababab…) is not that of the key inside it" in p
               for p in problems)


def test_a_broken_chain_is_not_signed(signed: tuple[Path, object, str]) -> None:
    db, key, _ = signed
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER ledger_no_update")
    conn.execute("UPDATE ledger SET created_at = '2020-01-01T00:00:00Z' WHERE seq = 3")
    conn.close()
    with Store.open(db) as store, pytest.raises(StoreError, match="ledger entry 3 was altered"):
        make_checkpoint(store, key)


def test_malformed_checkpoints_are_refused_with_the_line(signed: tuple[Path, object, str]) -> None:
    text = Path(signed[2]).read_text()
    with pytest.raises(UsageError, match="is not a factfinder checkpoint: it lacks head"):
        parse_checkpoint("\n".join(line for line in text.splitlines() if not line.startswith("head:")))
    with pytest.raises(UsageError, match=r"line 5: expected `name: value`"):
        parse_checkpoint(text.replace("store: ", "store = "))
    with pytest.raises(UsageError, match="entries 'twenty' is not a number"):
        parse_checkpoint(text.replace(f"entries: {N}", "entries: twenty"))
    with pytest.raises(UsageError, match="format '2'"):
        parse_checkpoint(text.replace("factfinder-checkpoint: 1", "factfinder-checkpoint: 2"))


def test_empty_ledger_can_be_checkpointed(tmp_path: Path) -> None:
    key = load_private_key(generate_key(tmp_path / "k.key").private)
    with Store.open(tmp_path / "e.db") as store:
        cp = make_checkpoint(store, key)
        assert (cp.entries, cp.head) == (0, GENESIS)
        [check] = check_checkpoints(store, [("cp", cp)])
    assert check.ok


def test_latest_checkpoint_says_whether_the_ledger_extends_it(signed: tuple[Path, object, str]) -> None:
    db, key, _ = signed
    with Store.open(db) as store:
        assert latest_checkpoint(store) is None
        record_checkpoint(store, make_checkpoint(store, key))
    _fill(db, N, N + 2)
    with Store.open(db) as store:
        latest = latest_checkpoint(store)
    assert latest is not None and latest.extends and (latest.entries, latest.ledger_entries) == (N, N + 2)
    conn = sqlite3.connect(db, isolation_level=None)
    rows = _rows(conn)
    _rewrite_ledger(conn, rows[:N - 4])
    conn.close()
    with Store.open(db) as store:
        latest = latest_checkpoint(store)
    assert latest is not None and not latest.extends
    assert latest.reason == f"the ledger has only {N - 4} of its {N} entries"


def test_an_older_store_gets_a_stable_id_when_upgraded(tmp_path: Path) -> None:
    from factfinder.store import schema

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    schema.migrate(conn, name=str(db), migrations=schema.MIGRATIONS[:2])  # a store from before checkpoints
    conn.close()
    with Store.open(db) as store:
        first = store_id(store)
        with pytest.raises(sqlite3.DatabaseError, match="the store id never changes"):
            store.conn.execute("UPDATE store_meta SET value = 'ab' WHERE key = 'store_id'")
        with pytest.raises(sqlite3.DatabaseError, match="the store id never changes"):
            store.conn.execute("DELETE FROM store_meta")
    with Store.open(db) as store:
        assert store_id(store) == first and len(first) == 32 and int(first, 16) >= 0
    with Store.open(tmp_path / "new.db") as other:
        assert store_id(other) != first


def test_the_signed_head_deleted_in_place_is_named(signed: tuple[Path, object, str]) -> None:
    db, _, path = signed
    _fill(db, N, N + 3)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER ledger_no_delete")
    conn.execute("DELETE FROM ledger WHERE seq = ?", (N,))
    conn.close()
    own, problems = _check(db, path)
    assert f"ledger entry {N} missing: the ledger was cut" in own
    [problem] = problems
    assert problem.endswith(f"ledger entry {N}, the head this checkpoint signed, is missing: the ledger was cut")


def test_an_earlier_checkpoint_narrows_where_the_change_lies(signed: tuple[Path, object, str],
                                                            tmp_path: Path) -> None:
    db, key, early = signed
    _fill(db, N, N + 10)
    with Store.open(db) as store:
        late = tmp_path / "late.txt"
        late.write_text(make_checkpoint(store, key).text())
    conn = sqlite3.connect(db, isolation_level=None)
    rows = _rows(conn)
    payload = json.loads(str(rows[N + 4][3]))
    payload["origin"] = "/elsewhere/statement.txt"  # a capture after the early checkpoint, re-attributed
    rows[N + 4][3] = canonical_json(payload)
    _rewrite_ledger(conn, rows)
    conn.close()
    own, problems = _check(db, early, str(late))
    assert own == ()
    [problem] = problems
    assert problem.startswith(f"checkpoint {late} ")
    assert problem.endswith(f"entries 1 to {N} still match an earlier checkpoint, so the change lies after entry {N}")
