"""File, directory, file:// and standard-input captures."""

from __future__ import annotations

import hashlib
import io
import os
import re
import sys

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


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_bytes(REPORT)
    path.chmod(0)
    (cap,) = capture_inputs([str(path)], settings={})
    assert cap.data is None and "permission denied" in cap.source.error


def test_empty_directory_yields_nothing(tmp_path):
    assert list(capture_inputs([str(tmp_path)], settings={})) == []


def test_empty_input_is_an_error_not_the_current_folder():
    (cap,) = capture_inputs([""], settings={})
    assert cap.data is None and "empty input" in cap.source.error
