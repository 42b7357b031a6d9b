"""Validate the consolidation gold set (tests/gold/consolidation/pairs.jsonl).

The pairs are what consolidation's pairwise precision and recall are measured
on, so a malformed pair silently skews every figure we report: an anchor that is
not in its text cannot be matched to an extracted incident, a type outside the
taxonomy never blocks with anything, and a lopsided set makes precision or
recall meaningless. The annotation rule is in tests/gold/consolidation/README.md.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factfinder.model import INCIDENT_TYPES

PAIRS = Path(__file__).resolve().parent / "consolidation" / "pairs.jsonl"
PAIR_KEYS = {"id", "same", "type", "a", "b", "a_anchor", "b_anchor", "note"}
SIDE_KEYS = {"outlet", "published", "text"}
MIN_PAIRS = 70
MIN_PER_CLASS = 30


@pytest.fixture(scope="module")
def lines() -> list[str]:
    assert PAIRS.exists(), f"{PAIRS} is missing"
    return [line for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pairs(lines: list[str]) -> list[dict]:
    return [json.loads(line) for line in lines]


def test_every_line_parses_to_a_pair(lines: list[str]) -> None:
    for number, line in enumerate(lines, 1):
        pair = json.loads(line)
        assert set(pair) == PAIR_KEYS, f"line {number}: keys {sorted(pair)}"
        assert isinstance(pair["same"], bool), f"line {number}: same must be true or false"
        assert isinstance(pair["note"], str) and pair["note"].strip(), f"line {number}: empty note"
        for side in ("a", "b"):
            assert set(pair[side]) == SIDE_KEYS, f"line {number}: {side} keys {sorted(pair[side])}"
            assert pair[side]["outlet"].strip() and pair[side]["text"].strip(), f"line {number}: {side}"


def test_ids_are_unique(pairs: list[dict]) -> None:
    ids = [pair["id"] for pair in pairs]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"


def test_anchors_are_exact_substrings_once(pairs: list[dict]) -> None:
    for pair in pairs:
        for side in ("a", "b"):
            anchor, text = pair[f"{side}_anchor"], pair[side]["text"]
            assert anchor.strip(), f"{pair['id']}: empty {side}_anchor"
            assert text.count(anchor) == 1, f"{pair['id']}: {side}_anchor not found exactly once in its text"


def test_types_are_in_the_taxonomy(pairs: list[dict]) -> None:
    unknown = {pair["id"]: pair["type"] for pair in pairs if pair["type"] not in INCIDENT_TYPES}
    assert not unknown, f"types outside factfinder.model.INCIDENT_TYPES: {unknown}"


def test_published_dates_are_valid_and_close(pairs: list[dict]) -> None:
    for pair in pairs:
        days = []
        for side in ("a", "b"):
            published = pair[side]["published"]
            assert len(published) == 10, f"{pair['id']}: {side}.published must be YYYY-MM-DD"
            days.append(dt.date.fromisoformat(published))
        if pair["same"]:
            # One event is reported within days; a same-event pair a month apart is a typo.
            assert abs((days[0] - days[1]).days) <= 14, f"{pair['id']}: same event published far apart"


def test_texts_are_short_reports(pairs: list[dict]) -> None:
    for pair in pairs:
        for side in ("a", "b"):
            words = len(pair[side]["text"].split())
            assert 40 <= words <= 140, f"{pair['id']}: {side} has {words} words (want 40-140)"


def test_size_and_balance(pairs: list[dict]) -> None:
    same = sum(pair["same"] for pair in pairs)
    different = len(pairs) - same
    assert len(pairs) >= MIN_PAIRS, f"{len(pairs)} pairs, want at least {MIN_PAIRS}"
    assert same >= MIN_PER_CLASS and different >= MIN_PER_CLASS, f"same {same}, different {different}"


def test_spread_over_types_and_the_hard_cases(pairs: list[dict]) -> None:
    # A set of one type or of only easy negatives would flatter any merger.
    assert len({pair["type"] for pair in pairs}) >= 10
    different = [pair for pair in pairs if not pair["same"]]
    hard = [pair for pair in different if pair["a"]["text"] != pair["b"]["text"]]
    assert len(hard) == len(different), "a different-event pair must not have identical texts"
    notes = " ".join(pair["note"].lower() for pair in pairs if pair["same"])
    assert "wire copy" in notes and "digest" in notes and "translated" in notes
