"""Fail when a test run skipped anything for a reason other than the absence of ../shared.

Usage: python tools/check_skips.py JUNIT_XML [--none]
A clone with nothing beside it may skip only the tests that need ../shared (seeds,
dev sets), all with the one reason that tests/conftest.py gives. With ``--none`` (the
checkout with ../shared beside it) no test may skip for that reason.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import NEEDS_SHARED  # noqa: E402


def skipped(junit: Path) -> list[tuple[str, str]]:
    """(test id, skip message) for every skipped test case in a JUnit XML report."""
    out = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        for skip in case.findall("skipped"):
            name = f"{case.get('classname')}::{case.get('name')}"
            message = skip.get("message") or ""
            out.append((name, message.removeprefix("Skipped: ")))
    return out


def main(argv: list[str]) -> int:
    junit, none = Path(argv[0]), "--none" in argv[1:]
    cases = skipped(junit)
    shared = [c for c in cases if c[1] == NEEDS_SHARED]
    other = [c for c in cases if c[1] != NEEDS_SHARED]
    bad = cases if none else other
    print(f"{len(cases)} skipped: {len(shared)} for want of ../shared, {len(other)} for other reasons")
    for name, message in bad:
        print(f"  not allowed here: {name}: {message}")
    return 1 if (shared and none) or other else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
