"""Hostile inputs for `factfinder ingest`: time and peak memory of each, beside a baseline.

Each case is generated here (nothing big is committed), then ingested by a real
`factfinder ingest` process together with one ordinary report after it, so the
figures include the start-up and show the batch going on. Peak memory is the
child's own maximum resident set (os.wait4), time is wall time; the baseline
is the same command with the ordinary report alone. Targets (issue 17): under
60 s and under 1 GB for each case.

    python bench/hostile.py [--no-extract] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ("Soldiers detained 14 farmers at a checkpoint near the river crossing on 3 March 2024, "
          "a local monitoring group said. Two of them were released the next day.\n")
_PARAGRAPH = ("<p>Item {n}: residents of the district said that {k} people were detained at a checkpoint "
              "on the road to the market, and that several families left the area for the hills.</p>\n")


def big_html(folder: Path, size: int = 50_000_000) -> Path:
    """A page of ``size`` bytes of ordinary paragraphs (a whole archive saved as one page)."""
    path = folder / "archive-page.html"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("<!doctype html><html><head><title>Archive</title></head><body><article>\n")
        written, n = 0, 0
        while written < size:
            chunk = "".join(_PARAGRAPH.format(n=n + i, k=(n + i) % 97) for i in range(1000))
            fh.write(chunk)
            written += len(chunk)
            n += 1000
        fh.write("</article></body></html>\n")
    return path


def deep_html(folder: Path, depth: int = 100_000) -> Path:
    """HTML nested ``depth`` elements deep, with a sentence at the bottom."""
    path = folder / "nested.html"
    path.write_text("<html><body>" + "<div>" * depth + REPORT + "</div>" * depth + "</body></html>",
                    encoding="utf-8")
    return path


def entity_bomb_feed(folder: Path) -> Path:
    """An RSS feed whose DTD expands one entity to 10^9 copies ("billion laughs")."""
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    path = folder / "feed.xml"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(levels) + "\n]>\n"
                    '<rss version="2.0"><channel><title>Bulletin &lol9;</title><link>http://127.0.0.1:9/</link>'
                    "<item><title>&lol9;</title><description>&lol9;</description></item>"
                    "</channel></rss>\n", encoding="utf-8")
    return path


def _bomb_zip(path: Path, members: dict[str, bytes], bomb: str, inflated: int) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():  # an .odt's "mimetype" comes first, uncompressed
            archive.writestr(name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else None)
        block = b"<w:t>" + b" " * (1 << 20) + b"</w:t>"
        with archive.open(bomb, "w", force_zip64=True) as fh:
            for _ in range(inflated // len(block)):
                fh.write(block)


def zip_bomb_docx(folder: Path, inflated: int = 1 << 30) -> Path:
    """A .docx whose document.xml inflates to ``inflated`` bytes (about 1 MB on disk)."""
    path = folder / "report.docx"
    _bomb_zip(path, {"[Content_Types].xml": b'<?xml version="1.0"?><Types/>'}, "word/document.xml", inflated)
    return path


def zip_bomb_odt(folder: Path, inflated: int = 1 << 30) -> Path:
    path = folder / "report.odt"
    _bomb_zip(path, {"mimetype": b"application/vnd.oasis.opendocument.text"}, "content.xml", inflated)
    return path


def many_pages_pdf(folder: Path, pages: int = 5000) -> Path:
    """A small PDF whose page tree lists ``pages`` pages, all the same page object."""
    content = b"BT /F1 12 Tf 72 720 Td (Troops detained 14 farmers on 3 March 2024.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, b" ".join([b"3 0 R"] * pages)),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path = folder / f"claims-{pages}-pages.pdf"
    path.write_bytes(out.getvalue())
    return path


def symlink_loop(folder: Path) -> Path:
    """A folder holding one report and a link back to itself."""
    top = folder / "inbox"
    (top / "week1").mkdir(parents=True)
    (top / "week1" / "note.txt").write_text(REPORT, encoding="utf-8")
    (top / "week1" / "again").symlink_to(top, target_is_directory=True)
    return top


def unreadable_file(folder: Path) -> Path:
    path = folder / "locked.txt"
    path.write_text(REPORT, encoding="utf-8")
    path.chmod(0)
    return path


def html_at_the_limit(folder: Path) -> Path:
    """The largest page html_max_bytes still lets through (10 MB): read, not refused."""
    return big_html(folder, size=9_500_000)  # the generator overshoots by up to one 0.2 MB chunk


def pdf_at_the_limit(folder: Path) -> Path:
    return many_pages_pdf(folder, pages=2000)


CASES = {
    "html-50MB": big_html,
    "html-9.5MB-read": html_at_the_limit,
    "html-nested-100000": deep_html,
    "rss-billion-laughs": entity_bomb_feed,
    "docx-zip-bomb": zip_bomb_docx,
    "odt-zip-bomb": zip_bomb_odt,
    "pdf-5000-pages": many_pages_pdf,
    "pdf-2000-pages-read": pdf_at_the_limit,
    "symlink-loop": symlink_loop,
    "unreadable-file": unreadable_file,
}


def run_ingest(inputs: list[Path], db: Path, *, extract: bool) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit code, output) of one `factfinder ingest` child process."""
    command = [sys.executable, "-m", "factfinder", "ingest", *map(str, inputs), "--db", str(db)]
    if not extract:
        command.append("--no-extract")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = proc.stdout.read().decode("utf-8", "replace")  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), output


def run_ingest_as_nobody(inputs: list[Path], db: Path) -> tuple[float, float, int, str]:
    """The same, for root: a forked child drops to "nobody" (root reads every file, a
    monitor's account would not). Python itself lives under /root, out of nobody's reach,
    so the child runs ingest once on the last input first (importing what it needs), and
    captures without extraction."""
    read, write = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        os.dup2(write, 1)
        os.dup2(write, 2)
        from factfinder.cli import main as cli

        scratch = tempfile.mkdtemp(prefix="factfinder-warm-")
        try:  # a first run imports every module ingest needs, while /root is still readable
            cli(["ingest", str(inputs[-1]), "--db", f"{scratch}/f.db", "--no-extract"], prog_name="factfinder")
        except SystemExit:
            pass
        shutil.rmtree(scratch, ignore_errors=True)
        os.setgid(65534)
        os.setuid(65534)
        try:
            cli(["ingest", *map(str, inputs), "--db", str(db), "--no-extract"], prog_name="factfinder")
        except SystemExit as exc:
            os._exit(exc.code if isinstance(exc.code, int) else 1)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        output = fh.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-extract", action="store_true", help="capture and text only (no spaCy)")
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), help="run only these cases")
    args = parser.parse_args()
    extract = not args.no_extract
    root = Path(tempfile.mkdtemp(prefix="factfinder-hostile-"))
    os.chmod(root, 0o755)
    nobody = os.geteuid() == 0  # root reads every file: run as "nobody", as a monitor's account would
    try:
        report = root / "zz-ordinary-report.txt"
        report.write_text(REPORT, encoding="utf-8")
        os.chmod(report, 0o644)
        rows = []
        base_db = root / "baseline" / "f.db"
        base_db.parent.mkdir()
        seconds, peak, code, output = run_ingest([report], base_db, extract=extract)
        rows.append(("baseline (one ordinary report)", seconds, peak, code, output.strip().splitlines()[0]))
        for name, make in CASES.items():
            if args.only and name not in args.only:
                continue
            folder = root / name
            folder.mkdir()
            target = make(folder)
            if name == "unreadable-file" and os.geteuid() == 0:
                os.chown(folder, 65534, 65534)
                seconds, peak, code, output = run_ingest_as_nobody([target, report], folder / "f.db")
            else:
                seconds, peak, code, output = run_ingest([target, report], folder / "f.db", extract=extract)
            lines = output.strip().splitlines()
            first = next((line for line in lines if line.startswith("FAILED")), lines[0] if lines else "")
            going_on = any(line.startswith(("stored", "present")) and report.name in line for line in lines)
            rows.append((name, seconds, peak, code, first + ("" if going_on else "  [BATCH STOPPED]")))
        print(f"{'case':<32} {'seconds':>8} {'peak MB':>8}  message")
        for name, seconds, peak, code, message in rows:
            print(f"{name:<32} {seconds:8.1f} {peak:8.0f}  {message[:160]}")
        over = [r[0] for r in rows[1:] if r[1] >= 60 or r[2] >= 1024]
        print("targets (< 60 s, < 1024 MB each): " + ("met" if not over else "MISSED by " + ", ".join(over)))
    finally:
        for path in root.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o700 if path.is_dir() else 0o600)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
