"""Words and names several role rules read: the people held in custody, prisons, kidnappings, the
unnamed suspects of a crime and the group names of civilians and protesters.

Shared by ``story_roles`` (the story's agent), ``implied_agents`` (what an agentless act implies),
``protests`` (a protest's people and what it is against) and ``suspects`` (crime reports), so
that none of them imports another for a pattern.
"""

from __future__ import annotations

import re

from factfinder.model import Actor, Incident

# Generic people, and the people of a protest, by the names event coders give them.
CIVILIANS = "civilians"
PROTESTERS = "protesters"
PRISONERS = "prisoners"

# Where people are held: custody words of a sentence, prison words (whose body is the prison
# authorities), and the people or places of detention themselves.
CUSTODY = r"\b(?:custody|detention|detain\w*|prisons?|prisoners?|inmates?|jail\w*|penal|colony|cells?|" \
          r"police stations?|interrogat\w*|confess\w*|pre-trial)\b"
PRISON = re.compile(r"\b(?:prisons?|prisoners?|inmates?|jail\w*|penal|colony|cells?|wardens?|guards?|custodial|"
                    r"detention (?:centre|center|facility)s?)\b", re.I)
HELD = re.compile(r"\b(?:in (?:police |military |pre-trial )?(?:custody|detention)|places? of detention|detainees?|"
                  r"inmates?|prisoners?|"
                  r"(?:pre-trial )?detention (?:centres?|centers?|facilit(?:y|ies))|prisons?|penal colon(?:y|ies))\b",
                  re.IGNORECASE)


# The words of a kidnapping: an arrest incident whose trigger is one of them is the kidnapping (its
# subtype alone says only that the sentence names one: "arrested over the kidnapping of ...").
KIDNAP_WORD = re.compile(r"kidnap|abduct|hostage|captive|ransom", re.IGNORECASE)
# The people of a media outlet: "the director of the independent broadcaster", "staff of the news
# website", "its founder" work for it and are its journalists (the outlet itself, "media", is the
# target of a closure or a ban: "sealed the station's offices").
MEDIA = "media"
JOURNALISTS = "journalists"
STAFF_NOUNS = r"(?:directors?|editors?(?:-in-chief)?|founders?|co-founders?|staff|employees|workers|heads?|owners?|" \
              r"presenters?|chiefs?|administrators?)"
STAFF_OF = re.compile(rf"\b{STAFF_NOUNS}\s+of\s+(?:the\s+|an?\s+|its\s+)?(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)
# The unnamed suspects of one crime (extract/suspects.py): tied to their act, never carried to another.
SUSPECTS = "suspects"


def is_kidnapping(incident: Incident) -> bool:
    """An arrest incident told by a word of kidnapping ("abducted", "hostages"), not of arresting."""
    return incident.type == "arrest" and incident.trigger is not None and bool(KIDNAP_WORD.search(incident.trigger.text))


def judges(actor: Actor) -> bool:
    """A court or tribunal: the only agent a trial or sentence carries to the story's other trials
    (the police that arrested the defendant did not sentence them)."""
    return actor.kind == "tribunal" or actor.name.endswith(("courts", "judiciary"))


# "was sentenced ... for torture", "charged with abetting torture", "the verdicts cover the offences
# of kidnapping, torture": the act a trial or charge is about, whose agent is the accused (persons,
# or unnamed suspects), never a state body the act would imply nor an agent the story names for
# another act. A charge or conviction reaches further than an arrest ("charged with joining the
# gang and plotting to torture"); "detained ... for" only a few words ("detained for a week and
# beaten" is the detainees' own ill-treatment).
_TRIED_FOR = re.compile(r"\b(?:sentenc\w*|convict\w*|charged|charges|trial|tried|accused|guilty|indicted|"
                        r"prosecut\w*|jailed|imprisoned|arrested|detained)\b[^.;]{0,40}\b(?:for|of|over|with)\b"
                        r"[^.;]{0,30}$", re.IGNORECASE)
_CHARGED_WITH = re.compile(r"\b(?:charged with|accused of|suspected of|indicted (?:for|on)|convicted of|"
                           r"guilty (?:of|in)|crimes? of|on charges of)\b[^.;:]{0,60}$", re.IGNORECASE)


def tried_for(incident: Incident) -> bool:
    """Whether an incident's act is told as what someone is tried, charged or convicted for: the
    words before its trigger in its sentence tie it to a proceeding."""
    if incident.trigger is None:
        return False
    evidence = incident.evidence[0]
    before = incident.trigger.start - evidence.start
    if not 0 <= before <= len(evidence.text):
        return False
    return bool(_TRIED_FOR.search(evidence.text[:before]) or _CHARGED_WITH.search(evidence.text[:before]))


# A battle between parties: its deaths have no one agent, so none is carried into it.
_BATTLE = re.compile(r"\b(?:battles?|fighting|fought|clash(?:es|ed)?|combat|crossfire|offensive)\b", re.IGNORECASE)


def tells_battle(text: str) -> bool:
    """Whether a sentence tells of fighting between parties ("during the two-day battle")."""
    return bool(_BATTLE.search(text))


# The verbs and bodies by which roles.py tells an agent from a source or an undergoer.
# events whose grammatical subject is the one it happens to ("civilians died", "residents fled")
UNDERGOER_VERBS = frozenset({"die", "flee", "disappear", "vanish", "starve", "suffer", "drown", "perish",
                             "escape", "remain", "go", "hide", "shelter", "evacuate", "lose",
                             # "journalists faced attacks and detentions by the army"
                             "face", "endure", "undergo", "sustain", "experience", "receive", "risk"})

# Nouns that make a copula's subject the one an act befell: "two students were victims of
# extrajudicial killings", "the village became the target of an air strike".
VICTIM_NOUNS = frozenset({"victim", "target", "casualty", "survivor"})

# Bodies that watch and report: the source of what they document, never its agent.
MONITOR_KINDS = frozenset({"un", "ngo", "research", "intergovernmental"})
# Verbs of saying and finding: their subject is the attribution of the event they report.
REPORTING_LEMMAS = frozenset(
    "say express document report find criticise criticize condemn note urge call publish state conclude describe "
    "allege tell observe record verify confirm raise denounce warn recommend deplore welcome announce reveal "
    "accuse blame attribute investigate visit monitor link".split())
# Verbs of arresting: "police arrested two men over the killing of a presenter" says who
# investigates a crime, not who did it or suffered it.
ARREST_LEMMAS = frozenset("arrest detain apprehend nab hold question extradite interrogate".split())
# Verbs of rescuing: their subject freed the victims of the act their object names (a kidnapper's
# "release" of hostages is left out: captors release them too).
RESCUE_LEMMAS = frozenset("rescue liberate save evacuate locate search find discover recover".split())
