"""Shared fixtures for the whole suite (one root conftest, as STYLE.md asks)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
DEVSETS = ROOT.parent / "shared" / "devsets"
SEED_DIGEST = SEEDS / "000_656a7e7306c346d4.txt"
SEED_RADIO = SEEDS / "004_13c09bdc84f4c2bd.txt"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def seed_digest_text(seeds_dir: Path) -> str:
    return SEED_DIGEST.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_radio_text(seeds_dir: Path) -> str:
    return SEED_RADIO.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole session."""
    from factfinder.extract.nlp import load_nlp

    return load_nlp()
