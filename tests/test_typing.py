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
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CEILING = ROOT / "tests" / "mypy_ceiling.txt"


ERROR_LINE = re.compile(r"^([^:\n]+):\d+: error: ", flags=re.M)


def mypy_errors() -> tuple[int, str]:
    """The error count of ``mypy --strict factfinder`` and its output."""
    run = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "factfinder"],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1) or "error: " in run.stderr:
        raise AssertionError(f"mypy did not run (exit {run.returncode}): {run.stderr or run.stdout}")
    return len(ERROR_LINE.findall(run.stdout)), run.stdout


def files_with_errors(output: str) -> str:
    """"path: N errors" per file, most first: where to look before reading mypy's lines."""
    counts = Counter(ERROR_LINE.findall(output))
    return "\n".join(f"  {path}: {n} error{'s' if n > 1 else ''}" for path, n in counts.most_common())


def test_files_with_errors_names_each_file_once() -> None:
    output = ("factfinder/a.py:3: error: Missing type arguments  [type-arg]\n"
              "factfinder/a.py:3: note: see here\n"
              "factfinder/b/c.py:10: error: Unused \"type: ignore\" comment  [unused-ignore]\n"
              "factfinder/a.py:9: error: Returning Any  [no-any-return]\n")
    assert files_with_errors(output) == "  factfinder/a.py: 2 errors\n  factfinder/b/c.py: 1 error"


def test_ceiling_file_holds_one_count() -> None:
    assert re.fullmatch(r"\d+\n?", CEILING.read_text(encoding="utf-8")), f"{CEILING} must hold one whole number"


@pytest.mark.slow
def test_mypy_strict_errors_stay_under_the_ceiling() -> None:
    ceiling = int(CEILING.read_text(encoding="utf-8"))
    count, output = mypy_errors()
    assert count <= ceiling, (
        f"mypy --strict factfinder reports {count} errors, above the ceiling of {ceiling} "
        f"(tests/mypy_ceiling.txt): type the code you added. The files that carry them:\n"
        f"{files_with_errors(output)}\n\n{output}")
    if count < ceiling:
        print(f"mypy --strict: {count} errors, under the ceiling of {ceiling}; "
              f"lower tests/mypy_ceiling.txt to {count}. The files that carry them:\n{files_with_errors(output)}")
