"""The README's promise: its two commands are Makefile targets that do what it says.

A new user runs `make demo` and `make test` and nothing else; CI runs `.ci/run`,
which may only call `make test` (so the two cannot drift apart either).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _targets(makefile: str) -> set[str]:
    return set(re.findall(r"^([A-Za-z][\w-]*):", makefile, flags=re.M))


def _quick_start_commands(readme: str) -> list[str]:
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    return [line.split("#", 1)[0].strip() for line in block.splitlines()[1:] if line.split("#", 1)[0].strip()]


def test_readme_quick_start_is_make_demo_and_make_test() -> None:
    commands = _quick_start_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert commands == ["make demo", "make test"]
    targets = _targets((ROOT / "Makefile").read_text(encoding="utf-8"))
    assert {"demo", "test"} <= targets


def test_make_test_installs_the_system_packages_the_tests_drive() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = re.search(r"^test:(.*)$", makefile, flags=re.M)
    assert test_rule and "system-deps" in test_rule.group(1)
    packages = re.search(r"^SYSTEM_PACKAGES :=(.*)$", makefile.replace("\\\n", " "), flags=re.M)
    assert packages and {"chromium", "poppler-utils", "tesseract-ocr"} <= set(packages.group(1).split())


def test_ci_only_calls_make_test() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert not any("apt-get" in c or "pip install" in c for c in commands), "install steps belong in make test"
    assert sum(c.startswith("make ") and " test" in c for c in commands) == 2  # with and without ../shared
