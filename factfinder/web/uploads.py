"""Uploaded files and submitted URLs, turned into inputs for ``ingest_inputs``.

Uploads are written under ``<db>.uploads/<time>-<random>/`` with a cleaned
file name (no folders, no dot-files), so the origin recorded for the capture
names a real file and nothing can be written outside that folder.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from factfinder.errors import UsageError

MAX_UPLOAD_BYTES = 100_000_000
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def clean_filename(name: str) -> str:
    """The last path part of an uploaded name, reduced to safe characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    cleaned = _UNSAFE.sub("_", base).lstrip("._")[:120]
    return cleaned or "upload"


def save_uploads(db: str, form: Any) -> tuple[list[str], dict[str, str]]:
    """(inputs for ingest_inputs, {saved path: the name the user gave})."""
    inputs: list[str] = []
    labels: dict[str, str] = {}
    for line in str(form.get("urls") or "").splitlines():
        url = line.strip()
        if not url:
            continue
        if not re.match(r"^https?://[^\s/]+", url):
            raise UsageError(f"{url[:100]!r} is not a web address: enter http:// or https:// URLs, one per line")
        inputs.append(url)
    files = [f for f in form.getlist("files") if hasattr(f, "filename") and f.filename]
    if not files:
        return inputs, labels
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    base = Path(db + ".uploads") if db != ":memory:" else Path("factfinder.uploads")
    folder = base / f"{stamp}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for upload in files:
        name = clean_filename(upload.filename)
        while name in used:
            name = "_" + name
        used.add(name)
        target = folder / name
        size = 0
        with target.open("wb") as out:
            while chunk := upload.file.read(1 << 20):
                size += len(chunk)
                if size > MAX_UPLOAD_BYTES:
                    out.close()
                    target.unlink()
                    raise UsageError(f"{upload.filename} is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB; "
                                     "ingest it from the command line with `factfinder ingest`")
                out.write(chunk)
        inputs.append(str(target.resolve()))
        labels[str(target.resolve())] = upload.filename
    return inputs, labels
