"""Actors: canonical names from the alias file, acronym gating, no persons; roles from the parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from factfinder.errors import FactfinderError
from factfinder.extract.actors import ActorMatcher, default_matcher
from factfinder.extract.roles import actor_roles


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return default_matcher()


def names(matcher: ActorMatcher, text: str) -> list[tuple[str, str]]:
    return [(a.name, a.span.text) for a in matcher.find(text)]


@pytest.mark.parametrize("alias", [
    "military council troops", "Military Council", "junta soldiers", "the Myanmar army", "Tatmadaw",
    "military council army", "military council forces",
])
def test_myanmar_military_aliases(matcher: ActorMatcher, alias: str) -> None:
    text = f"Witnesses said {alias} entered the village at dawn."
    assert names(matcher, text) == [("Myanmar military", alias)]


def test_longest_match_wins(matcher: ActorMatcher) -> None:
    found = names(matcher, "Fighting between the People's Defense Joint Force and Afghan National Police.")
    assert found == [("People's Defence Force", "People's Defense Joint Force"),
                     ("Afghan National Police", "Afghan National Police")]


def test_offsets_are_exact_and_absolute(matcher: ActorMatcher) -> None:
    text = "Preamble. Hamas fighters fired rockets; the Israel Defense Forces responded."
    start = text.index("Hamas")
    for actor in matcher.find(text, start):
        assert text[actor.span.start:actor.span.end] == actor.span.text
    assert [a.name for a in matcher.find(text, start)] == ["Hamas", "Israel Defense Forces"]


def test_short_acronyms_need_a_definition_or_a_same_country_actor(matcher: ActorMatcher) -> None:
    assert names(matcher, "The AA meeting will discuss sobriety and PDF files.") == []
    defined = "The Rakhine Army (AA) seized a police post. AA fighters then withdrew."
    assert [n for n, _ in names(matcher, defined)] == ["Arakan Army", "Arakan Army", "Arakan Army"]
    context = "Junta soldiers shelled the town after PDF fighters ambushed a convoy."
    assert names(matcher, context) == [("Myanmar military", "Junta soldiers"), ("People's Defence Force", "PDF")]


def test_acronyms_match_their_case_and_proper_names_their_capital(matcher: ActorMatcher) -> None:
    assert names(matcher, "Who knows whether the amnesty will hold?") == []
    assert names(matcher, "Amnesty International said the WHO report was late.") == [
        ("Amnesty International", "Amnesty International"), ("World Health Organization", "WHO")]


def test_a_country_is_a_state_actor_only_when_it_acts(matcher: ActorMatcher) -> None:
    assert names(matcher, "Beijing denied the report.") == [("Chinese government", "Beijing")]
    assert names(matcher, "Identity cards are used everywhere in China.") == []
    assert names(matcher, "A database in Urumqi, China was exposed.") == []
    assert names(matcher, "A bill to boycott the Beijing Olympics was tabled.") == []


def test_police_take_the_country_the_text_states(matcher: ActorMatcher) -> None:
    found = names(matcher, "Police in Almaty in Kazakhstan have detained six protesters.")
    assert found[0] == ("Kazakhstan police", "Police")
    assert names(matcher, "Riot police dispersed the crowd.") == [("police", "Riot police")]
    assert names(matcher, "They took over the police station.") == []


def test_affected_groups_are_named_as_the_source_names_them(matcher: ActorMatcher) -> None:
    text = "Uighur Muslims, war refugees and local residents were among those targeted, as were journalists."
    assert [n for n, _ in names(matcher, text)] == ["Uyghurs", "refugees", "civilians", "journalists"]


def test_a_label_a_speaker_gives_names_no_actor(matcher: ActorMatcher) -> None:
    """ "labelled as terrorists", "branded them criminals": the speaker's label, not an armed party the
    report names; the generic word still names one where the report uses it itself."""
    assert [n for n, _ in names(matcher, "Union leaders were labelled as terrorists and jailed.")] \
        == ["trade unionists"]
    assert "gunmen" not in [n for n, _ in names(matcher, "The minister branded them terrorists on television.")]
    assert "gunmen" in [n for n, _ in names(matcher, "Terrorists attacked the convoy near the border.")]
    assert "gunmen" in [n for n, _ in names(matcher, "The police described the gunmen as foreigners.")]


def test_mercenaries_are_an_armed_group_and_a_military_company_no_army(matcher: ActorMatcher) -> None:
    found = names(matcher, "Mercenaries of a private military company guarded the mine.")
    assert [n for n, _ in found] == ["mercenaries"]
    assert [t for _, t in names(matcher, "The army bought new military equipment.")] == ["The army"]


def test_people_are_never_actors(matcher: ActorMatcher) -> None:
    text = ("Maj. Gen. Kyaw Naing Oo, the military council spokesman, said Mr. Li Jianguo and "
            "Ms. Laura Chen met U Tin Maung Soe.")
    found = matcher.find(text)
    assert [a.name for a in found] == ["Myanmar military"]
    for row in default_matcher().entries:
        assert not row.alias.startswith(("Mr.", "Ms.", "Mrs.", "Dr."))


def test_a_missing_alias_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FactfinderError, match="actor alias file"):
        ActorMatcher.load(tmp_path / "nope.csv")


def test_a_custom_alias_file_is_used(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("# test file\ncanonical,alias,kind,country,source\n"
                    "Northern Brigade,the Northern Brigade,armed_group,XX,test\n", encoding="utf-8")
    found = ActorMatcher.load(path).find("Yesterday the Northern Brigade shelled the port.")
    assert [(a.name, a.kind) for a in found] == [("Northern Brigade", "armed_group")]


def test_seed_actors(seed_radio_text: str, seed_people: list[str], matcher: ActorMatcher) -> None:
    found = {(a.name, a.span.text) for a in matcher.find(seed_radio_text)}
    assert ("Myanmar military", "military council troops") in found
    assert ("Arakan Army", "AA") in found
    assert ("Hikvision", "Hikvision") in found
    assert ("Assistance Association for Political Prisoners", "AAPP") in found
    assert seed_people and not any(person in text for _, text in found for person in seed_people)


# --- roles ---------------------------------------------------------------------


def roles(nlp, matcher: ActorMatcher, text: str, trigger: str) -> tuple[list[str], list[str]]:
    doc = nlp(text)
    sent = next(iter(doc.sents))
    token = next(t for t in sent if t.text == trigger)
    perps, targets = actor_roles(sent, token, matcher.find(text))
    return [a.name for a in perps], [a.name for a in targets]


@pytest.mark.slow
@pytest.mark.parametrize("text, trigger, perpetrators, targets", [
    ("Military council troops arrested nearly a hundred local residents in Pauktaw.", "arrested",
     ["Myanmar military"], ["civilians"]),
    ("Dozens of protesters were detained by riot police outside the parliament.", "detained",
     ["police"], ["protesters"]),
    ("The Taliban killed two aid workers in Kunduz on Monday.", "killed", ["Taliban"], ["aid workers"]),
    # the people a participle of harm says were hurt suffered the shelling (issue 21 item 7)
    ("Russian forces shelled a hospital in Kharkiv, wounding several health workers.", "shelled",
     ["Russian armed forces"], ["health workers"]),
    ("At least 15 civilians were killed in the attack.", "killed", [], ["civilians"]),
])
def test_roles_from_the_parse(nlp, matcher: ActorMatcher, text: str, trigger: str,
                              perpetrators: list[str], targets: list[str]) -> None:
    assert roles(nlp, matcher, text, trigger) == (perpetrators, targets)


@pytest.mark.slow
def test_roles_stay_inside_the_trigger_clause(nlp, matcher: ActorMatcher) -> None:
    text = "Al-Shabaab fighters attacked the base, and later the army arrested twelve students in Mogadishu."
    # the report's only national actor is Somali, so "the army" is Somalia's
    assert roles(nlp, matcher, text, "arrested") == (["Somali National Army"], ["students"])
    assert roles(nlp, matcher, text, "attacked") == (["al-Shabaab"], [])


@pytest.mark.parametrize("text, name", [
    ("Serbian police detained the organisers.", "Serbian police"),
    ("The Thai authorities banned the rally.", "Thai government"),
    ("The government of Nicaragua closed the university.", "Nicaraguan government"),
    ("Israeli troops raided the camp at night.", "Israel Defense Forces"),
])
def test_state_bodies_of_every_country_are_generated(matcher: ActorMatcher, text: str, name: str) -> None:
    assert [a.name for a in matcher.find(text)][0] == name


@pytest.mark.parametrize("text, name, kind", [
    ("The governor\u2019s office had banned the march the day before.", "authorities", "government"),
    ("The interior ministry detained the two editors.", "authorities", "government"),
    ("Intelligence services held the student for a week.", "security forces", "state_force"),
    ("The state security service summoned the lawyer.", "security forces", "state_force"),
    ("Agents of the Department of State Services arrested the publisher.", "Nigeria security forces", "state_force"),
    ("The FBI arrested the suspect at an airport.", "US police", "state_force"),
    ("Herdsmen drove their cattle across the plots at dawn.", "herders", "group"),
])
def test_state_bodies_and_groups_the_alias_table_knows(matcher: ActorMatcher, text: str, name: str,
                                                        kind: str) -> None:
    """State bodies a report names by their office ("the governor\u2019s office", curly apostrophe and
    all) are the state, whose class a monitor codes; herdsmen are an affected group, non-state."""
    assert [(a.name, a.kind) for a in matcher.find(text)][0] == (name, kind)


@pytest.mark.parametrize("text, name", [
    # a legislature by that name, and a head of state's guard, take the country of the report's heading
    ("CUBA\n\nIn June, the National Assembly passed a law on associations.", "National Assembly of Cuba"),
    ("ALBANIA\n\nTwo officers of the Republican Guard went on trial.", "Albanian Republican Guard"),
    # where the guard is a unit of the army, it is the army
    ("DEMOCRATIC REPUBLIC OF THE CONGO\n\nSoldiers of the Republican Guard fired on a crowd.",
     "Congolese armed forces"),
])
def test_generic_bodies_take_the_heading_country(matcher: ActorMatcher, text: str, name: str) -> None:
    assert [a.name for a in matcher.find(text) if a.kind != "group"][-1] == name


def test_the_authorities_are_the_armed_group_the_text_calls_officials(matcher: ActorMatcher) -> None:
    """A de facto government, as the text tells it: "Taliban officials" make "the authorities" the Taliban."""
    ruled = ("AFGHANISTAN\n\nIn May, Taliban officials closed two girls' schools in Herat. In June, the "
             "authorities banned music at weddings.")
    assert [a.name for a in matcher.find(ruled) if a.kind != "group"] == ["Taliban", "Taliban"]
    fought = ("AFGHANISTAN\n\nIn May, Taliban fighters attacked a checkpoint in Herat. In June, the "
              "authorities banned music at weddings.")
    assert [a.name for a in matcher.find(fought) if a.kind != "group"] == ["Taliban", "Afghan government"]


def test_generic_forces_take_the_country_of_the_report(matcher: ActorMatcher) -> None:
    text = ("Military council troops burned the village on Monday. Three months ago soldiers arrested "
            "seven men there, and junta forces returned last week.")
    assert [a.name for a in matcher.find(text)][:2] == ["Myanmar military", "Myanmar military"]
    mixed = "Soldiers fired on the crowd. Russian officials and Chinese officials met in Geneva."
    assert matcher.find(mixed)[0].name == "military"


def test_a_country_that_acts_is_its_government(matcher: ActorMatcher) -> None:
    found = matcher.find("Thailand deported 40 men to China, and the United States condemned it.")
    assert [a.name for a in found if a.kind != "group"] == ["Thai government", "United States government"]
    assert matcher.find("He has lived in the United States since 2019.") == []
