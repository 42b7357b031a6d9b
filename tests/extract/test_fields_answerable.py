"""Issue 21 item 6 on annual-report prose: whom a trial of an earlier crime, an international
court's ruling or a monitor's concern is against when the sentence names no one
(``extract/answerable.py``).

The sentences are written for the project in the register of NGO annual reports (a country
heading, then compressed events); none is copied.
"""

from __future__ import annotations

import pytest

from extracted_incidents import pipeline_extract  # noqa: F401 (a fixture)
from factfinder.extract.answerable import heading_state_targets, international_ruling, online_speakers, trial_targets
from factfinder.model import Actor, Incident, Span


def _incident(text: str, kind: str, trigger: str, *, perpetrators: tuple[tuple[str, str, str], ...] = (),
              targets: tuple[tuple[str, str, str], ...] = ()) -> Incident:
    def actor(words: str, name: str, actor_kind: str) -> Actor:
        start = text.index(words)
        return Actor(name, Span.of(text, start, start + len(words)), actor_kind)
    start = text.index(trigger)
    return Incident(doc="d", type=kind, summary=text, evidence=(Span.of(text, 0, len(text)),),
                    trigger=Span.of(text, start, start + len(trigger)),
                    perpetrators=tuple(actor(*p) for p in perpetrators), targets=tuple(actor(*t) for t in targets))


_TRIAL = ("On 4 May, soldiers of the Presidential Guard fired on a funeral in Kasai, killing 12 mourners; "
          "in October, a military court in Kananga sentenced the major in command to life in prison.")


def test_a_trial_of_a_crime_the_sentence_tells_is_against_its_agent() -> None:
    killing = _incident(_TRIAL, "killing", "killing", perpetrators=(("soldiers", "Congolese armed forces", "state_force"),),
                        targets=(("mourners", "civilians", "group"),))
    trial = _incident(_TRIAL, "legal_proceeding", "sentenced", perpetrators=(("court", "Congolese courts", "government"),))
    assert [a.name for a in trial_targets([killing, trial])[1].targets] == ["Congolese armed forces"]


def test_a_trial_keeps_the_target_it_names_and_takes_no_group_or_judge() -> None:
    text = "In June, a court in Oruro convicted four police officers of beating detainees and fined two journalists."
    torture = _incident(text, "torture", "beating", perpetrators=(("police officers", "Bolivian police", "state_force"),),
                        targets=(("detainees", "prisoners", "group"),))
    named = _incident(text, "legal_proceeding", "convicted", perpetrators=(("court", "Bolivian courts", "government"),),
                      targets=(("journalists", "journalists", "group"),))
    assert trial_targets([torture, named])[1].targets == named.targets
    # a killing whose only agent is a mob, or the court itself, gives the trial no target
    text = "In May, a court in Sylhet sentenced 12 men over the lynching of a trader by a mob."
    lynching = _incident(text, "killing", "lynching", perpetrators=(("mob", "mob", "group"),))
    trial = _incident(text, "legal_proceeding", "sentenced", perpetrators=(("court", "Bangladeshi courts", "tribunal"),))
    assert trial_targets([lynching, trial])[1].targets == ()


def test_a_compensation_order_is_against_the_one_ordered_to_pay() -> None:
    text = ("In March, the High Court ordered the Punjab provincial administration to pay damages to the family "
            "of a man who died in police custody.")
    death = _incident(text, "killing", "died", perpetrators=(("police", "Pakistani police", "state_force"),))
    order = _incident(text, "legal_proceeding", "ordered", perpetrators=(("High Court", "Pakistani courts", "tribunal"),))
    assert trial_targets([death, order])[1].targets == ()


_ECHR = "In March, the European Court of Human Rights ruled that the state had failed to investigate the beating."


def test_an_international_court_rules_against_the_heading_state_and_in_no_place_of_it() -> None:
    ruling = _incident(_ECHR, "legal_proceeding", "ruled",
                       perpetrators=(("European Court of Human Rights", "European Court of Human Rights", "tribunal"),))
    assert international_ruling(ruling)
    found = heading_state_targets([ruling], lambda body: ("Armenian government", "government"))
    assert [(a.name, a.kind) for a in found[0].targets] == [("Armenian government", "government")]
    # no heading country: no state to name
    assert heading_state_targets([ruling], lambda body: (body, "government"))[0].targets == ()
    # a national court is not an international one
    national = _incident(_ECHR, "legal_proceeding", "ruled", perpetrators=(("state", "Armenian courts", "tribunal"),))
    assert not international_ruling(national)


def test_a_monitor_s_concern_is_against_the_heading_state_but_a_government_s_statement_is_not() -> None:
    text = "In May, the UN Committee against Torture expressed concern about beatings in police stations."
    concern = _incident(text, "statement", "expressed concern",
                        perpetrators=(("UN Committee against Torture", "UN Committee against Torture", "un"),))
    state = lambda body: ("Georgian government", "government")  # noqa: E731
    assert [a.name for a in heading_state_targets([concern], state)[0].targets] == ["Georgian government"]
    text = "In May, the government said the report was biased."
    denial = _incident(text, "statement", "said", perpetrators=(("government", "Georgian government", "government"),))
    assert heading_state_targets([denial], state)[0].targets == ()


@pytest.mark.slow
def test_under_a_heading_the_whole_pipeline_names_the_state(pipeline_extract) -> None:
    found = pipeline_extract("ARMENIA\n\nIn March, the European Court of Human Rights ruled that the authorities "
                             "had failed to investigate the death of a conscript.\n")
    rulings = [i for i in found if i.type == "legal_proceeding"]
    assert rulings and [a.name for a in rulings[0].targets] == ["Armenian government"]
    assert rulings[0].location is None  # the court sits in Strasbourg, not in Armenia


def test_a_fine_for_speech_online_is_against_internet_users_unless_a_role_is_named() -> None:
    text = "Scores of people were fined for posts on social media; in May a retired nurse was jailed for a comment on her blog."
    fined = _incident(text, "legal_proceeding", "fined", targets=(("people", "civilians", "group"),))
    jailed = _incident(text, "legal_proceeding", "jailed")
    found = online_speakers([fined, jailed])
    assert [(a.name, a.span.text) for a in found[0].targets] == [("internet users", "social media")]
    assert [(a.name, a.span.text) for a in found[1].targets] == [("internet users", "blog")]
    # a role of their own stays; speech offline, or a medium with no speech, is no fine for posting
    text = "In June, a court fined a student for a post on Facebook."
    student = _incident(text, "legal_proceeding", "fined", targets=(("student", "students", "group"),))
    assert online_speakers([student])[0].targets == student.targets
    text = "In June, a court fined a woman for a speech at a rally, and police seized a video camera."
    speech = _incident(text, "legal_proceeding", "fined", targets=(("woman", "women", "group"),))
    assert [a.name for a in online_speakers([speech])[0].targets] == ["women"]
