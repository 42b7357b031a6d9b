"""Shared fixtures for the whole suite (one root conftest, as STYLE.md asks)."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DEVSETS = SHARED / "devsets"
TRAINING = SHARED / "training"
# The one reason every test that truly needs ../shared skips with, so that a plain
# clone's run can be checked: .ci/run fails if it skips anything for another reason.
NEEDS_SHARED = "needs ../shared (seeds, dev sets) beside the checkout; a plain clone has none"
SEED_DIGEST = SEEDS / "000_656a7e7306c346d4.txt"
SEED_RADIO = SEEDS / "004_13c09bdc84f4c2bd.txt"


def require_shared(path: Path) -> Path:
    """``path`` under ../shared, or skip the calling test with the one shared reason."""
    if not path.exists():
        pytest.skip(NEEDS_SHARED)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return require_shared(SEEDS)


@pytest.fixture(scope="session")
def devsets_dir() -> Path:
    return require_shared(DEVSETS)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The example reports written for the project (they ship with every clone)."""
    return EXAMPLES


@pytest.fixture(scope="session")
def seed_digest_text(seeds_dir: Path) -> str:
    return SEED_DIGEST.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_radio_text(seeds_dir: Path) -> str:
    return SEED_RADIO.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_people(seed_radio_text: str) -> list[str]:
    """The people the radio seed names after a title or honorific ("Maj. Gen.", "Ms.", the Burmese
    "U" and "Ko"), read from the seed so that no test copies a name: none may be an actor or a source."""
    titled = r"(?:Maj\. Gen\.|Ms\.|Mr\.|\bU|\bKo) ((?!Township\b)[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    return sorted(set(re.findall(titled, seed_radio_text)))


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole session."""
    from factfinder.extract.nlp import load_nlp

    return load_nlp()
