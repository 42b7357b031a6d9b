"""Trigger words that name an abuse without reporting one, and the event words real wire news uses.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from factfinder.extract.event_type import _cues
from factfinder.extract.event_type.reference import is_reference
from factfinder.extract.triggers import TriggerTable


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text):
    from factfinder.text import document_from_text

    return [i.type for i in pipeline.extract(document_from_text(text)).incidents]


def _hit(text, word):
    table = TriggerTable.load()
    return next(h for h in table.find(text) if text[h.start:h.end].lower().startswith(word))


@pytest.mark.parametrize("text,word", [
    ("The UN Special Rapporteur on torture visited the central prison of Kellan on Monday.", "torture"),
    ("The Committee against Torture asked Dorvan to reply within a year.", "torture"),
    ("The lawyer died of cardiac arrest in a hospital in Kellan, his family said.", "arrest"),
    ("The court convicted the men of crimes of kidnapping and extortion.", "kidnapping"),
    ("Aid workers left behind in Kellan are now facing torture, the charity said.", "torture"),
    ("The commission received 90 complaints of torture against the prison guards last year.", "torture"),
    ("The caller told the editor that they will come and kill her if she publishes the story.", "kill"),
    # a later item of a list of crimes, risks or a body's mandates is as much a name as the first
    ("A leaflet warned villagers in Kellan about crimes of extortion, abduction and torture.", "torture"),
    ("Detainees in the Kellan camp are at risk of harsh ill-treatment, including torture, the group said.",
     "torture"),
    ("The union wrote to the UN special rapporteurs on summary executions, free assembly and torture.", "torture"),
    ("Officials in Dorvan promised to end the menace of cattle theft, banditry and kidnappings.", "kidnappings"),
    # a word of harm in another sense: a suicide, animals, a trend halted, a disease
    ("Her colleagues say months of threats from the police drove her to kill herself.", "kill"),
    ("The film documents the slaughter of dogs at two markets outside Kellan.", "slaughter"),
    ("Activists in Dorvan campaign against illegal whale killing along the coast.", "killing"),
    ("The new minister promised to arrest the decline of the old mill towns.", "arrest"),
    ("At least six nurses at the Kellan hospital have lost their lives to the virus.", "lost their lives"),
    ("Officials said the death toll from the coronavirus in Kellan passed 300 on Monday.", "death toll"),
    ("Activists say stray dogs are routinely tortured in the markets of Dorvan.", "tortured"),
    ("Police in Kellan foiled an attempted kidnapping of the newspaper's editor last week.", "kidnapping"),
    # a war's running toll is a statistic of the war, not an act a monitor records
    ("The conflict in Dorvan has killed more than 40,000 people and emptied whole valleys.", "killed"),
    ("Some 47,000 villagers are thought to have been killed in Kellan's nine-year civil war.", "killed"),
    ("At least 312 soldiers have been killed in the border districts of Dorvan in recent months.", "killed"),
    ("Some 6,500 civilians have been killed since the uprising began, a monitoring group said.", "killed"),
    # the rest of a toll told with the war as the agent is the same toll
    ("The war in Dorvan has killed 70,000 people, burned its markets and displaced half its villagers.", "displaced"),
])
def test_a_name_a_risk_a_tally_a_threat_or_another_sense_reports_no_act(pipeline, text, word):
    hit = _hit(text, word)
    assert is_reference(text, 0, hit, _cues())
    assert hit.type not in _types(pipeline, text)


@pytest.mark.parametrize("text", [
    # sport, film, markets and politics use the words of war and arrest for other things
    "Marta Velin captured her second career title in Kellan on Sunday with a win over the top seed.",
    "The Dorvan sprinter captured two gold medals at the games in Kellan four years later.",
    "The left-arm spinner captured three wickets before lunch as Dorvan slipped to 140 for five.",
    "The Kellan United striker shot to sudden stardom in Dorvan after the cup final.",
    "The documentary was shot on location in Kellan over six weeks last summer.",
    "Crude prices shot up by more than 12 percent in Kellan trading after the announcement.",
    "Dorvan beat Kellan 3-1 on Saturday in a qualifying match at the national stadium.",
    "The two companies struck a deal in Kellan on Monday to share the pipeline.",
    "The constitutional court in Kellan struck down the ban on street vendors on Friday.",
    "The story of the lost dog has captured the hearts of readers across Dorvan.",
    "The documentary was shot in the hills above Kellan last spring.",
    "Television cameras captured the minister greeting war veterans in Dorvan.",
])
def test_sport_film_and_business_sentences_give_no_act_of_violence_or_seizure(pipeline, text):
    # (a court striking down a ban is still a restriction lifted: only the harm and the capture go)
    assert not set(_types(pipeline, text)) & {"attack", "killing", "armed_clash", "arrest", "torture", "other"}


@pytest.mark.parametrize("text,kind", [
    # the same words, said of people and places
    ("Rebels captured the border town of Kellan on Sunday after two days of fighting.", "other"),
    ("Soldiers captured three rebel commanders near Dorvan on Monday, the army said.", "arrest"),
    ("A policeman was shot in the leg outside the court in Kellan on Friday.", "attack"),
    ("Gunmen shot up two buses on the road to Dorvan, wounding nine passengers.", "attack"),
    ("Students angered by the video marched to the town hall of Kellan on Monday.", "protest"),
])
def test_the_same_words_said_of_people_and_places_are_kept(pipeline, text, kind):
    assert kind in _types(pipeline, text)


@pytest.mark.parametrize("text,kind", [
    # victims named after animals they trade, a suicide bomber who killed others
    ("Gunmen killed two fish traders at the harbour in Kellan on Friday.", "killing"),
    ("The bomber blew himself up at the gate, killing himself and four guards in Dorvan.", "killing"),
    ("A man was molested by two guards in the central prison of Kellan, his lawyer said.", "torture"),
    ("Fighters stormed an army checkpoint outside Dorvan before dawn on Monday.", "armed_clash"),
    # an attempt to kill is an attack on the person; forces entering a town a deployment
    ("The editor survived an attempt on her life outside her home in Kellan on Sunday.", "attack"),
    ("Government troops entered the border town of Dorvan on Tuesday after the rebels left.", "other"),
    ("About 400 members of the teachers' union demonstrated in Kellan on Monday over unpaid wages.", "protest"),
    ("Police arrested three journalists outside the court in Kellan on Monday.", "arrest"),
    ("Guards beat and tortured two detainees in the central prison of Kellan in May.", "torture"),
    ("Gunmen shot dead a radio reporter near his home in Dorvan on Friday.", "killing"),
    # a list's cue does not reach a clause of its own after it
    ("The editor was facing arrest, and police tortured her brother in Kellan in May.", "torture"),
    ("Amid threats of arrest, soldiers beat two reporters in Dorvan on Sunday.", "torture"),
    # a capitalised trigger at the start of a headline is no name
    ("Arrested Activist Released After Two Weeks In Kellan Prison", "arrest"),
    # a killing in a war's setting or a war-torn place is still a killing
    ("Two aid workers were killed in the war-torn province of Dorvan on Thursday.", "killing"),
    ("Shelling killed four children in Kellan on Monday, the worst toll of the conflict this month.",
     "killing"),
    ("Rebels killed 30 soldiers in the war's deadliest raid on Kellan on Sunday.", "killing"),
    ("Gunmen killed five villagers near Dorvan on Monday in a conflict that has killed 3,000 people.", "killing"),
])
def test_an_act_reported_is_kept(pipeline, text, kind):
    assert kind in _types(pipeline, text)


@pytest.mark.parametrize("text,kind", [
    ("About 3,000 people demonstrated in the centre of Kellan on Saturday against the new tax.", "protest"),
    ("Hundreds of students marched in Dorvan on Monday urging the government to reopen the university.",
     "protest"),
    ("A farmer was fatally shot on the outskirts of Dorvan on Tuesday, police said.", "killing"),
    ("Soldiers patrolled the streets of Kellan on Wednesday after a night of unrest.", "other"),
    ("Police said two pistols and a grenade were discovered during a search of a bus near Kellan.", "other"),
    ("Army engineers defused a bomb planted under a bridge outside Dorvan on Sunday.", "other"),
])
def test_wire_news_event_words_give_their_incident(pipeline, text, kind):
    assert kind in _types(pipeline, text)


def test_forces_entering_before_an_act_are_its_prelude(pipeline):
    text = "Soldiers entered the village of Marra at dawn and set fire to forty houses."
    assert _types(pipeline, text) == ["property_destruction"]


@pytest.mark.parametrize("text,subtype", [
    ("Soldiers patrolled the streets of Kellan on Wednesday after a night of unrest.", "deployment"),
    ("Police said two pistols and a grenade were discovered during a search of a bus near Kellan.",
     "weapons_seized"),
])
def test_patrols_and_weapons_found_have_their_subtype(text, subtype):
    from factfinder.values.taxonomy import classify

    assert classify("other", text).subtype == subtype


def test_the_month_of_march_is_no_march():
    text = "In March, thousands of workers lost their jobs when the mill in Kellan closed."
    assert not [h for h in TriggerTable.load().find(text) if h.type == "protest"]
    assert [h.type for h in TriggerTable.load().find("Thousands of workers march in Kellan.")] == ["protest"]


def test_a_long_clause_after_a_list_cue_is_read_at_once():
    # The list pattern once cut each word anywhere: a clause after "facing" that ends in no list
    # tried every cut of "handcuffed and blindfolded" (4 CPU seconds here, 26 on a real article).
    import time

    text = ("Guards kept the student facing a wall for almost a day, handcuffed and blindfolded, "
            "then beat him in the cell.")
    hit = _hit(text, "beat")
    started = time.process_time()
    assert not is_reference(text, 0, hit, _cues())
    assert time.process_time() - started < 1.0


# The list pattern as first written, one piece of a word at a time: the words-whole pattern must
# answer as it did (an item may still end inside a word before a joining "and" or "or").
_PIECE = (r"(?:(?!(?:was|were|is|are|be|been|being|has|have|had|who|which|that|after|before|when|while)\b)"
          r"[\w’'-]+\s*)")


@pytest.mark.parametrize("before", [
    "crimes of extortion, abduction and ",
    "at risk of harsh ",
    "detainees at risk of ill-treatment, including ",
    "rapporteurs on summary executions, free assembly and ",
    "crews facing the governor ",
    "families facing the island ",
    "were facing arrest, and police ",
    "the men facing charges that were ",
    "threats of arrest, soldiers ",
    "risk of it's or ",
    "facing a court, as well as ",
])
def test_the_list_pattern_reads_words_whole_with_the_same_answers(before):
    import re

    from factfinder.extract.event_type.reference import _JOIN, _MODIFIER, _listed

    cue = _cues()["listed"]
    first = re.compile(cue.pattern + r"\s*(?:" + _PIECE + r"{0,1}|(?:" + _PIECE + r"{1,4}?" + _JOIN + r")+)$",
                       cue.flags)
    assert _MODIFIER == _PIECE + "{0,1}"
    assert bool(_listed(cue).search(before)) == bool(first.search(before))
