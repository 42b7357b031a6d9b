"""Restrictions, humanitarian incidents and property destruction told in everyday wording;
a phrase listed under two types is decided by its sentence."""

from __future__ import annotations

import pytest

from factfinder.extract.triggers import TriggerTable


@pytest.fixture(scope="module")
def table() -> TriggerTable:
    return TriggerTable.load()


def _types(table: TriggerTable, text: str) -> set[str]:
    return {h.type for h in table.find(text) if TriggerTable.applies(h, text, 0, len(text))}


@pytest.mark.parametrize("sentence, expected", [
    ("The authorities cut mobile internet in three districts after the clashes.", "restriction"),
    ("Telegram and YouTube have been blocked since the vote.", "restriction"),
    ("Women were barred from universities in the capital.", "restriction"),
    ("The regulator suspended two independent radio stations.", "restriction"),
    ("Fuel and medicine in the besieged town are running out.", "humanitarian"),
    ("Aid convoys were turned back at the checkpoint for a third day.", "humanitarian"),
    ("The clinic has been without electricity for a week.", "humanitarian"),
    ("Soldiers set fire to dozens of houses in the village.", "property_destruction"),
    ("The only bridge into the valley was destroyed by shelling.", "property_destruction"),
    ("Militiamen set fire to a bus carrying traders.", "attack"),
    ("Telephone and internet services in the province have been cut for ten days.", "restriction"),
    ("The mission said a patrol of its peacekeepers came under fire near the airport.", "attack"),
    ("Troops repelled an assault by rebel fighters on the garrison.", "armed_clash"),
    ("The village was burned after a fighting with the local defence force.", "armed_clash"),
    ("More than two hundred families have left their farms since the fighting began.", "displacement"),
    ("Relatives say the men were picked up by soldiers and never seen again.", "disappearance"),
    ("The government said it was sending 900 more troops to the border province.", "other"),
    ("The government withdrew the fuel tax bill after a week of strikes.", "legislation"),
    ("The authorities hanged three opposition activists last summer.", "killing"),
    ("Police dispersed the rally and briefly held nine participants.", "arrest"),
    ("Security forces arrested dozens of people who had gathered without permission in the square.", "protest"),
    ("Police stopped the relatives from forming a human chain in front of the press club.", "restriction"),
    ("Detainees at the police station had been slapped and kicked during questioning.", "torture"),
    ("The authorities began using cameras in public places to identify women who did not wear the veil.",
     "surveillance"),
])
def test_everyday_wording_finds_the_type(table: TriggerTable, sentence: str, expected: str) -> None:
    assert expected in _types(table, sentence)


def test_one_phrase_two_types_the_sentence_decides(table: TriggerTable) -> None:
    assert _types(table, "The agency suspended aid deliveries to the north.") == {"humanitarian"}
    assert "restriction" in _types(table, "The ministry suspended the newspaper's licence.")
    assert "humanitarian" not in _types(table, "The ministry suspended the newspaper's licence.")
    # arson against buildings is property destruction, not an attack as well
    assert _types(table, "Soldiers set fire to dozens of houses.") == {"property_destruction"}


def test_hits_stay_leftmost_longest_and_exact(table: TriggerTable) -> None:
    text = "Troops set fire to homes; later they set fire to a car."
    hits = table.find(text)
    assert all(text[h.start:h.end].lower() == "set fire to" for h in hits)
    assert len({h.start for h in hits}) == 2
