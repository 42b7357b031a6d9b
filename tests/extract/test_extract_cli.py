"""`factfinder extract`: the output contract on real-looking and bad inputs, run as users run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "contract"))

from contract_check import check_stream  # noqa: E402

REPORT = (
    "Troops detain villagers in northern town\n\n"
    "MYITKYINA, Myanmar (Nov. 21) – Soldiers arrested 12 villagers in Myitkyina yesterday, residents told "
    "reporters. At least three people were killed when the troops opened fire on a crowd, a witness said.\n"
)


def _run(*args: str, stdin: str | None = None, timeout: int = 300) -> tuple[list[dict], str, int]:
    proc = subprocess.run([sys.executable, "-m", "factfinder", "extract", *args], input=stdin,
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    return records, proc.stderr, proc.returncode


@pytest.mark.slow
def test_a_report_file_gives_a_document_then_its_incidents(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    records, stderr, code = _run(str(path), "--published", "2023-11-21")
    assert code == 0, stderr
    assert check_stream(records, inputs=1) == []
    assert records[0]["record"] == "document" and records[0]["published"] == "2023-11-21"
    by_type = {r["type"]: r for r in records if r["record"] == "incident"}
    arrest, killing = by_type["arrest"], by_type["killing"]
    assert [(c["category"], c["value"]) for c in arrest["counts"]] == [("arrested", 12)]
    assert [(c["category"], c["value"], c["qualifier"]) for c in killing["counts"]] == [("killed", 3, "at_least")]
    assert arrest["date"]["start"] == "2023-11-20" and arrest["date"]["precision"] == "day"


@pytest.mark.slow
def test_jsonl_batch_keeps_ids_order_and_survives_bad_lines() -> None:
    lines = [
        json.dumps({"id": "r1", "text": REPORT, "published": "2023-11-21"}),
        "{not json",
        json.dumps({"id": "r2", "text": ""}),
        json.dumps({"id": "r3", "text": "Die Soldaten haben gestern zwanzig Menschen in der Stadt getötet, "
                                         "sagte die Polizei am Montag und die Behörden bestätigten das nicht."}),
        json.dumps({"id": "r4", "text": "Police\x00 detained\x07 six protesters outside the consulate.",
                    "published": "2021-11-25"}),
        json.dumps({"id": "r5", "text": "Troops killed 4 people.", "published": "20-11-2023"}),
        json.dumps({"id": "r6", "text": "Troops killed 4 people on December 30, 2031.", "published": "2023-11-20"}),
    ]
    records, stderr, code = _run("--jsonl", "-", stdin="\n".join(lines) + "\n")
    assert code == 0, stderr
    assert check_stream(records, jsonl=True, inputs=len(lines)) == []
    documents = [r["id"] for r in records if r["record"] == "document"]
    assert documents == ["r1", "r2", "r3", "r4", "r6"]
    errors = {r["line"]: r for r in records if r["record"] == "error"}
    assert set(errors) == {2, 6} and errors[6]["id"] == "r5"
    assert {r["type"] for r in records if r.get("id") == "r1" and r["record"] == "incident"} >= {"arrest", "killing"}
    german = next(r for r in records if r["record"] == "document" and r["id"] == "r3")
    assert german["language"] != "en" and german["notes"]
    assert not [r for r in records if r.get("id") == "r3" and r["record"] == "incident"]
    assert [r["type"] for r in records if r.get("id") == "r4" and r["record"] == "incident"]


@pytest.mark.slow
def test_bad_published_option_is_a_clean_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    records, stderr, code = _run(str(path), "--published", "yesterday")
    assert code == 2 and records == []
    assert "YYYY-MM-DD" in stderr and "Traceback" not in stderr


@pytest.mark.slow
def test_a_one_megabyte_text_finishes(tmp_path: Path) -> None:
    # Mostly text without incidents, as a long real document is; one trigger sentence in 16.
    # bench/extract.py --long-mb 5 times a 5 MB one (about 140 s: too slow for every CI run).
    paragraph = ("The council discussed the budget for roads and schools in the district. " * 15
                 + "Residents said soldiers arrested 5 farmers near the market on Monday.\n")
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    line = json.dumps({"id": "big", "text": text, "published": "2023-11-20"})
    records, stderr, code = _run("--jsonl", "-", stdin=line + "\n", timeout=900)
    assert code == 0, stderr
    assert records[0]["record"] == "document" and len(records[0]["text"]) >= 1_000_000
    assert check_stream(records[:200], jsonl=True) == []
    assert any(r["record"] == "incident" and r["type"] == "arrest" for r in records)
