"""Validate the written training sentences (training/written_events.jsonl).

The learned event-type component is trained on this file, so a misspelt label,
a subtype on the wrong class or a duplicated sentence would skew what it learns
without any error. The counts in training/README.md are checked against the
file so that the documented share of each class cannot drift.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from factfinder.model import INCIDENT_TYPES

TRAINING = Path(__file__).resolve().parents[2] / "training"
WRITTEN = TRAINING / "written_events.jsonl"
README = TRAINING / "README.md"
SUBTYPES = {
    "territory_taken", "territory_regained", "weapons_seized", "explosives_defused", "base_established",
    "agreement", "ceasefire", "group_formed", "defection", "deployment",
}
NEGATIVE_KINDS = {"crime", "disaster", "sport", "business", "other"}
# The volumes the written set was commissioned to reach (the classes the open corpora lack).
MINIMUM = {"armed_clash": 60, "attack": 60, "torture": 60, "property_destruction": 60, "none": 100}
MINIMUM_OTHER_CLASSES = 30


def _records() -> list[dict[str, Any]]:
    lines = WRITTEN.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _label_counts(records: list[dict[str, Any]]) -> Counter[str]:
    return Counter(label for record in records for label in record["labels"])


def _readme_table(header: str) -> dict[str, int]:
    """The rows ``| `name` | 12 |`` of the README table whose header row starts with ``header``."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index(f"| {header} |"):].split("\n\n")[0]
    return {name: int(value) for name, value in re.findall(r"^\| `(\w+)` \| (\d+) \|$", block, flags=re.M)}


def test_written_sentences_are_well_formed():
    codes = set(INCIDENT_TYPES)
    for number, record in enumerate(_records(), 1):
        where = f"written_events.jsonl:{number}"
        assert {"text", "labels"} <= set(record) <= {"text", "labels", "subtype", "negative_kind"}, where
        text, labels = record["text"], record["labels"]
        assert isinstance(text, str) and text == text.strip() and len(text.split()) >= 4, where
        assert labels and len(labels) == len(set(labels)), f"{where}: labels {labels}"
        assert labels == ["none"] or set(labels) <= codes, f"{where}: labels {labels}"
        if "subtype" in record:
            assert "other" in labels and record["subtype"] in SUBTYPES, f"{where}: subtype {record['subtype']!r}"
        assert ("negative_kind" in record) == (labels == ["none"]), f"{where}: negative_kind goes with none only"
        if labels == ["none"]:
            assert record["negative_kind"] in NEGATIVE_KINDS, f"{where}: negative_kind {record['negative_kind']!r}"


def test_written_sentences_are_unique():
    texts = [record["text"].casefold() for record in _records()]
    assert not [t for t, n in Counter(texts).items() if n > 1]


def test_written_sentences_reach_their_volumes():
    counts = _label_counts(_records())
    for label in (*INCIDENT_TYPES, "none"):
        floor = MINIMUM.get(label, MINIMUM_OTHER_CLASSES)
        if label == "killing":
            continue  # deaths are well covered by the open corpora; written only as near-pairs
        assert counts[label] >= floor, f"{label}: {counts[label]} sentences, fewer than {floor}"
    subtypes = Counter(record["subtype"] for record in _records() if "subtype" in record)
    assert set(subtypes) == SUBTYPES


def test_readme_counts_match_the_file():
    records = _records()
    assert _readme_table("label") == {k: v for k, v in _label_counts(records).items()}
    assert _readme_table("subtype") == dict(Counter(r["subtype"] for r in records if "subtype" in r))
    assert f"holds {len(records)} sentences" in README.read_text(encoding="utf-8")


def test_written_sentences_do_not_leak_into_the_gold():
    """A model trained on these sentences is scored on tests/gold: no sentence may occur in a gold text."""
    gold_texts = []
    for path in sorted(Path(__file__).resolve().parent.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            sides = [record[s] for s in ("a", "b") if isinstance(record.get(s), dict)]
            gold_texts += [record.get("text")] + [side.get("text") for side in sides]
    blob = "\n".join(t for t in gold_texts if t).casefold()
    assert len(blob) > 10_000
    leaked = [r["text"] for r in _records() if r["text"].casefold() in blob]
    assert not leaked, leaked[:3]
