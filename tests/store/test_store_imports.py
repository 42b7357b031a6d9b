"""The store is a plain sink and source: it imports no stage, and consolidation imports no store."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "factfinder"
STAGES = ("capture", "text", "extract", "geo", "dates", "consolidate", "pipeline", "web", "export", "evaluate", "cli")


def _imports(package: str) -> list[tuple[str, str]]:
    found = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.append((path.name, node.module))
            elif isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
    return found


@pytest.mark.parametrize("package,forbidden", [
    ("store", STAGES),
    ("consolidate", ("store", "web", "export", "pipeline", "cli")),
])
def test_package_imports_no_later_or_sibling_stage(package: str, forbidden: tuple[str, ...]) -> None:
    bad = [(name, module) for name, module in _imports(package)
           if any(module == f"factfinder.{s}" or module.startswith(f"factfinder.{s}.") for s in forbidden)]
    assert bad == [], f"factfinder/{package} imports {bad}"
