"""Docs that cannot drift: every built-in pipeline component is in docs/architecture.md with its contract."""

from __future__ import annotations

from pathlib import Path

from factfinder.components import RULES
from factfinder.registry import registry

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_rule_component_is_documented_with_what_it_reads_and_assigns() -> None:
    rows = {line.split("|")[1].strip(" `"): line for line in
            (DOCS / "architecture.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| `factfinder.")}
    for name in RULES:
        component = registry.get(name)
        assert name in rows, f"add {name} to the components table of docs/architecture.md"
        row = rows[name]
        assert f"| {component.stage} |" in row, f"{name}: the table gives another stage than {component.stage}"
        for field in component.reads:
            assert f"`{field}`" in row.split("|")[3], f"{name} reads {field}: say so in docs/architecture.md"
