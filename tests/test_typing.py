"""`mypy --strict factfinder` under a ceiling that only goes down.

The count of errors is pinned in tests/mypy_ceiling.txt. A change may not add
errors (the test fails above the ceiling); a change that removes some lowers
the ceiling to the new count in the same commit, so the count is driven to 0
over time without a red run in between. The configuration is pyproject.toml's
``[tool.mypy]``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CEILING = ROOT / "tests" / "mypy_ceiling.txt"


def mypy_errors() -> tuple[int, str]:
    """The error count of ``mypy --strict factfinder`` and its output."""
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "factfinder"],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1) or "error: " in run.stderr:
        raise AssertionError(f"mypy did not run (exit {run.returncode}): {run.stderr or run.stdout}")
    return len(re.findall(r"^[^:\n]+:\d+: error: ", run.stdout, flags=re.M)), run.stdout


def test_ceiling_file_holds_one_count() -> None:
    assert re.fullmatch(r"\d+\n?", CEILING.read_text(encoding="utf-8")), f"{CEILING} must hold one whole number"


@pytest.mark.slow
def test_mypy_strict_errors_stay_under_the_ceiling() -> None:
    ceiling = int(CEILING.read_text(encoding="utf-8"))
    count, output = mypy_errors()
    assert count <= ceiling, (
        f"mypy --strict factfinder reports {count} errors, above the ceiling of {ceiling} "
        f"(tests/mypy_ceiling.txt): type the code you added.\n{output}")
    if count < ceiling:
        print(f"mypy --strict: {count} errors, under the ceiling of {ceiling}; "
              f"lower tests/mypy_ceiling.txt to {count}")
