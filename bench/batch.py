"""`factfinder batch` against `extract --jsonl` on the same reports with the same workers, in one run.

Reports: the texts of ../shared/devsets (real news and press releases; read at
run time, never copied), up to --docs of them. For each worker count the same
JSON-lines file goes through `extract --jsonl --workers N`, `batch --engine
local --workers N` and `batch --engine ray --workers N`, each a fresh process.
Each command's start-up (interpreter, spaCy and the gazetteer; for Ray also
ray.init and the actors) is measured apart on a 2-document input and subtracted
for its run phase. Target: Ray's run phase within 15% of `extract --jsonl`'s at
2 workers.
Run: ``.venv/bin/python bench/batch.py [--docs 2000] [--workers 1 2]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEVSETS = Path(__file__).resolve().parent.parent.parent / "shared" / "devsets"
FILES = ("isaf_dev", "hrds_dev", "hrds_train", "tr_news", "gwn", "case2021_dev")


def reports(limit: int) -> list[dict]:
    out: list[dict] = []
    for name in FILES:
        path = DEVSETS / f"{name}.jsonl"
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out.append({"id": f"{name}:{record['id']}", "text": record["text"], "published": record.get("pub_date")})
            if len(out) >= limit:
                return out
    return out


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    docs = reports(args.docs)
    if not docs:
        sys.exit(f"no dev sets at {DEVSETS}; put ../shared beside the checkout")
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} reports, {words:,} words")
    cli = [sys.executable, "-m", "factfinder"]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        tiny = Path(tmp) / "tiny.jsonl"
        tiny.write_text("".join(json.dumps(d) + "\n" for d in docs[:2]), encoding="utf-8")
        for workers in args.workers:
            w = ["--workers", str(workers)]
            runs = {
                "extract --jsonl": lambda path, out: [*cli, "extract", "--jsonl", str(path), *w],
                "batch local": lambda path, out: [*cli, "batch", str(path), "--out", str(out), *w],
                "batch ray": lambda path, out: [*cli, "batch", str(path), "--out", str(out), "--engine", "ray", *w],
            }
            phases: dict[str, float] = {}
            for label, command in runs.items():
                slug = label.replace(" ", "").replace("-", "")
                startup = timed(command(tiny, Path(tmp) / f"tiny-{slug}{workers}"))
                total = timed(command(source, Path(tmp) / f"{slug}{workers}"))
                phases[label] = max(total - startup, 1e-9)
                print(f"workers={workers}: {label:15} {len(docs) / total:6.1f} docs/s overall | start-up {startup:5.1f} s | "
                      f"run phase {len(docs) / phases[label]:6.1f} docs/s", flush=True)
            base = phases["extract --jsonl"]
            print(f"workers={workers}: run-phase overhead vs extract --jsonl: batch local {phases['batch local'] / base - 1:+.0%}, "
                  f"batch ray {phases['batch ray'] / base - 1:+.0%} (target ray <= +15% at 2 workers)", flush=True)
            for name in Path(tmp).iterdir():
                if name.is_dir():
                    shutil.rmtree(name, ignore_errors=True)


if __name__ == "__main__":
    main()
