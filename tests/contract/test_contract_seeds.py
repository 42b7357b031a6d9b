"""The output contract on both seed reports and a --jsonl batch, plus what the seeds must show.

Runs `factfinder extract` as a user does (a subprocess), validates every record
with contract_check, and checks the incidents issue 4 asks for. The seed texts
are read from ../shared/seeds at run time (never copied here).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from contract_check import check_stream

ROOT = Path(__file__).resolve().parents[2]


def _extract(*args: str, stdin: str | None = None) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "factfinder", "extract", *args], input=stdin,
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def radio(seeds_dir: Path) -> list[dict]:
    return _extract(str(seeds_dir / "004_13c09bdc84f4c2bd.txt"), "--published", "2023-11-20")


@pytest.fixture(scope="module")
def digest(seeds_dir: Path) -> list[dict]:
    return _extract(str(seeds_dir / "000_656a7e7306c346d4.txt"))


def _incidents(records: list[dict], kind: str) -> list[dict]:
    return [r for r in records if r["record"] == "incident" and r["type"] == kind]


def _within(date: dict | None, day: str) -> bool:
    return date is not None and date["start"] <= day <= date["end"]


# --- the checker itself -------------------------------------------------------


def test_checker_catches_broken_records() -> None:
    text = "Troops arrested 12 villagers."
    doc = {"record": "document", "doc": "a" * 64, "title": None, "published": "2023-11-20", "language": "en",
           "text": text}
    incident = {"record": "incident", "doc": "a" * 64, "story": 0, "type": "arrest", "subtype": None,
                "acled": {"event_type": "Strategic developments", "sub_event_type": "Arrests"}, "summary": text,
                "date": None, "location": None, "perpetrators": [], "targets": [],
                "counts": [{"category": "arrested", "value": 12, "qualifier": "exact", "unit": "people",
                            "text": "12"}],
                "attribution": [], "verification": "reported",
                "evidence": [{"start": 0, "end": len(text), "text": text}]}
    assert check_stream([doc, incident]) == []
    shifted = dict(incident, evidence=[{"start": 1, "end": len(text), "text": text}])
    bad_type = dict(incident, type="riot")
    no_evidence = dict(incident, evidence=[])
    bad_date = dict(incident, date={"start": "2023-11-21", "end": "2023-11-20", "precision": "day", "text": None})
    bad_subtype = dict(incident, subtype="air_strike")  # an arrest has no air-strike kind
    bad_acled = dict(incident, acled={"event_type": "Arrests", "sub_event_type": "Strategic developments"})
    orphan = [incident, doc]
    for broken in ([doc, shifted], [doc, bad_type], [doc, no_evidence], [doc, bad_date], [doc, bad_subtype],
                   [doc, bad_acled], orphan):
        assert check_stream(broken), broken
    assert check_stream([doc, incident], jsonl=True)  # ids are required in --jsonl mode


# --- the seeds ------------------------------------------------------------------


@pytest.mark.slow
def test_seed_outputs_satisfy_the_contract(radio: list[dict], digest: list[dict]) -> None:
    for records in (radio, digest):
        assert check_stream(records, inputs=1) == []
        assert records[0]["record"] == "document"
        assert sum(r["record"] == "document" for r in records) == 1


@pytest.mark.slow
def test_radio_seed_shows_the_issue_4_incidents(radio: list[dict]) -> None:
    surveillance = _incidents(radio, "surveillance")
    assert any("Hikvision" in e["text"] and "contract" in e["text"] for s in surveillance for e in s["evidence"])

    arrests = [a for a in _incidents(radio, "arrest")
               if any(c["category"] == "arrested" and c["value"] == 100 for c in a["counts"])]
    assert arrests, "the Pauktaw arrests of nearly a hundred"
    pauktaw = arrests[0]
    assert pauktaw["location"] and pauktaw["location"]["admin1"] == "Rakhine"
    assert _within(pauktaw["date"], "2023-11-17")

    killings = [k for k in _incidents(radio, "killing")
                if any(c["category"] == "killed" and c["value"] == 15 and c["qualifier"] == "at_least"
                       for c in k["counts"])]
    assert killings and killings[0]["verification"] == "unconfirmed"

    displaced = [d for d in _incidents(radio, "displacement")
                 if any(c["value"] == 10000 for c in d["counts"])]
    assert displaced and displaced[0]["location"]["admin1"] == "Sagaing"

    stats = {(s["category"], s["value"]) for s in radio if s["record"] == "statistic"}
    assert {("displaced", 813500), ("arrested", 19693)} <= stats
    # A tally is not also an incident's count.
    assert not [i for i in radio if i["record"] == "incident" for c in i["counts"] if c["value"] in (813500, 19693)]


@pytest.mark.slow
def test_statistic_as_of_is_the_stated_date(radio: list[dict]) -> None:
    by_value = {s["value"]: s for s in radio if s["record"] == "statistic"}
    assert by_value[19693]["as_of"] == "2023-11-17"
    assert by_value[813500]["as_of"] == "2023-10-02"


@pytest.mark.slow
def test_digest_seed_has_six_types_or_more(digest: list[dict]) -> None:
    types = {r["type"] for r in digest if r["record"] == "incident"}
    assert len(types) >= 6, types
    assert {"surveillance", "arrest", "protest", "legislation", "designation"} <= types


@pytest.mark.slow
def test_jsonl_batch_with_a_bad_line_satisfies_the_contract(seeds_dir: Path) -> None:
    lines = [json.dumps({"id": "radio", "text": (seeds_dir / "004_13c09bdc84f4c2bd.txt").read_text(encoding="utf-8"),
                         "published": "2023-11-20"}),
             '{"id": "broken", "text": ',
             json.dumps({"id": "digest", "text": (seeds_dir / "000_656a7e7306c346d4.txt").read_text(encoding="utf-8"),
                         "published": None})]
    records = _extract("--jsonl", "-", stdin="\n".join(lines) + "\n")
    assert check_stream(records, jsonl=True, inputs=3) == []
    assert [r["id"] for r in records if r["record"] == "document"] == ["radio", "digest"]
    assert [r["line"] for r in records if r["record"] == "error"] == [2]
