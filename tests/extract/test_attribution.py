"""Attribution (who says so) and verification (what the source says about its own claim)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from factfinder.extract.attribution import find_attributions
from factfinder.extract.verification import verification_for
from factfinder.model import SOURCE_KINDS


def cited(text: str) -> list[tuple[str, str, str]]:
    found = find_attributions(text, 0, len(text))
    for att in found:
        assert text[att.span.start:att.span.end] == att.span.text
        assert att.kind in SOURCE_KINDS
    return [(a.source, a.kind, a.span.text) for a in found]


@pytest.mark.parametrize("text, expected", [
    ("Nearly a hundred residents were arrested, a local resident told RFA.",
     [("anonymous resident", "witness", "a local resident told"), ("RFA", "media", "told RFA")]),
    ("Residents said the troops fired heavy weapons at the villages.",
     [("residents", "witness", "Residents said")]),
    ("Documents linking the crackdown to the leadership were leaked, The Guardian reports.",
     [("The Guardian", "media", "The Guardian reports")]),
    ("Six protesters were detained, Radio Free Europe / Radio Liberty reports.",
     [("RFE/RL", "media", "Radio Free Europe / Radio Liberty reports")]),
    ("The official was elected to its executive committee, Interpol said on its website.",
     [("Interpol", "other", "Interpol said")]),
    ("According to UNHCR, 40,000 people crossed into Chad in a week.",
     [("UNHCR", "un", "According to UNHCR")]),
    ("The strike killed 12 civilians, according to Human Rights Watch.",
     [("Human Rights Watch", "ngo", "according to Human Rights Watch")]),
    ("The Arakan Army said it had captured the police post.",
     [("Arakan Army", "armed_group", "Arakan Army said")]),
    ("The Defence Ministry said in a statement that the drones were shot down.",
     [("ministry", "government", "Defence Ministry said")]),
    ("The convoy was hit near Goma, Reuters reported, citing two local officials.",
     [("Reuters", "media", "Reuters reported"), ("officials", "official", "citing two local officials")]),
])
def test_sources_and_kinds(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert cited(text) == expected


def test_an_organisation_the_lexicon_does_not_know_is_named_as_written() -> None:
    found = cited("Foro Penal, a Venezuelan rights group, said it had confirmed 1,010 arrests.")
    assert [(s, k) for s, k, _ in found] == [("Foro Penal", "ngo")]


def test_a_country_body_outranks_a_generic_one() -> None:
    found = cited("The Serbian interior ministry rejected the findings of the report.")
    assert [(s, k) for s, k, _ in found] == [("Serbian government", "government")]


def test_an_agent_is_not_a_source() -> None:
    assert cited("Three farmers were killed by the army near the border.") == []
    assert cited("Rights groups said the three farmers were killed by the army.") == [
        ("rights groups", "ngo", "Rights groups said")]


def test_a_title_before_a_name_keeps_the_body() -> None:
    found = cited("UN human rights chief Volker Türk said the law was a regressive step.")
    assert [(s, k) for s, k, _ in found] == [("OHCHR", "un")]


def test_an_anonymous_witness_stays_anonymous() -> None:
    text = ("A resident of the town, who did not want to be named for security reasons, told RFA that "
            "soldiers were stationed on the hill.")
    found = cited(text)
    assert found[0][:2] == ("anonymous resident", "witness")
    assert found[1][:2] == ("RFA", "media")


def test_a_named_person_is_never_the_source() -> None:
    text = "Ms. Laura Chen, Deputy Director of Human Rights Watch's Asia Division, responded to the report."
    assert [(s, k) for s, k, _ in cited(text)] == [("Human Rights Watch", "ngo")]
    text = "Colonel James Hartley, a spokesman, said the operation was over."
    found = cited(text)
    assert [(s, k) for s, k, _ in found] == [("named person", "official")]
    assert all("Hartley" not in source for source, _, _ in found)


def test_an_organisation_mentioned_without_a_reporting_verb_is_not_a_source() -> None:
    assert cited("Hikvision cameras were installed at Amnesty International's old office.") == []


def test_region_bounds_are_respected() -> None:
    text = "Residents said the bridge fell. The army shelled the market on Friday."
    second = text.index("The army")
    assert find_attributions(text, second, len(text)) == []
    assert [a.source for a in find_attributions(text, 0, second)] == ["residents"]


def test_statement_of_a_body_named_just_before() -> None:
    text = ("Figures come from the UN Office for the Coordination of Humanitarian Affairs (OCHA). "
            "According to a statement on 2 October, 813,500 people have fled.")
    assert [(s, k, t) for s, k, t in cited(text)] == [("UN OCHA", "un", "According to a statement")]


def test_seed_attributions(seed_radio_text: str, seed_people: list[str]) -> None:
    found = find_attributions(seed_radio_text, 0, len(seed_radio_text))
    pairs = {(a.source, a.kind) for a in found}
    assert ("RFA", "media") in pairs
    assert ("anonymous resident", "witness") in pairs
    assert ("residents", "witness") in pairs
    assert ("Myanmar military", "official") in pairs
    assert ("Arakan Army", "armed_group") in pairs
    assert any(a.span.text == "told RFA" for a in found)
    assert seed_people and not any(person in a.source for a in found for person in seed_people)


# --- verification ----------------------------------------------------------------


@dataclass(frozen=True)
class Chars:
    """A stand-in for a sentence span: offsets into the text."""

    start_char: int
    end_char: int


def status(text: str, claim: str, context: str | None = None) -> str:
    start = text.index(claim)
    sentence = Chars(start, start + len(claim))
    ctx = None
    if context is not None:
        ctx = Chars(start, text.index(context) + len(context))
    return verification_for(text, sentence, context=ctx)


@pytest.mark.parametrize("claim, expected", [
    ("At least 15 civilians were said to have been killed, but RFA could not independently confirm this.",
     "unconfirmed"),
    ("The toll could not be independently verified.", "unconfirmed"),
    ("Reuters has not been able to verify the footage of the strike.", "unconfirmed"),
    ("The Taliban claimed responsibility for the bombing in Kabul.", "alleged"),
    ("The army said it killed 20 militants in the operation.", "alleged"),
    ("AA has accused the military council of killing civilians in the town.", "alleged"),
    ("The ministry denied that any civilians had been detained.", "disputed"),
    ("Police rejected the claims that protesters were beaten.", "disputed"),
    ("Residents said soldiers burned 30 houses in the village.", "reported"),
    ("Detainees were denied access to lawyers, relatives said.", "reported"),
])
def test_verification_of_one_sentence(claim: str, expected: str) -> None:
    assert status(claim, claim) == expected


def test_an_independent_source_beside_a_party_keeps_the_claim_reported() -> None:
    claim = "The army said it killed 20 militants, but residents said most of the dead were farmers."
    assert status(claim, claim) == "reported"


def test_a_following_sentence_that_refers_back_makes_the_claim_unconfirmed() -> None:
    claim = "Villagers said militia fighters killed eight herders near the river."
    follow = "RFA could not independently confirm this."
    text = f"{claim} {follow}"
    assert status(text, claim, follow) == "unconfirmed"
    assert status(text, claim) == "reported"


def test_a_following_sentence_with_its_own_claim_does_not_spread() -> None:
    claim = "Troops have been arresting civilians since Friday."
    follow = "Aid groups said at least 15 people were killed during the battle, but RFA could not confirm this."
    text = f"{claim} {follow}"
    assert status(text, claim, follow) == "reported"


def test_a_denial_in_the_next_sentence_disputes_the_claim() -> None:
    claim = "Activists said 40 protesters were shot dead in the square."
    follow = "The government denied the reports."
    assert status(f"{claim} {follow}", claim, follow) == "disputed"


def test_seed_verification(seed_radio_text: str) -> None:
    text = seed_radio_text
    claim_start = text.index("AA has accused the military council")
    claim_end = text.index("\n", claim_start)
    assert verification_for(text, Chars(claim_start, claim_end)) == "unconfirmed"
    start = text.index("Some of the social aid groups")
    end = text.index("confirm this.", start) + len("confirm this.")
    assert verification_for(text, Chars(start, end)) == "unconfirmed"
