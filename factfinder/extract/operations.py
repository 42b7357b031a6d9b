"""Military operations told as fighting: the fighters killed fired back, so the operation is a battle.

Press releases of a force in a war (ISAF's, an army's) tell an operation in several sentences:
"the force killed two insurgents during an operation", "two armed insurgents opened fire from a
tree line", "the force returned fire, killing both men". Read one sentence at a time that is a
killing and an attack; DESIGN.md's taxonomy calls fighting between armed parties an
``armed_clash`` whose deaths are its ``killed`` count, and the project's gold codes such an
operation as one battle. What makes it one is in the text: the killed were armed and fired
("killed three insurgents who were firing on a patrol", "returned fire", "an exchange of fire").
A killing of fighters the text shows no fight for ("killed a Taliban commander", "killed an
insurgent seen placing a bomb") stays a killing, and so does any killing with unarmed victims.

Here, after the incidents of a document are typed and before the within-document merge:

- a killing whose own sentence tells two-sided fire, with no unarmed victim, is a clash
  (``fought_back``);
- in the story of such a clash, the attack by an armed side with no unarmed victim ("insurgents
  opened fire") and the killing of armed fighters by the clash's own side are the same operation
  told in parts (``one_operation``): they are typed as the clash, so the merge joins them when
  their dates, places and figures agree.

The clash's parties are its perpetrators and it lists no targets (``story_roles.clash_parties``):
the fighters killed become a party.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factfinder.extract.event_type.taxonomy import ARMED_KINDS, FIGHTING, classify, with_fields
from factfinder.model import Actor, Incident

# The killed fired on the force, or the force fired back: two sides shooting. FIGHTING (the
# taxonomy's words of a battle: "returned fire", "exchange of fire", "clashed") covers the rest.
_FIRED_ON = re.compile(r"\b(?:who|which|that|after they|as they|when they)\s+(?:had\s+)?(?:were\s+|was\s+)?"
                       r"(?:firing|shooting|fired|shot|opened fire)\s+(?:on|at|upon)\b|\bwere engaged by\b|\bwas engaged by\b|\bin a firefight\b",
                       re.IGNORECASE)
_ONE_SIDED = frozenset({"killing", "attack"})
# Who died, named by no more than a person noun ("killing both men"): in a fight, the other side.
_ANYONE = re.compile(r"\b(?:both|the|all|those)(?:\s+(?:two|three|four|five|six|\d+))?\s+m[ae]n$", re.IGNORECASE)


def _unarmed(actors: Sequence[Actor], incident: Incident) -> bool:
    sentence = incident.evidence[0]
    return any(a.kind not in ARMED_KINDS
               and not _ANYONE.search(incident.summary, 0, max(0, a.span.end - sentence.start)) for a in actors)


def fought_back(incident: Incident) -> bool:
    """A killing told as two sides shooting, none of its victims unarmed and none of its agents a
    crowd, and its dead named (a death "officials described as a shootout" names no side): "a coalition air strike killed three insurgents who were firing on a security patrol"."""
    if incident.type != "killing" or not incident.targets or _unarmed(incident.targets, incident) \
            or _unarmed(incident.perpetrators, incident):
        return False
    return bool(FIGHTING.search(incident.summary) or _FIRED_ON.search(incident.summary))


def _as_clash(incident: Incident) -> Incident:
    """The incident typed as a battle: its armed targets are the other party, and a figure of no
    category ("two armed insurgents opened fire") counts fighters, not anyone harmed."""
    parties = {a.name for a in incident.perpetrators}
    others = tuple(a for a in incident.targets if a.kind in ARMED_KINDS and a.name not in parties)
    counts = tuple(c for c in incident.counts if c.category != "other")
    return with_fields(replace(incident, type="armed_clash", perpetrators=incident.perpetrators + others, targets=(),
                               counts=counts))


def _part_of(incident: Incident, clash_sides: set[str]) -> bool:
    """An act of the story's battle told on its own: an armed side's attack with no unarmed
    victim and no remote weapon ("two armed insurgents opened fire"), or a killing of armed
    fighters by a side of the battle, or of the side it fought ("the force killed two insurgents
    during an operation")."""
    if incident.type not in _ONE_SIDED or _unarmed(incident.targets, incident) or _unarmed(incident.perpetrators, incident):
        return False
    names = {a.name for a in incident.perpetrators}
    if incident.type == "attack":
        return bool(names) and classify("attack", incident.summary).subtype is None
    return bool((names | {a.name for a in incident.targets}) & clash_sides)


def one_operation(incidents: Sequence[Incident]) -> list[Incident]:
    """``incidents`` with each killing that tells a fight typed as a battle, and the other acts of
    that battle in its story (``_part_of``) typed as it too, so the merge can join them."""
    out = [_as_clash(i) if fought_back(i) else i for i in incidents]
    sides: dict[int | None, set[str]] = {}
    for before, after in zip(incidents, out):
        if before.type != after.type:
            sides.setdefault(after.story, set()).update(a.name for a in after.perpetrators)
    if not sides:
        return out
    return [_as_clash(i) if i.story in sides and _part_of(i, sides[i.story]) else i for i in out]
