"""Old gazetteers left in the user cache by earlier factfinder versions.

Every schema change builds a new ``gazetteer-N.sqlite`` (100-160 MB) with its saved taggers
(about 60 MB) beside the old ones, which nothing reads again: after a few upgrades the cache
held more than a gigabyte of dead files. Building the default gazetteer removes the files of
older schemas from its own directory, never a newer schema's (another installed factfinder may
still read it) and never a file that is not factfinder's.
"""

from __future__ import annotations

import re
from pathlib import Path

_GAZETTEER_FILE = re.compile(r"gazetteer-(\d+)\.(?:sqlite|tagger-[\w-]+\.pickle|scripts[\w-]*\.pickle|"
                             r"tagger-[\w-]+\.\d+\.tmp|scripts[\w-]*\.\d+\.tmp)")


def older_schema_files(directory: Path, schema: str) -> list[Path]:
    """The gazetteer files (databases, saved taggers, their half-written temporaries) in
    ``directory`` whose schema number is below ``schema``, in name order."""
    current = int(schema)
    found = []
    for path in sorted(directory.glob("gazetteer-*")):
        match = _GAZETTEER_FILE.fullmatch(path.name)
        if match and int(match.group(1)) < current and path.is_file():
            found.append(path)
    return found


def remove_older_schemas(directory: Path, schema: str) -> int:
    """Delete the older schemas' files in ``directory``; the bytes freed. A file that cannot be
    removed (read-only cache, another process) is left: it only costs disk."""
    freed = 0
    for path in older_schema_files(directory, schema):
        try:
            size = path.stat().st_size
            path.unlink()
        except OSError:
            continue
        freed += size
    return freed
