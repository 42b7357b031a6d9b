"""The type an incident's roles and sentence settle, then its ``subtype`` and ``acled``.

The trigger table and the sentence model type a sentence; after the parse the
incident's roles and its sentence's words settle what the words alone cannot
(two armed sides fighting is a clash, protesters' violence a demonstration, a
truce or a seizure the development it is). The table of subtypes and ACLED
pairs is a value module, ``factfinder.values.taxonomy``, read by the store and
the export as well."""

from __future__ import annotations

import re
from dataclasses import replace

from factfinder.extract.event_type.blows import with_blows_type
from factfinder.model import Incident
from factfinder.values.taxonomy import TaxonomyRow, classify, taxonomy, with_fields

__all__ = ["TaxonomyRow", "classify", "taxonomy", "with_fields", "with_taxonomy"]


# Actor kinds that are armed, organised sides (data/actors.csv).
ARMED_KINDS = frozenset({"state_force", "armed_group"})


def is_clash(incident: Incident) -> bool:
    """An attack whose perpetrator and target are two different armed sides, with no remote weapon: a
    battle (ACLED's armed clash), not a one-sided attack. "Rebels attacked an army post" is fighting
    between two armed parties; "rebels shelled an army post" stays remote violence, as ACLED codes it."""
    if incident.type != "attack" or classify("attack", incident.summary).subtype is not None:
        return False
    if FIGHTING.search(incident.summary):
        return True
    sides = {a.name for a in incident.perpetrators if a.kind in ARMED_KINDS}
    if sides and any(a.kind in ARMED_KINDS and a.name not in sides for a in incident.targets):
        return True
    # "a police post came under attack", "gunmen attacked an army patrol": ACLED codes an attack on an
    # armed side's position or unit as a battle, whoever attacked, unless it was remote (shelled, bombed)
    unarmed = any(a.kind not in ARMED_KINDS for a in incident.perpetrators)
    return not unarmed and bool(_ARMED_TARGET.search(incident.summary))


# Words of fighting between two sides: whatever "attacked" the sentence also holds, it tells a battle.
FIGHTING = re.compile(r"\b(?:clash(?:ed|es)?|gun ?battles?|fire ?fights?|exchanges? of (?:gun)?fire|exchanged (?:gun)?fire|"
                       r"traded (?:gun)?fire|fighting between|fought|battled|skirmish(?:es)?|shoot-?outs?|"
                       r"returned fire|fought back)\b", re.IGNORECASE)
# An armed side's position or unit, as the object of an attack ("attacked a police checkpoint").
_ARMED_TARGET = re.compile(r"\b(?:army|military|police|security|border|government|troops'?|soldiers'?|rebel|militant|"
                           r"insurgent|militia)\s+(?:post|outpost|base|checkpoints?|camp|convoy|patrol|barracks|"
                           r"station|positions?|garrison|headquarters|unit|vehicle)s?\b", re.IGNORECASE)
# Actor names of people protesting (data/actors.csv canonical names).
PROTESTING = frozenset({"protesters", "rioters"})
_CROWD = re.compile(r"\b(?:protest(?:er|or)s?|demonstrat(?:ors?|ions?)|riot(?:ers|ing|s)?|marchers|rally|mob)\b",
                    re.IGNORECASE)


def is_violent_demonstration(incident: Incident) -> bool:
    """An attack or a clash whose perpetrators are protesters: a demonstration turned violent (ACLED's
    riots), not an armed attack or a battle; protesters are no armed side. Force used *against*
    protesters keeps its type (the protesters are then its targets)."""
    if incident.type not in {"attack", "armed_clash"}:
        return False
    if any(a.name in PROTESTING for a in incident.perpetrators):
        return True
    # "protesters clashed with police": a clash with one armed side at most, told of a crowd
    armed = {a.name for a in (*incident.perpetrators, *incident.targets) if a.kind in ARMED_KINDS}
    return incident.type == "armed_clash" and len(armed) < 2 and bool(_CROWD.search(incident.summary))


# A sentence that tells an agreement or a deployment names the fighting it ends or prepares for
# ("agreed a truce to end the fighting", "sent reinforcements to fight the rebels"); a breach or
# a toll makes the fighting the event.
_AGREEMENT = re.compile(r"\b(?:cease-?fires?|truces?|peace (?:deal|agreement|accord|talks|pact)|armistice|"
                        r"(?:signed|reached|agreed|announced) (?:an? |the )?(?:\w+ )?(?:agreement|accord|deal|pact)|"
                        r"agreed to (?:end|stop|halt|cease|withdraw|exchange|a)|prisoner (?:swap|exchange))\b", re.IGNORECASE)
_DEPLOYMENT = re.compile(r"\b(?:deploy(?:s|ed|ing|ment)?|redeploy\w*|reinforcements?|sent (?:more |additional )?"
                         r"(?:troops|soldiers|forces|fighters)|dispatched|mobilis\w*|mobiliz\w*|amass\w*)\b",
                         re.IGNORECASE)
_SEIZURE = re.compile(r"\b(?:seiz\w*|recover\w*|confiscat\w*|defus\w*|impound\w*|caches?|haul|stockpiles?|"
                      r"bomb disposal|controlled explosion|safely detonated|made safe|disarm\w*|foil\w*|thwart\w*|found|discovered|unearthed|intercepted)\b",
                      re.IGNORECASE)
_WEAPONS = re.compile(r"\b(?:weapons?|arms|rifles?|guns?|pistols?|ammunition|rounds|explosives?|bombs?|ieds?|"
                      r"grenades?|mines?|rockets?|mortars?|shells|detonators?|devices?)\b", re.IGNORECASE)
# Forces moving, withdrawing, digging in or being formed: a change to an armed group's activity (ACLED's
# strategic developments), not fighting, when the sentence names no fighting or violence.
_MOVEMENT = re.compile(r"\b(?:withdr[ae]w\w*|pull(?:ed|s|ing)? (?:out|back)|pullout|reinforc\w*|fortif\w*|stationed|"
                       r"formed|formations?|sorties?|scrambled|(?:military |joint )?(?:exercises|drills)|on (?:high )?alert|"
                       r"regroup\w*|hand(?:ed|s|ing)? (?:over )?(?:control|authority)|hand(?:ed|s|ing)? \w+ back|handover|"
                       r"without (?:a fight|resistance|a shot)|peacefully)\b", re.IGNORECASE)
_VIOLENCE = re.compile(r"\b(?:fight\w*|fought|battles?|offensive|assault\w*|attack\w*|kill\w*|dead|died|wounded|injur\w*|"
                       r"shell\w*|bomb\w*|fir(?:e|ed|ing) (?:on|at)|opened fire|gunfire|strikes?|raid\w*|ambush\w*|clash\w*)\b",
                       re.IGNORECASE)
# Words that tell a death without a word of _VIOLENCE ("executed", "slain", "lost their lives", "bodies").
_KILLING_WORD = re.compile(r"\b(?:murder\w*|slain|slaughter\w*|execut\w*|massacre\w*|lynch\w*|fatal\w*|deaths?|lives|life|"
                           r"bodies|body|corpses?|hang(?:ed|ing)|shot|gunned|behead\w*|assassinat\w*|toll|perish\w*)\b",
                           re.IGNORECASE)
_BREACH = re.compile(r"\b(?:despite|violat\w*|breach\w*|broke|broken|shattered|collapsed)\b", re.IGNORECASE)


def is_development(incident: Incident) -> bool:
    """Fighting or an attack named in a sentence about an agreement, a deployment or weapons seized or
    defused, with no toll (and no breach of the agreement): the development is the event (ACLED's
    agreement, change to group activity, disrupted weapons use). "Police defused a bomb planted to
    attack the market" tells no attack. A killing qualifies only where its sentence tells forces moving
    and names no death or violence at all: the sentence model read the forces' words as one."""
    if incident.type not in {"attack", "armed_clash", "killing"} or any(c.category == "killed" for c in incident.counts):
        return False
    text = incident.summary
    if incident.type == "killing":
        # a killing in a sentence that names no death, no violence and no killing word is the sentence
        # model's reading of forces' words ("police strengthened their positions around the temples")
        return bool(_MOVEMENT.search(text)) and not _VIOLENCE.search(text) and not _KILLING_WORD.search(text)
    if incident.type == "armed_clash" and _MOVEMENT.search(text) and not _VIOLENCE.search(text):
        return True  # forces withdrawn, reinforced or handed a town: no one fought
    return (bool(_AGREEMENT.search(text) and not _BREACH.search(text)) or bool(_DEPLOYMENT.search(text))
            or bool(_SEIZURE.search(text) and _WEAPONS.search(text)))


# A place or position as the object of a taking verb: territory changing hands, not people arrested.
_TAKEN_PLACE = re.compile(r"\b(?:captur\w*|seiz\w*|took|taken|taking|overr[au]n|stormed)\s+(?:control\s+(?:of|over)\s+)?"
                          r"(?:the\s+|a\s+|an\s+|two\s+|three\s+|several\s+)?(?:[\w-]+\s+){0,2}?"
                          r"(?:towns?|city|cities|villages?|districts?|areas?|territory|regions?|provinces?|airport|"
                          r"hills?|border crossing|crossings?|bases?|camps?|outposts?|positions?|strongholds?|oil ?fields?|"
                          r"port|bridge|highway|road|headquarters|capital)\b", re.IGNORECASE)


def is_territory(incident: Incident) -> bool:
    """An arrest whose sentence tells a town, a base or a road taken and no one arrested ("rebels
    captured the town"): the trigger table's "captured" beside a word for fighters reads it as an
    arrest; ACLED codes it as territory changing hands."""
    if incident.type != "arrest" or any(c.category in ("arrested", "detained") for c in incident.counts):
        return False
    found = _TAKEN_PLACE.search(incident.summary)
    return found is not None and incident.trigger is not None and \
        found.start() <= incident.trigger.start - _offset(incident) < found.end()


def _offset(incident: Incident) -> int:
    """Where the incident's sentence starts in its document (its first evidence span)."""
    return incident.evidence[0].start


def with_taxonomy(incident: Incident) -> Incident:
    """The incident with its ``subtype`` and ``acled`` fields filled from its type and sentence; an
    attack between two armed sides typed as the armed clash it is, and protesters' violence as protest;
    blows outside custody typed as the attack or the protest they are (``blows.py``)."""
    if incident.type == "torture":
        incident = with_blows_type(incident)
    if is_violent_demonstration(incident):
        incident = replace(incident, type="protest")
    elif is_clash(incident):
        incident = replace(incident, type="armed_clash")
    elif is_development(incident) or is_territory(incident):
        incident = replace(incident, type="other")
    return with_fields(incident)
