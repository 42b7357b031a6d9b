"""Docs that cannot drift: every CLI command and every long option is in docs/cli.md."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import click

from factfinder.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def _commands(cmd: click.Command, path: list[str]) -> Iterator[tuple[str, click.Command]]:
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, [*path, name])
    else:
        yield " ".join(path), cmd


def test_every_command_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name, _ in _commands(main, []) if f"`factfinder {name}" not in text
               and f"`{name}" not in text]
    assert not missing, f"commands missing from docs/cli.md: {missing}"


def test_every_long_option_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = sorted({f"{name}: {opt}" for name, cmd in _commands(main, []) for p in cmd.params
                      if isinstance(p, click.Option) for opt in p.opts if opt.startswith("--") and opt not in text})
    assert not missing, f"options missing from docs/cli.md: {missing}"
