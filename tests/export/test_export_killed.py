"""`kill -9` during `export -o FILE`: the stray temporary goes at the next export or `status`.

Real processes: an export over a few thousand incidents is started, killed
with SIGKILL as soon as its temporary file appears, and the leftover is
looked for afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factfinder.tempfiles import open_temporary, remove_stale_temporaries

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
N_INCIDENTS = 6000


def _cli(*args: str, **kwargs) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "factfinder", *args], env=ENV, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with enough incidents that an export takes a moment (the bench's own builder)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import web_load
    finally:
        sys.path.remove(str(ROOT / "bench"))
    db = tmp_path_factory.mktemp("big") / "big.db"
    web_load.build(db, N_INCIDENTS)
    return db


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _kill_mid_export(db: Path, out: Path) -> str:
    """Start an export, SIGKILL it once its temporary file exists; the leftover's name."""
    proc = _cli("export", "--db", str(db), "--format", "jsonl", "-o", str(out))
    deadline = time.monotonic() + 60
    try:
        while not _temporaries(out.parent):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the export ended before it could be killed: {proc.communicate()}")
            time.sleep(0.001)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()  # the target never holds half an export
    (leftover,) = _temporaries(out.parent)
    assert leftover.startswith(f".{out.name}.{proc.pid}-")
    return leftover


@pytest.mark.slow
def test_next_export_removes_the_temporary_of_a_killed_export(big_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    shutil.copy(big_store, db)
    out = tmp_path / "incidents.jsonl"
    _kill_mid_export(db, out)

    proc = _cli("export", "--db", str(db), "--format", "jsonl", "-o", str(out))
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert _temporaries(tmp_path) == []
    lines = out.read_text(encoding="utf-8").splitlines()
    from factfinder.store import Store

    with Store.open(db) as store:
        assert len(lines) == store.count_events() > 0  # one line per consolidated event
    json.loads(lines[-1])
    # an export is the user's file: the umask's mode, not a private temporary's 0600
    assert out.stat().st_mode & 0o044 == 0o044 & ~_umask()


@pytest.mark.slow
def test_status_removes_the_temporary_of_a_killed_export_beside_the_database(big_store: Path,
                                                                              tmp_path: Path) -> None:
    db = tmp_path / "f.db"
    shutil.copy(big_store, db)
    leftover = _kill_mid_export(db, tmp_path / "incidents.csv")

    proc = _cli("status", "--db", str(db))
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert f"removed {leftover}" in stderr
    assert _temporaries(tmp_path) == []
    assert f"incidents   {N_INCIDENTS}" in stdout


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_temporary_still_being_written_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "events.geojson"
    fd, live = open_temporary(target)  # this process is alive: its file is not stale
    os.close(fd)
    dead = tmp_path / f".{target.name}.{_dead_pid()}-abc123.tmp"
    dead.write_text("half an export")
    unrelated = tmp_path / "notes.2.tmp"  # a user's file that merely looks alike
    unrelated.write_text("mine")
    assert remove_stale_temporaries(tmp_path) == [dead]
    assert live.exists() and unrelated.exists() and not dead.exists()


def _dead_pid() -> int:
    """The id of a process that has ended (a child started and reaped here)."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    return int(proc.stdout)
