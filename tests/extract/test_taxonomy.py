"""The finer kind of an incident (``subtype``) and its ACLED coding (``acled``), from the table
factfinder/data/acled_mapping.csv. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from factfinder.extract.event_type.taxonomy import classify, taxonomy, with_taxonomy
from factfinder.model import INCIDENT_TYPES, AcledCode, Incident, Span
from factfinder.records import incident_record

# (type, sentence, subtype, ACLED event type, ACLED sub-event type)
CASES = [
    ("other", "Soldiers seized a cache of rifles and mortar rounds hidden in a farmhouse near Tessaly.",
     "weapons_seized", "Strategic developments", "Disrupted weapons use"),
    ("other", "A bomb squad defused an explosive device found under a bridge on the Kollam road.",
     "explosives_defused", "Strategic developments", "Disrupted weapons use"),
    ("other", "The rebels set up a new base in the hills above Marrow after leaving the valley.",
     "base_established", "Strategic developments", "Headquarters or base established"),
    ("other", "The two militias signed a ceasefire in the border town of Ostra on Friday.",
     "agreement", "Strategic developments", "Agreement"),
    ("other", "Forty fighters of the Southern Brigade defected to the government with their weapons.",
     "defection", "Strategic developments", "Change to group/activity"),
    ("other", "Three local militias announced they had formed a new alliance to defend the district.",
     "group_formation", "Strategic developments", "Change to group/activity"),
    ("other", "The ministry deployed two thousand troops to the eastern province ahead of the vote.",
     "deployment", "Strategic developments", "Change to group/activity"),
    ("other", "Government forces took control of the market town after the insurgents withdrew from it.",
     "territory", "Strategic developments", "Non-violent transfer of territory"),
    ("other", "Militia units seized control of the river crossing at Dunmore without a shot after the garrison left.",
     "territory", "Strategic developments", "Non-violent transfer of territory"),
    ("armed_clash", "The army retook the village of Hamra after two days of fighting with the rebels.",
     "territory_regained", "Battles", "Government regains territory"),
    ("armed_clash", "Soldiers and militia fighters exchanged fire for hours outside the district office.",
     "armed_clash", "Battles", "Armed clash"),
    ("attack", "A drone strike hit a wedding party in the village of Sarai late on Sunday.",
     "air_strike", "Explosions/Remote violence", "Air/drone strike"),
    ("killing", "A roadside bomb killed four passengers of a minibus on the highway to Kandor.",
     "remote_explosive", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("killing", "Gunmen shot dead a shopkeeper and his son in the old quarter of Beshir.",
     None, "Violence against civilians", "Attack"),
    ("torture", "Two women said they had been raped by soldiers at the checkpoint.",
     "sexual_violence", "Violence against civilians", "Sexual violence"),
    ("protest", "Police fired tear gas to disperse hundreds of students marching to parliament.",
     "protest_with_intervention", "Protests", "Protest with intervention"),
    ("protest", "Teachers marched peacefully through the capital to demand their unpaid wages.",
     "peaceful_protest", "Protests", "Peaceful protest"),
    ("arrest", "Masked gunmen abducted a district official from his car outside Maro.",
     "abduction", "Violence against civilians", "Abduction/forced disappearance"),
]


@pytest.mark.parametrize(("kind", "text", "subtype", "event_type", "sub_event_type"), CASES)
def test_subtype_and_acled_come_from_the_sentence(kind, text, subtype, event_type, sub_event_type):
    row = classify(kind, text)
    assert (row.subtype, row.acled) == (subtype, AcledCode(event_type, sub_event_type))


def test_every_type_has_a_default_row_and_types_acled_does_not_code_have_no_acled_pair():
    table = taxonomy()
    assert set(table) == set(INCIDENT_TYPES)
    for kind, rows in table.items():
        assert rows[-1].cues is None, kind  # the default row comes last
    assert classify("statement", "The ministry condemned the attack.").acled is None
    assert classify("legislation", "Parliament passed a law on assemblies.").acled is None


def test_the_record_carries_the_fields():
    text = "Police seized forty rifles from a warehouse in the port."
    incident = with_taxonomy(Incident(doc="d", type="other", summary=text, evidence=(Span(0, len(text), text),)))
    record = incident_record(incident)
    assert record["subtype"] == "weapons_seized"
    assert record["acled"] == {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}
    plain = incident_record(Incident(doc="d", type="statement", summary=text, evidence=(Span(0, len(text), text),)))
    assert plain["subtype"] is None and plain["acled"] is None


@pytest.fixture(scope="module")
def pipeline(nlp):
    from factfinder.pipeline import Pipeline

    return Pipeline(nlp=nlp)


def test_extraction_fills_the_fields(pipeline):
    from factfinder.text import document_from_text

    text = ("Soldiers seized a cache of rifles and mortar rounds hidden in a farmhouse near Tessaly on Monday. "
            "A roadside bomb killed four passengers of a minibus on the highway to Kandor.")
    found = [(i.type, i.subtype, i.acled) for i in pipeline.extract(document_from_text(text)).incidents]
    assert ("killing", "remote_explosive",
            AcledCode("Explosions/Remote violence", "Remote explosive/landmine/IED")) in found


def test_an_attack_between_two_armed_sides_is_an_armed_clash(pipeline):
    from factfinder.text import document_from_text

    text = "Fighters of the Arakan Army attacked Myanmar military positions near Kyauktaw on Sunday."
    found = [(i.type, i.subtype) for i in pipeline.extract(document_from_text(text)).incidents]
    assert found[:1] == [("armed_clash", "armed_clash")]
    remote = "The Arakan Army shelled Myanmar military positions near Kyauktaw on Sunday."
    assert [i.type for i in pipeline.extract(document_from_text(remote)).incidents][:1] != ["armed_clash"]


def test_protesters_clashing_with_police_is_a_violent_demonstration(pipeline):
    from factfinder.text import document_from_text

    text = "Hundreds of protesters clashed with police in the centre of the capital on Friday."
    found = [(i.type, i.subtype) for i in pipeline.extract(document_from_text(text)).incidents]
    assert ("protest", "violent_demonstration") in found and "armed_clash" not in {t for t, _ in found}


def test_fighting_named_by_a_truce_or_a_deployment_is_the_development(pipeline):
    from factfinder.text import document_from_text

    truce = "The army and the rebels agreed to a ceasefire on Monday to end weeks of fighting around Dorvan."
    sent = "The government sent reinforcements to the border district to fight the rebels, officials said."
    breach = "Fighting broke out around Dorvan despite the ceasefire agreed on Monday, killing 12 fighters."
    assert [(i.type, i.subtype) for i in pipeline.extract(document_from_text(truce)).incidents][:1] == [
        ("other", "agreement")]
    assert [(i.type, i.subtype) for i in pipeline.extract(document_from_text(sent)).incidents][:1] == [
        ("other", "deployment")]
    assert [i.type for i in pipeline.extract(document_from_text(breach)).incidents][:1] != ["other"]


def test_a_bomb_defused_is_no_attack(pipeline):
    from factfinder.text import document_from_text

    text = "Police defused a bomb planted near the market in Kellan on Tuesday, officials said."
    found = [(i.type, i.subtype) for i in pipeline.extract(document_from_text(text)).incidents]
    assert "attack" not in {t for t, _ in found}
    assert found[:1] == [("other", "explosives_defused")]


def _incident(kind: str, text: str, trigger: str, **fields) -> Incident:
    at = text.index(trigger)
    return Incident(doc="d", type=kind, summary=text, evidence=(Span(0, len(text), text),),
                    trigger=Span(at, at + len(trigger), trigger), **fields)


def test_an_attack_on_an_armed_sides_post_is_a_battle_unless_remote():
    post = "A police checkpoint on the road to Veska came under attack late on Saturday, officials said."
    assert with_taxonomy(_incident("attack", post, "attack")).type == "armed_clash"
    shelled = "Rebels fired mortars at an army base outside Veska overnight, the ministry said."
    assert with_taxonomy(_incident("attack", shelled, "fired")).type == "attack"  # remote violence
    market = "Gunmen attacked a market in Veska on Saturday, wounding eleven shoppers."
    assert with_taxonomy(_incident("attack", market, "attacked")).type == "attack"  # civilians: one-sided


def test_a_town_captured_is_territory_and_fighters_captured_an_arrest():
    from factfinder.model import Count

    town = "Insurgent fighters captured the district centre of Mawra after a two-day siege."
    taken = with_taxonomy(_incident("arrest", town, "captured"))
    assert (taken.type, taken.subtype) == ("other", "territory")
    people = "Troops captured two insurgent commanders in a raid near Mawra."
    counted = _incident("arrest", people, "captured",
                        counts=(Count("arrested", 2, "exact", "people", Span(15, 18, "two")),))
    assert with_taxonomy(counted).type == "arrest"
    assert with_taxonomy(_incident("arrest", "Troops captured a militant leader near Mawra.", "captured")).type == "arrest"


def test_a_camp_captured_is_territory():
    camps = "Army troopers captured two rebel camps in the hills of Mawra over the weekend."
    assert with_taxonomy(_incident("arrest", camps, "captured")).type == "other"


def test_forces_moving_read_as_a_killing_are_a_development_but_a_death_stays_a_killing():
    guarded = "Security forces reinforced their guard around the churches of Veska before the holiday."
    assert with_taxonomy(_incident("killing", guarded, "Security forces")).type == "other"
    executed = "Soldiers stationed in Veska executed two prisoners on Sunday, a witness said."
    assert with_taxonomy(_incident("killing", executed, "executed")).type == "killing"
    fell = "Troops withdrew from Veska after three of them were killed in an ambush."
    assert with_taxonomy(_incident("killing", fell, "killed")).type == "killing"
