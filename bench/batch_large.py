"""A long `factfinder batch` run over generated reports: wall time, peak memory, output size.

Issue 13 asks what a 100,000-document run costs on this machine. The reports are
the benchmarks' own generated news paragraphs (bench/ingest.py's generator: our
templates, real place names), one to three paragraphs each, written as one
JSON-lines input. The run is one `factfinder batch` process; its memory is the
sum of the resident sizes of it and its workers, sampled every half second from
/proc (Linux), and the peak is printed with the wall time, documents/s and the
size of the Parquet output, and the CPU seconds by kind of process (the driver,
Ray's workers by actor, Ray's services). ``--engine ray`` measures Ray instead of
the local worker pool.
Run: ``.venv/bin/python bench/batch_large.py [--docs 100000] [--workers 2] [--engine local]``;
the run is ``python -m factfinder`` in the current folder, so to measure another checkout,
run this script from that checkout's folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import _paragraph  # noqa: E402


def reports(n: int, seed: int = 11) -> list[dict[str, str]]:
    rng = random.Random(seed)
    return [{"id": f"g{i}", "text": "\n\n".join(_paragraph(rng) for _ in range(rng.randint(1, 3))),
             "published": f"20{rng.randint(19, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
            for i in range(n)]


def _tree_rss(root: int, cpu: dict[int, float] | None = None, names: dict[int, str] | None = None) -> int:
    """Resident bytes of ``root`` and every process under it (/proc).

    ``cpu``, when given, is updated with each process's CPU seconds so far (user + system), so a
    run on a shared machine can be read by the CPU time it used as well as by its wall time;
    ``names`` with what each process is (``_kind``).
    """
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    ticks: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        ticks[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        if cpu is not None and pid in ticks:
            cpu[pid] = max(cpu.get(pid, 0.0), ticks[pid])
            if names is not None and not names.get(pid, "").startswith("ray::"):
                names[pid] = _kind(pid, root)  # a Ray worker names its task or actor once it has one
        todo.extend(children.get(pid, ()))
    return total


def _kind(pid: int, root: int) -> str:
    """What a process of the run is: the driver, a Ray worker (by its task or actor: "ray::Worker",
    "ray::MapBatches(_RayWorker)", "ray::IDLE"), or a Ray service (raylet, gcs_server, ...)."""
    if pid == root:
        return "driver"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().split(b"\0")
    except OSError:
        return "other"
    first = argv[0].decode(errors="replace")
    if first.startswith("ray::"):
        return first.split(".")[0].split(" ")[0]
    words = [a.decode(errors="replace") for a in argv if a]
    script = next((Path(w).name for w in words[1:] if w.endswith(".py")), None)
    return script or Path(first).name or "other"


def cpu_by_kind(cpu: dict[int, float], names: dict[int, str]) -> str:
    """CPU seconds per kind of process, most first, with how many processes of each kind."""
    kinds: dict[str, list[float]] = {}
    for pid, seconds in cpu.items():
        kinds.setdefault(names.get(pid, "other"), []).append(seconds)
    return ", ".join(f"{kind} {sum(v):,.1f} s ({len(v)})" for kind, v in
                     sorted(kinds.items(), key=lambda kv: -sum(kv[1])))


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--log", type=Path, help="write the run's progress (its stderr) to this file")
    args = parser.parse_args()
    docs = reports(args.docs)
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        out = Path(tmp) / "out"
        print(f"{len(docs):,} generated reports, {words:,} words, input {source.stat().st_size / 1e6:.1f} MB",
              flush=True)
        started = time.perf_counter()
        log = args.log.open("wb") if args.log else subprocess.DEVNULL
        process = subprocess.Popen([sys.executable, "-m", "factfinder", "batch", str(source), "--out", str(out),
                                    "--engine", args.engine, "--workers", str(args.workers)],
                                   stdout=subprocess.DEVNULL, stderr=log)
        peak = 0
        cpu: dict[int, float] = {}
        names: dict[int, str] = {}
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid, cpu, names))
            time.sleep(0.5)
        wall = time.perf_counter() - started
        if process.returncode != 0:
            sys.exit(f"batch failed with exit code {process.returncode}")
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        print(f"engine={args.engine} workers={args.workers}: wall {wall:,.0f} s, {len(docs) / wall:.1f} docs/s, "
              f"CPU {sum(cpu.values()):,.0f} s, peak memory {peak / 2**20:,.0f} MB (process tree), output {_size(out) / 1e6:,.1f} MB, "
              f"counts {manifest.get('counts')}; load average {os.getloadavg()[0]:.1f}")
        print(f"CPU by process (sampled every 0.5 s; a process's last half second may be missed): "
              f"{cpu_by_kind(cpu, names)}")


if __name__ == "__main__":
    main()
