"""`factfinder batch`: the same records as `extract --jsonl`, on either engine, exactly once after a kill."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factfinder.scale.output import read_records

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from ingest import _paragraph  # noqa: E402  (the benchmarks' generator of realistic reports)

MALFORMED = ROOT / "tests" / "malformed" / "corpus"


def corpus(n: int, seed: int = 3) -> list[dict]:
    rnd = random.Random(seed)
    return [{"id": f"r{i}", "text": "\n\n".join(_paragraph(rnd) for _ in range(rnd.randint(1, 3))),
             "published": f"20{rnd.randint(19, 23)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"}
            for i in range(n)]


def write_jsonl(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def key(record: dict) -> str:
    return json.dumps(record, sort_keys=True)


def extract_jsonl(path: Path) -> dict[str, list[str]]:
    """The records `factfinder extract --jsonl` prints, by kind."""
    result = subprocess.run([sys.executable, "-m", "factfinder", "extract", "--jsonl", str(path), "--workers", "2"],
                            capture_output=True, text=True, check=True)
    out: dict[str, list[str]] = {"incident": [], "statistic": [], "document": []}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        if record["record"] in out:
            out[record["record"]].append(key(record))
    return {kind: sorted(records) for kind, records in out.items()}


def batch_records(out: Path) -> dict[str, list[str]]:
    return {"incident": sorted(key(r) for r in read_records(out, "incidents")),
            "statistic": sorted(key(r) for r in read_records(out, "statistics")),
            "document": sorted(key(r) for r in read_records(out, "documents"))}


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factfinder", "batch", *args], capture_output=True, text=True,
                          **kwargs)


def test_local_batch_equals_extract_jsonl_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    lines = corpus(40) + [{"id": "bad", "text": None}]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out"
    first = run_cli(str(source), "--out", str(out), "--workers", "2")
    assert first.returncode == 0, first.stderr
    assert "41 documents: 41 processed, 0 done before" in first.stdout
    assert "41/41 documents" in first.stderr and "documents/s" in first.stderr
    expected = extract_jsonl(source)
    assert batch_records(out) == expected and expected["incident"]
    errors = read_records(out, "errors")
    assert len(errors) == 1 and "no \"text\" string" in errors[0]["message"] and errors[0]["id"] == "bad"
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["documents"] == 40 and manifest["version"] and manifest["inputs"] == [str(source)]
    years = {p.name for p in (out / "incidents").iterdir()}
    assert years <= {f"year=20{y}" for y in range(19, 24)} and len(years) > 1
    again = run_cli(str(source), "--out", str(out))
    assert "0 processed, 41 done before" in again.stdout
    assert batch_records(out) == expected


@pytest.mark.slow
def test_ray_engine_gives_the_same_records_as_local_and_extract(tmp_path: Path, seeds_dir: Path) -> None:
    pytest.importorskip("ray")
    lines = corpus(300) + [{"id": p.name, "text": p.read_text(encoding="utf-8"), "published": None}
                           for p in sorted(seeds_dir.glob("*.txt"))]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    ray_out, local_out = tmp_path / "ray", tmp_path / "local"
    assert run_cli(str(source), "--out", str(ray_out), "--engine", "ray", "--workers", "2").returncode == 0
    assert run_cli(str(source), "--out", str(local_out), "--engine", "local", "--workers", "2").returncode == 0
    from_ray = batch_records(ray_out)
    assert from_ray == batch_records(local_out) == extract_jsonl(source)
    assert len(from_ray["document"]) == 302


@pytest.mark.slow
def test_a_batch_killed_mid_run_ends_with_every_document_once(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for n, line in enumerate(corpus(200, seed=9)):
        (folder / f"report{n:03}.txt").write_text(line["text"], encoding="utf-8")
    for bad in sorted(p for p in MALFORMED.iterdir() if p.is_file()):
        (folder / f"bad_{bad.name}").write_bytes(bad.read_bytes())
    out = tmp_path / "out"
    command = [sys.executable, "-m", "factfinder", "batch", str(folder), "--out", str(out), "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list((out / "_committed").glob("*.json"))) < 1:
        time.sleep(0.2)
    time.sleep(1.0)  # into the next chunk
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert len(list((out / "_committed").glob("*.json"))) < 5, "the run finished before it was killed"
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    documents = read_records(out, "documents")
    errors = read_records(out, "errors")
    keys = [d["doc"] for d in documents] + [e["key"] for e in errors]
    inputs = sorted(folder.iterdir())
    assert len(keys) == len(set(keys)) == len({p.read_bytes() for p in inputs})
    assert all(e["message"] for e in errors) and len(errors) >= 5
    incidents = read_records(out, "incidents")
    assert len({key(i) for i in incidents}) == len(incidents)


def test_load_puts_a_batch_output_into_the_store_with_exact_spans(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from factfinder.cli import main
    from factfinder.records import incident_record
    from factfinder.store import Store

    examples = ROOT / "examples"
    lines = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2023-11-20"}
             for p in sorted(examples.glob("*.txt"))] + corpus(10)
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    out, db = tmp_path / "out", tmp_path / "f.db"
    assert run_cli(str(source), "--out", str(out), "--workers", "1").returncode == 0
    result = CliRunner().invoke(main, ["load", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    batch_incidents = read_records(out, "incidents")
    assert f"{len(lines)} documents loaded ({len(batch_incidents)} incidents" in result.output
    assert "0 without their original bytes" in result.output and "consolidated:" in result.output
    with Store.open(db) as store:
        stored = list(store.iter_incidents())
        assert len(stored) == len(batch_incidents)
        for incident in stored:
            text = store.get_document(incident.doc).text  # type: ignore[union-attr]
            spans = [*incident.evidence, *(c.span for c in incident.counts),
                     *(a.span for a in incident.perpetrators)]
            assert all(text[s.start:s.end] == s.text for s in spans)
        assert sorted(key(incident_record(i)) for i in stored) == sorted(key(r) for r in batch_incidents)
        assert store.verify().ok
    again = CliRunner().invoke(main, ["load", str(out), "--db", str(db)])
    assert f"0 documents loaded" in again.output and f"{len(lines)} already present" in again.output


def test_the_driver_reads_the_corpus_as_it_goes_not_all_at_once(tmp_path: Path, monkeypatch) -> None:
    """A corpus of millions must not sit in the driver: the working pass draws documents only as
    the engine takes them (one batch ahead on one worker), after a first pass that only counts."""
    from factfinder.scale import run

    source = write_jsonl(tmp_path / "in.jsonl", corpus(150))
    real_read = run.read_items
    drawn: list[int] = []  # documents drawn by each pass over the input

    def counting_read(inputs):
        drawn.append(0)
        for item in real_read(inputs):
            drawn[-1] += 1
            yield item

    drawn_at_first_write: list[int] = []
    real_write = run.ChunkWriter.write

    def write(self, chunk):
        if not drawn_at_first_write:
            drawn_at_first_write.append(drawn[-1])
        return real_write(self, chunk)

    monkeypatch.setattr(run, "read_items", counting_read)
    monkeypatch.setattr(run.ChunkWriter, "write", write)
    summary = run.run_batch([str(source)], out=tmp_path / "out", engine="local", workers=1, progress=None)
    assert summary.total == 150 and summary.processed == 150
    assert drawn == [150, 150]  # counted, then worked through
    assert run.CHUNK_DOCUMENTS <= drawn_at_first_write[0] <= run.CHUNK_DOCUMENTS + run.BATCH_DOCUMENTS
    assert len(read_records(tmp_path / "out", "documents")) == 150


def test_a_finished_run_resumed_on_ray_starts_no_ray(monkeypatch) -> None:
    """Nothing left to do: the Ray engine returns at once, without importing or starting Ray
    (with Ray made unimportable, starting it would be a UsageError)."""
    from factfinder.scale import run
    from factfinder.settings import Settings

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    assert list(run._ray_rows(iter(()), workers=2, address=None, settings=Settings())) == []
