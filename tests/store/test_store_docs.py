"""Docs that cannot drift: every option of ingest, status and verify is in docs/store.md."""

from __future__ import annotations

from pathlib import Path

import click

from factfinder.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def test_store_commands_and_options_are_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in ("ingest", "status", "verify"):
        command = main.commands[name]
        assert f"factfinder {name}" in text, name
        for param in command.params:
            if isinstance(param, click.Option):
                for opt in param.opts:
                    if opt.startswith("--"):
                        assert opt in text, f"{name} {opt} is not in docs/store.md"
