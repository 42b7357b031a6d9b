"""Issue 21 item 6: acts only a state does, told without their agent, and what a protest is against.

"Three men were sentenced to death", "over 500 people were detained": reports leave out the agent
the act implies, and event coders (and the project's gold) code the state body of the report's
country. Every sentence is written for the project; none is copied from a dev set.
"""

from __future__ import annotations

import pytest

from factfinder.extract.actors import default_matcher
from factfinder.extract.suspects import SUSPECTS


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _by_type(pipeline, text: str) -> dict[str, list]:
    from factfinder.text import document_from_text

    found: dict[str, list] = {}
    for incident in pipeline.extract(document_from_text(text, published="2024-01-15")).incidents:
        found.setdefault(incident.type, []).append(incident)
    return found


def _names(actors) -> list[tuple[str, str | None]]:
    return [(a.name, a.kind) for a in actors]


@pytest.mark.slow
def test_an_agentless_sentence_is_the_courts_of_the_heading_country(pipeline) -> None:
    text = "BELARUS\n\nIn May, a trade union leader was sentenced to four years in prison for organising a strike.\n"
    trial = _by_type(pipeline, text)["legal_proceeding"][0]
    assert _names(trial.perpetrators) == [("Belarusian courts", "government")]
    # the implied body's span is the word that implies it
    assert trial.perpetrators[0].span.text in trial.summary


@pytest.mark.slow
def test_an_agentless_detention_is_the_state_s_security_forces(pipeline) -> None:
    text = "UZBEKISTAN\n\nMore than 200 people were detained in Nukus in July after the demonstrations.\n"
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert _names(arrest.perpetrators) == [("Uzbek security forces", "state_force")]


@pytest.mark.slow
def test_an_extrajudicial_or_drug_war_killing_is_the_state_s_security_forces(pipeline) -> None:
    """An extrajudicial killing is by definition one by a state's agents; a killing told without
    that word, or with a private agent named, implies no one."""
    text = "PHILIPPINES\n\nRights groups counted a sharp rise in drug war killings in the provinces in 2020.\n"
    killing = _by_type(pipeline, text)["killing"][0]
    assert _names(killing.perpetrators) == [("Philippine security forces", "state_force")]
    text = "BANGLADESH\n\nRights groups condemned the extrajudicial killing of two students in Dhaka in May.\n"
    killing = _by_type(pipeline, text)["killing"][0]
    assert _names(killing.perpetrators) == [("Bangladeshi security forces", "state_force")]
    text = "PHILIPPINES\n\nRights groups counted a sharp rise in killings in the provinces in 2020.\n"
    assert not _by_type(pipeline, text)["killing"][0].perpetrators


@pytest.mark.slow
def test_a_detention_a_court_makes_a_force_pay_for_is_that_force_s(pipeline) -> None:
    """The force a court holds liable is the agent; a force a later sentence names did other acts."""
    text = ("KENYA\n\nIn May, a court in Nairobi ordered the police to pay damages to a student who had been "
            "detained for 20 days without charge. In March, soldiers fired on a crowd in Garissa.\n")
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert _names(arrest.perpetrators) == [("Kenyan police", "state_force")]


@pytest.mark.slow
def test_an_agentless_detention_without_a_country_is_still_a_state_actor(pipeline) -> None:
    """HRDsAttack reads the state / non-state class from the kind: a generic name keeps it."""
    text = "The editor of a local weekly was arrested at his home on Tuesday night, his colleagues said."
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert [a.kind for a in arrest.perpetrators] == ["state_force"]


@pytest.mark.slow
def test_a_kidnapping_implies_no_state_agent(pipeline) -> None:
    text = "NIGERIA\n\nIn March, eleven pupils were kidnapped from their school and held for ransom for two weeks.\n"
    arrests = _by_type(pipeline, text)["arrest"]
    assert arrests and all(a.kind not in ("state_force", "government") for i in arrests for a in i.perpetrators)


@pytest.mark.slow
def test_ill_treatment_in_prison_is_the_prison_authorities(pipeline) -> None:
    text = "AZERBAIJAN\n\nIn June, an imprisoned blogger was beaten and held in solitary confinement in Prison No. 14.\n"
    torture = _by_type(pipeline, text)["torture"][0]
    assert _names(torture.perpetrators) == [("Azerbaijani prison authorities", "state_force")]


@pytest.mark.slow
@pytest.mark.parametrize("text, body", [
    # beaten in police stations: the police; tortured to confess or before trial: the security forces
    ("SERBIA\n\nDetainees said they were beaten with batons in police stations in Belgrade.\n", "Serbian police"),
    ("SERBIA\n\nA student said he was beaten to make him confess to arson.\n", "Serbian security forces"),
    ("SERBIA\n\nTwo men said they were subjected to torture during the pre-trial investigation.\n",
     "Serbian security forces"),
])
def test_ill_treatment_in_custody_implies_the_body_that_holds_them(pipeline, text: str, body: str) -> None:
    torture = _by_type(pipeline, text)["torture"][0]
    assert [a.name for a in torture.perpetrators] == [body]


@pytest.mark.slow
def test_a_named_agent_is_kept_over_the_implied_one(pipeline) -> None:
    text = "PAKISTAN\n\nIn August, gunmen abducted a journalist in Karachi and released him three days later.\n"
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert [a.name for a in arrest.perpetrators] == ["gunmen"]


@pytest.mark.slow
def test_a_protest_is_against_the_government_of_the_report(pipeline) -> None:
    text = "SERBIA\n\nIn December, thousands of students protested in Belgrade against the conduct of the elections.\n"
    protest = _by_type(pipeline, text)["protest"][0]
    assert _names(protest.targets) == [("Serbian government", "government")]


@pytest.mark.slow
def test_a_hunger_strike_in_prison_is_against_the_prison_authorities(pipeline) -> None:
    text = "BAHRAIN\n\nIn March, about 40 prisoners in a central prison went on hunger strike over the lack of visits.\n"
    protest = _by_type(pipeline, text)["protest"][0]
    assert [a.name for a in protest.targets] == ["Bahraini prison authorities"]


@pytest.mark.slow
def test_a_protest_without_a_country_gets_no_invented_target(pipeline) -> None:
    text = "Hundreds of nurses protested outside the hospital on Monday over unpaid wages."
    protests = _by_type(pipeline, text)["protest"]
    assert protests and all(p.targets == () for p in protests)


@pytest.mark.slow
def test_a_hunger_strike_in_detention_is_staged_by_the_prisoners(pipeline) -> None:
    text = "GEORGIA\n\nIn May, a journalist held in a pre-trial detention centre in Batumi went on hunger strike for 20 days.\n"
    protest = _by_type(pipeline, text)["protest"][0]
    assert [a.name for a in protest.perpetrators] == ["prisoners"]
    assert [a.name for a in protest.targets] == ["Georgian prison authorities"]


@pytest.mark.slow
def test_residents_who_protest_are_protesters(pipeline) -> None:
    text = "CUBA\n\nIn July, residents protested in several towns against power cuts.\n"
    protest = _by_type(pipeline, text)["protest"][0]
    assert [a.name for a in protest.perpetrators] == ["protesters"]


@pytest.mark.slow
def test_ill_treatment_in_custody_with_no_victim_named_is_of_the_prisoners(pipeline) -> None:
    text = "EGYPT\n\nIn March, a rights group said that beatings in custody had become routine.\n"
    torture = _by_type(pipeline, text)["torture"][0]
    assert [(a.name, a.span.text) for a in torture.targets] == [("prisoners", "in custody")]
    assert [a.name for a in torture.perpetrators] == ["Egyptian security forces"]


@pytest.mark.slow
def test_abuses_told_together_share_their_agent(pipeline) -> None:
    text = ("For a decade, dozens of farm workers were abducted, held for months, tortured and killed in custody "
            "by paramilitary forces and soldiers, their families said.")
    found = _by_type(pipeline, text)
    assert found["killing"][0].perpetrators
    agents = {a.name for a in found["killing"][0].perpetrators}
    for kind in ("arrest", "torture"):
        assert {a.name for a in found[kind][0].perpetrators} == agents


@pytest.mark.slow
def test_police_arresting_a_suspect_are_not_the_killers(pipeline) -> None:
    text = "Police arrested two men on Friday over the killing of a radio presenter in March."
    found = _by_type(pipeline, text)
    # the arrest of suspects is the investigation of the killing (extract/suspects.py), by the police
    assert "arrest" not in found
    assert [a.name for a in found["legal_proceeding"][0].perpetrators] == ["police"]
    assert all(a.name != "police" for i in found.get("killing", []) for a in i.perpetrators)


@pytest.mark.slow
def test_the_act_a_trial_is_about_implies_no_state_agent(pipeline) -> None:
    text = "RWANDA\n\nIn May, a farm manager was sentenced to ten years in prison for the torture of two workers.\n"
    found = _by_type(pipeline, text)
    assert found["torture"] and all(a.kind not in ("state_force", "government")
                                    for i in found["torture"] for a in i.perpetrators)
    trial = found["legal_proceeding"][0]
    assert [a.name for a in trial.perpetrators] == ["Rwandan courts"]


@pytest.mark.slow
def test_people_detained_at_a_protest_are_protesters(pipeline) -> None:
    text = "GEORGIA\n\nPolice detained dozens of people in Tbilisi during protests against the new law.\n"
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert [a.name for a in arrest.targets] == ["protesters"]


@pytest.mark.slow
def test_people_detained_in_the_month_of_march_are_not_protesters(pipeline) -> None:
    text = "Police detained three men in Kano in March after a shop was looted, residents said.\n"
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert "protesters" not in [a.name for a in arrest.targets]


@pytest.mark.slow
def test_aid_blocked_with_no_one_named_is_against_civilians(pipeline) -> None:
    text = "Aid convoys have been unable to reach the besieged town for three weeks, a UN agency said."
    found = _by_type(pipeline, text)
    assert found["humanitarian"] and [a.name for a in found["humanitarian"][0].targets] == ["civilians"]


# Crime reports: the arrest or charge of a suspect is the investigation of an abuse, not an abuse
# by the police; the suspects are the abuse's non-state agents (extract/suspects.py).

@pytest.mark.slow
def test_an_arrest_over_a_killing_is_its_investigation_and_the_suspects_killed(pipeline) -> None:
    text = ("LAGOS (Wire) - Police have detained four men over the killing of a radio journalist in a "
            "drive-by shooting last month, a spokesman said on Friday.\n")
    found = _by_type(pipeline, text)
    assert "arrest" not in found  # not a rights-violating arrest by the police
    assert found["legal_proceeding"][0].perpetrators[0].kind == "state_force"
    killing = found["killing"][0]
    assert _names(killing.perpetrators) == [(SUSPECTS, "criminal")]
    # the suspects are never named: their mention is the words that tie them to the act
    assert killing.perpetrators[0].span.text == "over"
    assert [a.name for a in killing.targets] == ["journalists"]


@pytest.mark.slow
def test_protesters_arrested_over_a_death_stay_an_arrest_and_are_not_made_its_suspects(pipeline) -> None:
    text = ("Security forces arrested dozens of protesters over the death of a police officer during "
            "Sunday's demonstration in the capital, their lawyers said.\n")
    found = _by_type(pipeline, text)
    assert "arrest" in found  # what a monitor documents: the arrest of the protesters
    assert "protesters" in [a.name for a in found["arrest"][0].targets]
    assert all(a.name != SUSPECTS for incident in found.get("killing", []) for a in incident.perpetrators)


@pytest.mark.slow
def test_a_fugitive_wanted_for_a_kidnapping_is_not_arrested_in_violation(pipeline) -> None:
    text = "A fugitive wanted for kidnapping a shop owner in the city has been arrested in a neighbouring state.\n"
    found = _by_type(pipeline, text)
    # the arrest of the fugitive is no arrest by the police: it is the investigation of the kidnapping
    assert "legal_proceeding" in found
    assert all(a.kind != "state_force" for i in found.get("arrest", []) for a in i.perpetrators)
    # the kidnapping it is for is an abuse of its own, by the unnamed suspects, to the shop owner
    kidnapping = found["arrest"][0]
    assert kidnapping.subtype == "abduction" and kidnapping.trigger.text == "kidnapping"
    assert _names(kidnapping.perpetrators) == [(SUSPECTS, "criminal")]


@pytest.mark.slow
def test_an_arrest_of_people_the_report_calls_suspects_is_no_state_abuse(pipeline) -> None:
    text = ("A teacher stopped a kidnapping at a primary school playground on Tuesday afternoon. "
            "The suspect was taken into custody by police minutes later.\n")
    found = _by_type(pipeline, text)
    # the suspect's arrest is the investigation, and the kidnapping the story tells is the suspect's
    assert not any(i.subtype != "abduction" for i in found.get("arrest", []))
    kidnapping = next(i for i in found["arrest"] if i.subtype == "abduction")
    assert _names(kidnapping.perpetrators) == [(SUSPECTS, "criminal")]
    assert found["legal_proceeding"][0].perpetrators[0].kind == "state_force"


@pytest.mark.slow
def test_a_gang_arrested_in_a_raid_is_not_arrested_in_violation(pipeline) -> None:
    text = "Police said three members of a kidnapping gang were arrested at their hideout near the river on Sunday.\n"
    found = _by_type(pipeline, text)
    assert not any(i.subtype != "abduction" for i in found.get("arrest", []))
    assert "legal_proceeding" in found


@pytest.mark.slow
def test_an_indictment_names_the_suspects_as_the_agents_of_the_crime(pipeline) -> None:
    text = ("A grand jury charged two men with murder over the kidnapping and killing "
            "of a community organiser in March.\n")
    found = _by_type(pipeline, text)
    assert _names(found["killing"][0].perpetrators) == [(SUSPECTS, "criminal")]


@pytest.mark.slow
def test_forces_detaining_an_armed_groups_member_keep_their_arrest(pipeline) -> None:
    text = "Police detained a Taliban fixer linked to the murder of a village elder in March.\n"
    found = _by_type(pipeline, text)
    assert "arrest" in found and "legal_proceeding" not in found


@pytest.mark.slow
def test_a_state_arrest_of_a_defender_stays_an_arrest(pipeline) -> None:
    text = "Police arrested a human rights lawyer in the capital over her posts about the killing of protesters.\n"
    found = _by_type(pipeline, text)
    assert found["arrest"][0].perpetrators[0].kind == "state_force"


@pytest.mark.slow
def test_an_arrest_is_not_carried_to_a_kidnapping_of_the_same_story(pipeline) -> None:
    text = ("Police arrested two protesters in the town on Monday. On Tuesday a teacher was kidnapped on "
            "her way to school.\n")
    kidnapping = next(i for i in _by_type(pipeline, text)["arrest"] if i.subtype == "abduction")
    assert not any(a.kind == "state_force" for a in kidnapping.perpetrators)


def test_hired_goons_and_employers_are_non_state_actors() -> None:
    matcher = default_matcher()
    found = {a.span.text: a.kind for a in matcher.find("She was beaten by party goons and later by her employer.")}
    assert found == {"goons": "criminal", "employer": "company"}


def test_a_one_word_national_alias_inside_another_name_is_not_that_state() -> None:
    matcher = default_matcher()
    text = ("The Trinamool Congress (TMC) won the state election. Workers of the TMC beat an opposition "
            "activist. Congress passed the bill.")
    found = [(a.span.text, a.name) for a in matcher.find(text)]
    assert ("Congress", "United States government") in found  # the last sentence's Congress
    assert not any(text_ == "TMC" for text_, _ in found)
    assert sum(1 for text_, _ in found if text_ == "Congress") == 1


@pytest.mark.slow
def test_people_detained_after_the_paragraph_s_protests_are_its_protesters(pipeline) -> None:
    text = ("UZBEKISTAN\n\nIn July, thousands of people protested in the regional capital against a planned "
            "law. Over 300 people were detained in the region in the following weeks.\n")
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert [a.name for a in arrest.targets] == ["protesters"]


@pytest.mark.slow
def test_a_protest_by_prisoners_is_against_the_prison_authorities(pipeline) -> None:
    text = ("MYANMAR\n\nIn June, guards beat at least ten political prisoners who had protested against the "
            "transfer of other inmates.\n")
    protest = _by_type(pipeline, text)["protest"][0]
    assert [a.name for a in protest.targets] == ["Myanmar prison authorities"]


@pytest.mark.slow
def test_an_implied_arrest_takes_the_body_the_story_names_for_arrests(pipeline) -> None:
    text = ("SRI LANKA\n\nIn March, police arrested two men in the north for organising a commemoration. In "
            "June, students marched in the capital against the arrest of their union leader.\n")
    arrests = _by_type(pipeline, text)["arrest"]
    assert {a.name for i in arrests for a in i.perpetrators} == {"Sri Lankan police"}


@pytest.mark.slow
def test_beaten_in_custody_after_a_mass_detention_are_the_detained(pipeline) -> None:
    text = ("BELARUS\n\nIn August, people protested in the capital after the election. Over 200 people were "
            "detained in the city that week, and several of them later said they had been beaten in custody.\n")
    torture = _by_type(pipeline, text)["torture"][0]
    assert [a.name for a in torture.targets] == ["protesters"]


@pytest.mark.slow
def test_a_court_ordering_the_state_to_pay_rules_against_the_state(pipeline) -> None:
    text = ("KAZAKHSTAN\n\nIn June, a court in Almaty ordered the state to pay compensation to a man who had "
            "been beaten in custody.\n")
    trial = _by_type(pipeline, text)["legal_proceeding"][0]
    assert [a.name for a in trial.targets] == ["Kazakh government"]


@pytest.mark.slow
def test_a_group_word_inside_a_quoted_slogan_is_no_target(pipeline) -> None:
    text = 'IRAN\n\nIn May, police arrested three men during the "Woman, Life, Freedom" protests in Tehran.\n'
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert "women" not in [a.name for a in arrest.targets]


@pytest.mark.slow
def test_an_agentless_arrest_takes_the_forces_the_story_names_for_the_same_protest(pipeline) -> None:
    text = ("ALBANIA\n\nOn 24 February, police beat dozens of people protesting in Tirana against rising prices. "
            "Seventeen of them were later detained.\n")
    arrest = _by_type(pipeline, text)["arrest"][0]
    assert [a.name for a in arrest.perpetrators] == ["Albanian police"]


@pytest.mark.slow
def test_persons_convicted_of_a_killing_are_not_a_group_of_perpetrators(pipeline) -> None:
    text = "BAHRAIN\n\nIn March, the appeal court upheld the death sentences of two men convicted of killing a police officer.\n"
    killing = _by_type(pipeline, text)["killing"][0]
    assert "civilians" not in [a.name for a in killing.perpetrators]


@pytest.mark.slow
def test_people_killed_in_a_crackdown_were_killed_by_the_state(pipeline) -> None:
    text = "Dozens of people died in a crackdown on the opposition's rallies last winter.\n"
    killing = _by_type(pipeline, text)["killing"][0]
    assert [a.kind for a in killing.perpetrators] == ["state_force"]


@pytest.mark.slow
def test_an_agentless_execution_is_the_state_s_but_not_a_group_s(pipeline) -> None:
    text = "At least 30 people were executed in the country in May, two of them in public.\n"
    assert [a.kind for a in _by_type(pipeline, text)["killing"][0].perpetrators] == ["government"]
    text = "The armed group said the hostages were executed after the ransom deadline passed.\n"
    for killing in _by_type(pipeline, text).get("killing", []):
        assert all(a.kind != "government" for a in killing.perpetrators)
