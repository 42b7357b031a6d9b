"""`factfinder ledger keygen`, `ledger checkpoint` and `verify --checkpoint` through the CLI."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from click.testing import CliRunner

from factfinder.capture.common import make_capture
from factfinder.cli import main
from factfinder.store import Store
from factfinder.store.checkpoint import parse_checkpoint
from factfinder.store.signing import fingerprint, load_public_key


def _store(tmp_path: Path, start: int = 0, stop: int = 8) -> Path:
    db = tmp_path / "f.db"
    with Store.open(db) as store:
        for i in range(start, stop):
            store.add_capture(make_capture(f"Statement {i}: the lawyers' association reports {i + 4} detentions "
                                           "at the border post this week.".encode(),
                                           origin=str(tmp_path / f"statement-{i}.txt"), media_type="text/plain"))
    return db


def test_keygen_writes_a_private_key_0600_and_prints_the_public_key(tmp_path: Path) -> None:
    runner = CliRunner()
    key = tmp_path / "ledger.key"
    result = runner.invoke(main, ["ledger", "keygen", "--output", str(key)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert key.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    public = load_public_key(Path(str(key) + ".pub"))
    lines = result.output.splitlines()
    assert lines[0].startswith("public key:  ed25519 ") and lines[1] == f"fingerprint: {fingerprint(public)}"
    again = runner.invoke(main, ["ledger", "keygen", "-o", str(key)])
    assert again.exit_code == 2 and "already exists; keygen never overwrites a key" in again.output
    assert load_public_key(Path(str(key) + ".pub")) == public


def test_checkpoint_then_verify_through_the_cli(tmp_path: Path) -> None:
    runner = CliRunner()
    db = _store(tmp_path)
    key = tmp_path / "k.key"
    runner.invoke(main, ["ledger", "keygen", "-o", str(key)])
    first = tmp_path / "cp-1.txt"
    made = runner.invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(key), "-o", str(first)])
    assert made.exit_code == 0, made.output
    assert made.output.startswith("checkpoint of 8 ledger entries (head ")
    assert parse_checkpoint(first.read_text()).entries == 8
    assert "warning" not in made.output
    key.chmod(0o644)
    loose = runner.invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(key)])
    assert loose.exit_code == 0 and f"warning: {key} can be read by other users" in loose.stderr
    key.chmod(0o600)
    refused = runner.invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(key), "-o", str(first)])
    assert refused.exit_code == 2 and "may hold an older checkpoint worth keeping" in refused.output

    _store(tmp_path, 8, 11)
    second = runner.invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(key)])
    assert second.exit_code == 0
    assert parse_checkpoint(second.stdout).entries == 11  # to standard output, the summary to stderr
    assert "keep a copy outside the store" in second.stderr
    (tmp_path / "cp-2.txt").write_text(second.stdout)

    args = ["verify", "--db", str(db), "--checkpoint", str(first), "--checkpoint", str(tmp_path / "cp-2.txt"),
            "--public-key", str(key) + ".pub"]
    ok = runner.invoke(main, args)
    assert ok.exit_code == 0, ok.output
    lines = ok.output.splitlines()
    assert lines[0] == "ok: 11 originals, 11 ledger entries verified"
    assert lines[1].endswith("the ledger extends it (entry 8 of 11)")
    assert lines[2].endswith("the ledger extends it (entry 11 of 11)")
    assert len(lines) == 3  # no caveat: the latest checkpoint covers the whole ledger

    _store(tmp_path, 11, 12)
    later = runner.invoke(main, args)
    assert later.output.splitlines()[-1] == ("note: entry 12 comes after the latest checkpoint; "
                                             "a cut there cannot be ruled out")

    conn = sqlite3.connect(db, isolation_level=None)  # cut the last six entries, then the chain is whole again
    conn.execute("DROP TRIGGER ledger_no_delete")
    shas = [s for (s,) in conn.execute("SELECT subject FROM ledger WHERE seq > 6")]
    conn.execute("DELETE FROM ledger WHERE seq > 6")
    conn.executemany("DELETE FROM origins WHERE sha256 = ?", [(s,) for s in shas])
    conn.executemany("DELETE FROM sources WHERE sha256 = ?", [(s,) for s in shas])
    conn.close()
    plain = runner.invoke(main, ["verify", "--db", str(db)])
    assert plain.exit_code == 0  # without a checkpoint the cut goes unseen, and verify says it might
    assert "a cut at the end of the ledger (6 entries) cannot be ruled out" in plain.output
    bad = runner.invoke(main, args)
    assert bad.exit_code == 1
    problems = [line for line in bad.output.splitlines() if line.startswith("problem: ")]
    assert len(problems) == 2
    assert "the ledger has 6 entries but the checkpoint signed 8: entries 7 to 8 were removed" in problems[0]
    assert "the ledger has 6 entries but the checkpoint signed 11: entries 7 to 11 were removed" in problems[1]
    assert "2 problems in" in bad.stderr


def test_verify_refuses_a_malformed_checkpoint_and_a_foreign_key(tmp_path: Path) -> None:
    runner = CliRunner()
    db = _store(tmp_path)
    junk = tmp_path / "notes.txt"
    junk.write_text("meeting notes\n")
    result = runner.invoke(main, ["verify", "--db", str(db), "--checkpoint", str(junk)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{junk} line 1: expected `name: value`" in result.output
    not_a_key = tmp_path / "key.pub"
    not_a_key.write_text("ed25519 AAAA\n")
    runner.invoke(main, ["ledger", "keygen", "-o", str(tmp_path / "k.key")])
    made = runner.invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(tmp_path / "k.key"),
                                "-o", str(tmp_path / "cp.txt")])
    assert made.exit_code == 0
    result = runner.invoke(main, ["verify", "--db", str(db), "--checkpoint", str(tmp_path / "cp.txt"),
                                  "--public-key", str(not_a_key)])
    assert result.exit_code == 2 and "is not a PEM public key" in result.output


def test_checkpoint_without_a_key_says_how_to_make_one(tmp_path: Path) -> None:
    db = _store(tmp_path, 0, 1)
    result = CliRunner().invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(tmp_path / "none.key")])
    assert result.exit_code == 2
    assert "create one with `factfinder ledger keygen -o FILE`" in result.output


def test_a_store_that_refuses_the_record_still_gets_its_checkpoint(tmp_path: Path) -> None:
    db = _store(tmp_path, 0, 3)
    conn = sqlite3.connect(db, isolation_level=None)  # as a read-only database would answer the insert
    conn.execute("CREATE TRIGGER no_checkpoints BEFORE INSERT ON checkpoints "
                 "BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END")
    conn.close()
    runner = CliRunner()
    runner.invoke(main, ["ledger", "keygen", "-o", str(tmp_path / "k.key")])
    made = runner.invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(tmp_path / "k.key"),
                                "-o", str(tmp_path / "cp.txt")])
    assert made.exit_code == 0, made.output
    assert parse_checkpoint((tmp_path / "cp.txt").read_text()).entries == 3
    assert ("warning: the checkpoint was made but not recorded in the store (attempt to write a readonly "
            "database); the web app will not show it") in made.stderr
