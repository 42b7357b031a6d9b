"""The learned event-type component: the shipped artefact, numpy inference, and its hook in extraction.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from factfinder.errors import FactfinderError
from factfinder.extract.event_type import EventTyper
from factfinder.extract.event_type.model import ARTEFACT, NAME, SHA256, EventTypeModel, default_model
from factfinder.model import INCIDENT_TYPES

SEIZED = "Police seized a cache of rifles, grenades and ammunition from a house on the outskirts of Kellan."
TAKEN = "The army took control of the town of Dorvan after the rebels withdrew overnight."
FOUGHT = "Government troops attacked rebel positions and the two sides fought for hours near Dorvan."
FLOOD = "Floodwaters swept away dozens of homes and killed 12 people in the valley after three days of heavy rain."
ABDUCTED = "Masked men abducted a local councillor from his home in Dorvan on Tuesday night."


def test_the_shipped_artefact_is_small_pinned_and_versioned():
    data = ARTEFACT.read_bytes()
    assert hashlib.sha256(data).hexdigest() == SHA256
    assert len(data) < 5_000_000
    model = default_model()
    assert model.meta["version"] == NAME == "factfinder.event_type.tfidf.v3"
    assert set(model.classes) == set(INCIDENT_TYPES) | {"none"}
    assert model.meta["sizes"]["hrds_train.jsonl"] == 300  # only the training split of HRDsAttack


def test_a_different_file_is_refused_with_what_to_do(tmp_path):
    copy = tmp_path / "model.npz"
    copy.write_bytes(ARTEFACT.read_bytes() + b"\0")
    with pytest.raises(FactfinderError, match="pinned"):
        EventTypeModel.load(copy)


def test_inference_needs_no_scikit_learn():
    code = ("import sys; from factfinder.extract.event_type.model import default_model; "
            "default_model().predict('Soldiers shelled the village.'); print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("text,expected", [
    (SEIZED, "other"), (TAKEN, "other"), (FOUGHT, "armed_clash"), (ABDUCTED, "disappearance"),
    ("Hundreds of teachers marched to parliament demanding higher pay.", "protest"),
])
def test_the_model_types_sentences_the_trigger_table_finds_hard(text, expected):
    prediction = default_model().predict(text)
    assert prediction.best()[0] == expected
    assert prediction.cue(expected).split()[0] in text.lower()


def test_a_disaster_is_no_human_rights_event():
    prediction = default_model().predict(FLOOD)
    assert prediction.best()[0] == "none" and prediction.probabilities["none"] > 0.6


def test_hook_creates_a_hit_on_the_predicate_for_a_sentence_without_trigger():
    hits = EventTyper().sentence_hits(TAKEN, 0, len(TAKEN), {})
    assert list(hits) == ["other"]
    hit = hits["other"][0]
    assert TAKEN[hit.start:hit.end].lower() == "took" and hit.trigger.pattern == NAME


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def _types(pipeline, text):
    from factfinder.text import document_from_text

    return [(i.type, i.evidence[0].text) for i in pipeline.extract(document_from_text(text)).incidents]


def test_extraction_finds_strategic_developments_as_other(pipeline):
    assert _types(pipeline, SEIZED) == [("other", SEIZED)]
    assert _types(pipeline, TAKEN) == [("other", TAKEN)]


def test_fighting_between_two_sides_is_one_armed_clash(pipeline):
    assert _types(pipeline, FOUGHT) == [("armed_clash", FOUGHT)]


def test_a_disaster_gives_no_killing(pipeline):
    assert _types(pipeline, FLOOD) == []


def test_negation_still_holds_for_what_the_model_creates(pipeline):
    negated = "The army has not taken control of the town of Dorvan."
    assert EventTyper().sentence_hits(negated, 0, len(negated), {})  # the model alone would say other
    assert _types(pipeline, negated) == []


def test_an_event_told_as_reported_speech_is_found(pipeline):
    text = "Officials said government troops retook the town of Dorvan from the rebels on Monday."
    assert [kind for kind, _ in _types(pipeline, text)][:1] == ["other"]


def test_what_would_happen_is_no_incident(pipeline):
    assert _types(pipeline, "The spokesman said the agreement would be signed by both armed groups in the capital.") == []


def test_an_accident_is_no_human_rights_incident(pipeline):
    fire = "A fire broke out in a garment factory on the edge of the city on Monday, killing nine workers."
    quake = "An earthquake destroyed hundreds of homes in the hill villages and killed at least 30 people."
    assert _types(pipeline, fire) == []
    assert _types(pipeline, quake) == []


def test_a_snippet_that_tells_an_accident_tells_its_toll_too(pipeline):
    blast = "A boiler at a bottling plant outside Kellan exploded on Thursday night. Six workers were injured."
    assert _types(pipeline, blast) == []
    bomb = "Militants planted a bomb at a bottling plant outside Kellan on Thursday. Six workers were injured."
    assert _types(pipeline, bomb) != []


def test_a_deliberate_fire_stays_an_incident(pipeline):
    arson = "Militiamen set fire to a garment factory on the edge of the city on Monday, killing nine workers."
    assert "killing" in [kind for kind, _ in _types(pipeline, arson)]


def test_is_accident_needs_no_armed_actor():
    from factfinder.extract.event_type import is_accident

    assert is_accident("The roof of the school collapsed after heavy rain, injuring twelve pupils.")
    assert not is_accident("Rebels shelled the school after heavy rain, injuring twelve pupils.")


def test_the_accident_cues_keep_their_last_alternative():
    # the row's "{0,2}" holds a comma: unquoted, the CSV reader cut the row there
    from factfinder.extract.event_type import is_accident

    assert is_accident("An explosion at a small textile mill killed four workers on Monday.")


def test_people_missing_after_a_flood_were_not_disappeared(pipeline):
    text = "Floods swept through the valley overnight and 40 villagers are still missing, rescuers said."
    assert "disappearance" not in [kind for kind, _ in _types(pipeline, text)]


class _Reading:
    """A model stand-in that reads every text with fixed probabilities, to test the combination rule."""

    def __init__(self, probabilities):
        from factfinder.extract.event_type.model import Prediction

        self.prediction = Prediction(probabilities)

    def predict(self, text):
        return self.prediction


def _first_incident(text, kind, *more):
    from factfinder.extract.sentences import split_sentences
    from factfinder.model import Incident, Span

    sentences = split_sentences(text)
    first = sentences[0]
    evidence = Span.of(text, first.start, first.end)
    incidents = [Incident(doc="d", type=k, summary=evidence.text, evidence=(evidence,)) for k in (kind, *more)]
    return sentences, incidents


SNIPPET = ("The interior ministry designated the Eastern Front a terrorist organisation on Monday. "
           "Hours later its fighters stormed two police stations in Vell and held them until dawn.")


def test_a_short_text_read_as_a_whole_retypes_its_first_incident():
    sentences, incidents = _first_incident(SNIPPET, "designation", "statement")
    typer = EventTyper(_Reading({"designation": 0.1, "armed_clash": 0.7, "statement": 0.3, "none": 0.1}))
    settled = typer.settle_short(SNIPPET, sentences, incidents)
    assert [i.type for i in settled] == ["armed_clash", "statement"]
    assert settled[0].acled is not None and settled[0].evidence == incidents[0].evidence


@pytest.mark.parametrize("kind,probabilities", [
    ("designation", {"designation": 0.4, "armed_clash": 0.7}),  # the rule type is not unlikely enough
    ("designation", {"designation": 0.1, "armed_clash": 0.45}),  # the whole text is not clear enough
    ("killing", {"killing": 0.1, "armed_clash": 0.9}),  # killings carry the toll: kept
    ("designation", {"designation": 0.1, "none": 0.9, "sanction": 0.2}),  # "none" is no event to re-type to
])
def test_a_short_text_keeps_its_type_unless_the_whole_reads_clearly_otherwise(kind, probabilities):
    sentences, incidents = _first_incident(SNIPPET, kind)
    assert EventTyper(_Reading(probabilities)).settle_short(SNIPPET, sentences, incidents) == incidents


def test_a_long_text_is_not_read_as_a_whole():
    long_text = " ".join([SNIPPET] * 4)  # eight sentences: an article that tells several events
    sentences, incidents = _first_incident(long_text, "designation")
    typer = EventTyper(_Reading({"designation": 0.1, "armed_clash": 0.9}))
    assert typer.settle_short(long_text, sentences, incidents) == incidents


def test_a_short_text_that_tells_a_clash_and_an_attack_tells_one_battle():
    sentences, incidents = _first_incident(SNIPPET, "attack", "armed_clash")
    typer = EventTyper(_Reading({"attack": 0.5, "armed_clash": 0.5}))
    assert [i.type for i in typer.settle_short(SNIPPET, sentences, incidents)] == ["armed_clash", "armed_clash"]


def test_a_remote_attack_beside_a_clash_keeps_its_type():
    text = "Artillery shelled the western suburbs of Vell at dawn. Later the two sides clashed near the bridge."
    sentences, incidents = _first_incident(text, "attack", "armed_clash")
    typer = EventTyper(_Reading({"attack": 0.5, "armed_clash": 0.5}))
    assert [i.type for i in typer.settle_short(text, sentences, incidents)] == ["attack", "armed_clash"]


@pytest.mark.parametrize("text", [
    "Nine workers were hurt when a storage tank exploded at a fertiliser plant outside Marrow.",
    "A minibus and a lorry collided on the coast road, killing six passengers.",
    "Eleven villagers died of methanol poisoning after drinking home-made spirits at a funeral.",
    "A chemical spill at the port sent forty dock workers to hospital on Tuesday.",
])
def test_industrial_and_road_accidents_are_accidents(text):
    from factfinder.extract.event_type import is_accident

    assert is_accident(text)


@pytest.mark.parametrize("text,kind", [
    ("The government expelled two diplomats of the neighbouring republic on Friday in a widening row over espionage.", "other"),
    ("Insurgents detonated a car bomb outside the provincial governor's office in Tessaly late on Sunday.",
     "attack"),
    ("Students rioted in the centre of Ostra after the election results were announced.", "protest"),
    ("Militants detonated explosives under a railway bridge near Ostra, cutting the line.", "attack"),
])
def test_diplomatic_moves_detonations_and_riots_are_found(pipeline, text, kind):
    assert [k for k, _ in _types(pipeline, text)][:1] == [kind]


@pytest.mark.parametrize("text", [
    "Government troops withdrew from the port town of Vell overnight and regrouped further north.",
    "The army reinforced its positions along the northern border with tanks and air defence units.",
    "The peacekeeping mission handed control of the airbase back to the national army on Thursday.",
])
def test_forces_moving_without_fighting_are_no_battle(pipeline, text):
    assert "armed_clash" not in [k for k, _ in _types(pipeline, text)]


RALLY = "Hundreds of students rallied outside the court in Vell on Friday to support the detained editor."
ARTICLE_FILLER = ("The editor had run the weekly for a decade. Its reporters covered the port and the mines. "
                  "Advertisers left it two years ago. Its printing press was sold in the spring. "
                  "Readers paid for its last issues. The court will sit again next month.")


def _rally_hits(text):
    """The trigger hits of every sentence of ``text``: a ``protest`` on "rallied", nothing elsewhere."""
    from factfinder.extract.sentences import split_sentences
    from factfinder.extract.triggers import Trigger, TriggerHit

    sentences = split_sentences(text)
    start = text.index("rallied")
    hit = TriggerHit(Trigger(type="protest", pattern="rallied", pos="V"), start, start + len("rallied"))
    return sentences, [{"protest": [hit]} if s.start <= start < s.end else {} for s in sentences]


def test_a_long_article_is_not_re_typed_into_an_act_against_people():
    # the model, reading an article's topic words ("detained", "court"), calls the rally a killing
    reading = _Reading({"protest": 0.1, "killing": 0.7, "arrest": 0.4, "none": 0.1})
    sentences, hits = _rally_hits(RALLY)
    assert list(EventTyper(reading).document_hits(RALLY, sentences, hits)[0]) == ["killing"]  # a snippet: as before
    article = f"{RALLY} {ARTICLE_FILLER}"
    sentences, hits = _rally_hits(article)
    assert len(sentences) > 6
    out = EventTyper(reading).document_hits(article, sentences, hits)
    assert [list(found) for found in out if found] == [["protest"]]


@pytest.mark.parametrize("text,kind", [
    # the killing phrase at "was" is longer than the attack row's "was shot", whose context asks for a wound
    ("A district councillor was shot to death on Tuesday near the market in Vell, and his party blamed the militia.",
     "killing"),
    ("A minibus was blown up by a land mine on the road north of Dorvan, wounding six passengers.", "attack"),
    ("Rockets slammed into a residential quarter of Ostra overnight.", "attack"),
    ("Soldiers were seen shooting at cars near the checkpoint outside Kellan.", "attack"),
])
def test_wire_news_wording_of_violence_is_found(pipeline, text, kind):
    assert [k for k, _ in _types(pipeline, text)][:1] == [kind]


def test_blowing_up_without_an_explosive_is_no_attack(pipeline):
    assert "attack" not in [k for k, _ in _types(pipeline, "The coach blew up at reporters after the match in Vell.")]


def test_a_person_executed_is_named_by_who_they_were_or_why(pipeline):
    text = "In 2019 the authorities executed a teacher convicted of helping the banned movement, his family said."
    assert "killing" in [k for k, _ in _types(pipeline, text)]
    assert "killing" not in [k for k, _ in _types(pipeline, "The ministry executed the contract for the new port.")]


def test_a_detonation_is_not_re_typed_by_the_whole_text():
    from dataclasses import replace

    from factfinder.model import Span

    text = "Militants detonated explosives beneath the main bridge on the highway. Traffic was diverted."
    sentences, incidents = _first_incident(text, "attack")
    start = text.index("detonated")
    detonated = replace(incidents[0], trigger=Span.of(text, start, start + len("detonated")))
    reading = _Reading({"attack": 0.1, "other": 0.7, "none": 0.1})  # explosives and a bridge read as weapons seized
    assert EventTyper(reading).settle_short(text, sentences, [detonated]) == [detonated]
    assert EventTyper(reading).settle_short(text, sentences, incidents)[0].type == "other"  # no such trigger: as before


def test_would_be_attackers_who_blew_themselves_up_are_an_attack(pipeline):
    text = "A pair of would-be suicide attackers blew themselves up short of the gate of the barracks in Vell."
    assert [k for k, _ in _types(pipeline, text)][:1] == ["attack"]
    negated = "No-one was arrested after the march through Vell, police said."  # a hyphenated "no one" still negates
    assert "arrest" not in [k for k, _ in _types(pipeline, negated)]


def test_an_air_strike_told_by_its_aircraft_is_an_attack(pipeline):
    # an ammunition depot struck from the air reads as weapons seized to the model, sentence and whole text
    text = "Fighter jets destroyed ammunition depots used by the rebels near Dorvan, the army said in a statement."
    assert [k for k, _ in _types(pipeline, text)][:1] == ["attack"]
