"""An incident's parties as a monitor reads them (extract/act_parties.py): a statement's speaker and
the bodies it condemns, a sanction's sanctioned body, an agent that is never its own act's target.

The sentences are written for the project; none is copied from a dev set or a seed.
"""

from __future__ import annotations

import pytest

from extracted_incidents import pipeline_extract  # noqa: F401 (a fixture)
from factfinder.consolidate.within import merge_pair
from factfinder.extract.act_parties import agent_not_target, condemned_bodies, sanctioned_body, statement_speakers
from factfinder.extract.actors import default_matcher
from factfinder.model import Actor, Attribution, Incident, Span


def _actor(text: str, words: str, name: str, kind: str) -> Actor:
    start = text.index(words)
    return Actor(name, Span.of(text, start, start + len(words)), kind)


def _incident(text: str, kind: str, trigger: str, *, perpetrators: tuple[Actor, ...] = (),
              targets: tuple[Actor, ...] = (), attribution: tuple[Attribution, ...] = ()) -> Incident:
    at = text.index(trigger)
    return Incident(doc="d", type=kind, summary=text, evidence=(Span.of(text, 0, len(text)),),
                    trigger=Span.of(text, at, at + len(trigger)), perpetrators=perpetrators, targets=targets,
                    attribution=attribution)


def _find(text: str):  # type: ignore[no-untyped-def]
    matcher = default_matcher()
    return lambda start, end: matcher.find(text, start, end)


def _source(text: str, words: str, source: str, kind: str) -> Attribution:
    start = text.index(words)
    return Attribution(source, kind, Span.of(text, start, start + len(words)))


def test_a_statement_is_spoken_by_the_body_its_speaker_works_for() -> None:
    text = "Sofia Marquez, regional director of Amnesty International, condemned the arrests of two lawyers."
    statement = _incident(text, "statement", "condemned",
                          attribution=(_source(text, "Amnesty International, condemned", "Amnesty International",
                                               "ngo"),))
    assert [a.name for a in statement_speakers([statement], _find(text))[0].perpetrators] == \
        ["Amnesty International"]


def test_a_body_named_as_the_speakers_topic_does_not_speak() -> None:
    # the panel's name holds a state's; the state is its topic, not its speaker
    text = "In May, the Panel of Experts on Belarus concluded that the arrests amounted to persecution."
    statement = _incident(text, "statement", "amounted to",
                          attribution=(_source(text, "Belarus concluded", "Belarusian government", "government"),))
    assert statement_speakers([statement], _find(text))[0].perpetrators == ()


def test_a_state_in_a_list_of_places_does_not_speak() -> None:
    text = "The militia hanged nine men in Chad and Niger accused of spying for the army."
    statement = _incident(text, "statement", "accused",
                          attribution=(_source(text, "Niger accused", "Nigerien government", "government"),))
    assert statement_speakers([statement], _find(text))[0].perpetrators == ()


def test_a_source_cited_after_the_statement_word_is_not_its_speaker() -> None:
    text = "Police detained nine students and denied that any were beaten, Human Rights Watch reported."
    statement = _incident(text, "statement", "denied that",
                          attribution=(_source(text, "Human Rights Watch reported", "Human Rights Watch", "ngo"),))
    assert statement_speakers([statement], _find(text))[0].perpetrators == ()


def test_a_medium_told_is_no_speaker() -> None:
    text = "A lawyer for the family told Reuters that the verdict was a disgrace."
    statement = _incident(text, "statement", "disgrace", attribution=(_source(text, "told Reuters", "Reuters",
                                                                                  "media"),))
    assert statement_speakers([statement], _find(text))[0].perpetrators == ()


def test_a_condemnation_is_against_the_bodies_it_names() -> None:
    text = ("On Monday, the Committee to Protect Journalists issued a statement condemning the use of Huawei's "
            "cameras to help the provincial government follow reporters.")
    speaker = _actor(text, "Committee to Protect Journalists", "Committee to Protect Journalists", "ngo")
    statement = _incident(text, "statement", "issued a statement", perpetrators=(speaker,))
    found = condemned_bodies([statement], _find(text))[0]
    assert [a.name for a in found.targets] == ["Huawei", "Chinese government"]


def test_a_condemnation_is_not_against_its_speaker_or_the_people_harmed() -> None:
    text = "Human Rights Watch condemned the beating of Uyghur students; it said Human Rights Watch had seen videos."
    speaker = _actor(text, "Human Rights Watch", "Human Rights Watch", "ngo")
    statement = _incident(text, "statement", "condemned", perpetrators=(speaker,))
    assert condemned_bodies([statement], _find(text))[0].targets == ()


def test_a_sanction_targets_the_sanctioned_body_not_the_people_it_harmed() -> None:
    text = "In 2023, the European Union blacklisted Dahua for its tracking of Tibetans."
    sanction = _incident(text, "sanction", "blacklisted",
                         targets=(_actor(text, "Dahua", "Dahua", "company"),
                                  _actor(text, "Tibetans", "Tibetans", "group")))
    assert sanction_body_targets(sanction) == ["Dahua"]


def test_a_sanction_on_a_group_alone_keeps_it() -> None:
    text = "Washington imposed sanctions on Tibetan exiles' travel agencies."
    sanction = _incident(text, "sanction", "imposed sanctions", targets=(_actor(text, "Tibetan", "Tibetans", "group"),))
    assert sanction_body_targets(sanction) == ["Tibetans"]


def sanction_body_targets(incident: Incident) -> list[str]:
    return [a.name for a in sanctioned_body(incident).targets]


def test_an_agent_is_never_its_own_target() -> None:
    text = "Dahua's cameras track pupils who pray, and Dahua sells the system to schools."
    dahua = _actor(text, "Dahua", "Dahua", "company")
    surveillance = _incident(text, "surveillance", "track", perpetrators=(dahua,),
                             targets=(_actor(text, "pupils", "students", "group"),
                                      replace_span(dahua, text, "Dahua sells")))
    assert [a.name for a in agent_not_target(surveillance).targets] == ["students"]


def test_a_body_may_try_its_own_members() -> None:
    text = "A military court convicted three soldiers of the army of beating a detainee."
    army = _actor(text, "military court", "army", "state_force")
    trial = _incident(text, "legal_proceeding", "convicted", perpetrators=(army,),
                      targets=(_actor(text, "soldiers of the army", "army", "state_force"),))
    assert [a.name for a in agent_not_target(trial).targets] == ["army"]


def test_merged_tellings_drop_the_agent_from_the_targets() -> None:
    # the union of two tellings' targets may hold one telling's agent
    text = "Dahua tracks pupils in Gansu. Dahua's system watches pupils and Dahua staff."
    dahua = _actor(text, "Dahua", "Dahua", "company")
    first = _incident(text, "surveillance", "tracks", perpetrators=(dahua,),
                      targets=(_actor(text, "pupils", "students", "group"),))
    second = _incident(text, "surveillance", "watches",
                       targets=(replace_span(dahua, text, "Dahua staff"),))
    assert [a.name for a in merge_pair(first, second).targets] == ["students"]


def replace_span(actor: Actor, text: str, words: str) -> Actor:
    start = text.index(words)
    return Actor(actor.name, Span.of(text, start, start + len(actor.span.text)), actor.kind)


@pytest.mark.slow
def test_a_report_read_whole_gives_speakers_and_whom_they_condemn(pipeline_extract) -> None:  # noqa: F811
    text = ("Sofia Marquez, regional director of Amnesty International, condemned the arrests of the two lawyers "
            "in the capital.\n\nOn Monday, the Committee to Protect Journalists issued a statement condemning the "
            "use of Huawei's cameras to help the provincial government follow reporters.\n")
    statements = [i for i in pipeline_extract(text) if i.type == "statement"]
    assert [[a.name for a in i.perpetrators] for i in statements] == \
        [["Amnesty International"], ["Committee to Protect Journalists"]]
    assert [a.name for a in statements[1].targets] == ["Huawei", "Chinese government"]


def test_a_group_both_agent_and_target_of_an_abuse_is_its_victim() -> None:
    text = "Witnesses described a militia's shooting of three farmers near the border."
    farmers = _actor(text, "farmers", "farmers", "group")
    killing = _incident(text, "killing", "shooting",
                        perpetrators=(_actor(text, "militia", "armed groups", "armed_group"), farmers),
                        targets=(farmers,))
    found = agent_not_target(killing)
    assert ([a.name for a in found.perpetrators], [a.name for a in found.targets]) == \
        (["armed groups"], ["farmers"])
