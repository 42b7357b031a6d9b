"""A fixture and a helper shared by the trigger-row tests: the loaded table and the types it finds."""

from __future__ import annotations

import pytest

from factfinder.extract.triggers import TriggerTable


@pytest.fixture(scope="module")
def table() -> TriggerTable:
    return TriggerTable.load()


def row_types(table: TriggerTable, text: str) -> set[str]:
    """The types of the rows that match ``text`` (one sentence) and whose context condition holds."""
    return {h.type for h in table.find(text) if TriggerTable.applies(h, text, 0, len(text))}
