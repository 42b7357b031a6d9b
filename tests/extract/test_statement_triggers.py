"""Reactions are statements: denials, rejections, alarm, calls and demands, warnings, welcomes, apologies."""

from __future__ import annotations

import pytest

from factfinder.extract.triggers import TriggerTable


@pytest.fixture(scope="module")
def table() -> TriggerTable:
    return TriggerTable.load()


def _types(table: TriggerTable, text: str) -> set[str]:
    return {h.type for h in table.find(text) if TriggerTable.applies(h, text, 0, len(text))}


@pytest.mark.parametrize("sentence", [
    "The ministry denied that its troops had entered the village.",
    "The embassy rejected the allegations as fabricated.",
    "The UN refugee agency said it was deeply alarmed by the expulsions.",
    "The rapporteur called for an independent investigation into the deaths.",
    "Their lawyers demanded the immediate release of the detainees.",
    "Observers warned that the decree could be used against journalists.",
    "Rights groups welcomed the ruling.",
    "The police chief apologised for the use of force.",
])
def test_reactions_are_statements(table: TriggerTable, sentence: str) -> None:
    assert "statement" in _types(table, sentence)


@pytest.mark.parametrize("sentence", [
    "The court rejected the application on procedural grounds.",
    "Farmers demanded higher prices for rice at the market.",
    "Residents called for taxis to leave the area.",
])
def test_ordinary_uses_of_the_same_verbs_are_not(table: TriggerTable, sentence: str) -> None:
    assert "statement" not in _types(table, sentence)
