"""File, directory, file:// and standard-input captures."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from factfinder.capture import capture_inputs

REPORT = "Shelling hit the market in the town on Sunday, killing at least four people.\n".encode()


def test_file_capture_records_bytes_hash_and_time(tmp_path):
    path = tmp_path / "rapport été.txt"
    path.write_bytes(REPORT)
    (cap,) = capture_inputs([str(path)], settings={})
    src = cap.source
    assert cap.data == REPORT and src.size == len(REPORT)
    assert src.sha256 == hashlib.sha256(REPORT).hexdigest()
    assert src.origin == str(path) and src.media_type == "text/plain"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", src.captured_at)
    assert src.parent is None and src.error is None and src.http_status is None


def test_file_url_input(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(REPORT)
    (cap,) = capture_inputs([path.as_uri()], settings={})
    assert cap.ok and cap.data == REPORT


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT)))
    (cap,) = capture_inputs(["-"], settings={})
    assert cap.source.origin == "<stdin>" and cap.data == REPORT


def _capture_error(path: str) -> tuple[bool, str | None]:
    (cap,) = capture_inputs([path], settings={})
    return cap.data is None, cap.source.error


def _capture_error_as_nobody(path: str, conn) -> None:
    os.setgid(65534)
    os.setuid(65534)  # root reads every file: drop to "nobody" as a monitor's account would be
    conn.send(_capture_error(path))


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_unreadable_file():
    import multiprocessing
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="factfinder-locked-"))
    folder.chmod(0o755)
    path = folder / "locked.txt"
    path.write_bytes(REPORT)
    path.chmod(0)
    if os.geteuid() != 0:
        lost, error = _capture_error(str(path))
    else:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        process = context.Process(target=_capture_error_as_nobody, args=(str(path), child))
        process.start()
        lost, error = parent.recv()
        process.join(timeout=30)
    path.chmod(0o600)
    shutil.rmtree(folder)
    assert lost and error and "permission denied" in error


def test_empty_directory_yields_nothing(tmp_path):
    assert list(capture_inputs([str(tmp_path)], settings={})) == []


def test_empty_input_is_an_error_not_the_current_folder():
    (cap,) = capture_inputs([""], settings={})
    assert cap.data is None and "empty input" in cap.source.error
