"""Damaged copies of the corpus files (cut, bit-flipped, spliced) never crash capture or text.

Capture must always yield; text extraction may only raise ExtractionError. A
fixed seed keeps the run reproducible; a failure names the file and damage.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from factfinder.capture.files import capture_bytes
from factfinder.capture.mail import email_attachments
from factfinder.capture.sniff import EMAIL
from factfinder.errors import ExtractionError
from factfinder.text import document_from_capture

CORPUS = Path(__file__).resolve().parent / "corpus"
ORIGINALS = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.stat().st_size > 0)


def damaged(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    buf = bytearray(data)
    kind = rng.choice(["cut", "flip", "insert", "splice"])
    at = rng.randrange(len(buf))
    if kind == "cut":
        buf = buf[: at + 1]
    elif kind == "flip":
        for _ in range(rng.randint(1, 10)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == "insert":
        buf[at:at] = rng.randbytes(rng.randint(1, 50))
    else:
        buf = buf[:at] + buf[at // 2:]
    return kind, bytes(buf)


@pytest.mark.parametrize("original", ORIGINALS, ids=lambda p: p.name)
def test_damaged_copies_fail_cleanly(original):
    rng = random.Random(original.name)
    for round_ in range(15):
        kind, data = damaged(original.read_bytes(), rng)
        where = f"{original.name}, round {round_}, {kind}"
        cap = capture_bytes(data, origin=str(CORPUS / f"damaged-{original.name}"))
        assert cap.data == data, where
        captures = [cap]
        if cap.ok and cap.source.media_type == EMAIL:
            captures += list(email_attachments(cap))
        for each in captures:
            if each.ok:
                try:
                    document = document_from_capture(each)
                except ExtractionError as exc:
                    assert "\n" not in str(exc), where
                else:
                    assert document.text.strip(), where
