"""Trigger rows for transnational repression, designations and bodies' seats (issue 21, own gold).

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from factfinder.extract.triggers import TriggerTable


@pytest.fixture(scope="module")
def table() -> TriggerTable:
    return TriggerTable.load()


def _types(table: TriggerTable, text: str) -> set[str]:
    return {h.type for h in table.find(text) if TriggerTable.applies(h, text, 0, len(text))}


@pytest.mark.parametrize("sentence, kind", [
    ("A court in Managua stripped 40 exiled journalists of their citizenship.", "transnational_repression"),
    ("The authorities forced the airliner to land in the capital and detained a blogger on board.",
     "transnational_repression"),
    ("Police issued arrest warrants for six activists living in Canada.", "transnational_repression"),
    ("Police offered bounties for information on dissidents abroad.", "transnational_repression"),
    ("The court declared the 30 critics traitors to the homeland.", "designation"),
    ("The security ministry said it had dismantled a spy network run from abroad among the aid workers.",
     "designation"),
    ("Prosecutors said the detained students would be tried on terrorism charges.", "designation"),
    ("The three bloggers are accused of incitement to secession.", "designation"),
    ("The country failed to win a seat on the council in the vote.", "other"),
    # people driven out: migrants expelled to the border, families evicted from their homes
    ("In May, border guards expelled 300 migrants to the desert near the frontier.", "displacement"),
    ("Dozens of families were evicted from their homes to make way for the dam.", "displacement"),
])
def test_rows_find_their_type(table: TriggerTable, sentence: str, kind: str) -> None:
    assert kind in _types(table, sentence)


@pytest.mark.parametrize("sentence", [
    "Police issued an arrest warrant for the suspect in the robbery.",  # a warrant at home: no repression
    "The president declared a state of emergency in the province.",  # no branding
    "The novel follows a spy network in wartime Lisbon.",  # no state uncovered it
    "The club expelled two members for unpaid fees.",  # no people driven from a place
])
def test_ordinary_uses_are_not_repression_or_designation(table: TriggerTable, sentence: str) -> None:
    assert not _types(table, sentence) & {"transnational_repression", "designation", "displacement"}
