"""Crime reports: the arrest of a suspect is the investigation of an act, not a second act.

"Police arrested two men over the killing of a journalist", "a fugitive wanted for killing
an estate agent has been arrested", "three people were charged in connection with a
kidnapping": the arrest is the law's answer to the killing or kidnapping, and the people
it names are the suspected agents of that act. A monitor codes the killing (by its
suspected, non-state agent) as the abuse, and the arrest as part of the proceedings
against them; coding the arrest as an `arrest` made police the perpetrators of the very
abuse they investigate (HRDsAttack: a journalist's kidnapping read as a state arrest).

``suspect_arrests`` retypes such an arrest as the `legal_proceeding` it is (DESIGN.md:
"trials, tribunals, hearings, investigations") and gives the act it is about, when told in
the same sentence with no agent, the suspects as its perpetrator. The suspects are never
named: the actor is "suspects" (kind `criminal`, non-state), its mention the words that
say they are suspected ("wanted for", "over", "charged in connection with").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from factfinder.extract.convicts import convicted_agent
from factfinder.extract.role_words import KIDNAP_WORD, SUSPECTS, is_kidnapping, judges, tells_battle, tried_for
from factfinder.extract.roles import ACTING_KINDS, add_actor
from factfinder.model import Actor, Incident, Span
from factfinder.values.taxonomy import with_fields

# The acts a suspect is arrested for that are abuses of people (attacks on property, weapons and
# armed groups' operations are left alone: "arrested a supplier tied to roadside bombings"), the
# crimes of war tried in other countries ("arrested on suspicion of war crimes"), and the ordinary
# crimes whose suspects' arrest no monitor documents either ("arrested for allegedly posing as
# police officers", "for stealing cattle"); not the offences a state charges its critics with
# (fraud, spreading false news, insulting officials), which stay arrests.
_CRIME = (r"(?:murder\w*|killing\w*|kill|killed|kidnap\w*|abduct\w*|rape\w*|raping|assault\w*|lynch\w*|"
          r"disappearance|death|shooting|stabbing|tortur\w*|beheading|assassinat\w*|"
          r"war crimes?|crimes against humanity|genocide|"
          r"impersonat\w*|posing as|parading (?:themselves|himself|herself) as|steal\w*|burglar\w*|"
          r"robb(?:ing|ed|ery|eries)|defraud\w*|poach\w*|counterfeit\w*)")
# "wanted for", "suspected of", "accused of", "charged with", "on charges of", "in connection
# with", "over", "linked to", "for (their role in)": the words that tie the arrested or charged to
# the act; a robbery or theft may come first, the victim's name in the possessive too.
_TIE = (r"\b(?P<tie>wanted for|suspected (?:of|in)|accused (?:of|in)|charged (?:with|over|for|in connection with)|"
        r"charges? (?:of|for|over|including)|in connection with|linked to|over|on suspicion of|"
        r"for (?:allegedly |reportedly )?(?:being behind|masterminding|perpetrating|carrying out)|"
        r"for(?: (?:their|his|her) (?:alleged )?(?:role|involvement|part) in)?)\s+"
        r"(?:(?:allegedly|reportedly) )?(?:the |a |an |his |her |their |its )?"
        r"(?:(?:many|several|numerous|a series of|a string of|rampant|serial) )*"
        r"(?:[A-Z][\w-]+(?: [A-Z][\w-]+){0,2}['\u2019]s? )?"
        r"(?:(?:alleged|suspected|armed|brutal|gruesome|aggravated|attempted|first-degree|double) )?"
        r"(?:(?:robbery|theft|extortion),? and )?" + _CRIME + r"\b")
_TIED = re.compile(_TIE, re.IGNORECASE)
# The arrest's or the charge's own words: the tie must be read beside them ("arrested ... over the
# killing"), not anywhere in a sentence that also reports an arrest. A prison term for a crime
# ("jailed for stealing", "served nine years in prison for kidnapping") is its proceeding too.
_ARREST_WORD = re.compile(r"\b(?:arrest\w*|detain\w*|held|nabbed|apprehended|custody|charged|picked up|"
                          r"booked|extradited|captured|jailed|imprisoned|prison)\b", re.IGNORECASE)
# Charged, not convicted: a court's sentence names convicts, whom reports (and the project's gold)
# leave out as persons; a charge, like an arrest, names the suspects of an open case.
_CHARGE_WORD = re.compile(r"\b(?:charge[ds]?|indict\w*|accused|prosecut\w*|arraign\w*)\b", re.IGNORECASE)
_ABUSES = frozenset({"killing", "torture", "disappearance", "attack", "arrest"})
# People whose arrest "over" a death is itself what a monitor documents (protesters held after a
# policeman's death, a journalist charged over a killing he reported): their arrest stays an
# arrest, and they are never made the suspected agents of the act they are held over.
_CIVIC_GROUPS = frozenset({"activists", "human rights defenders", "journalists", "lawyers", "opposition members",
                           "protesters", "trade unionists", "election observers", "relatives of the disappeared",
                           "religious leaders", "political prisoners"})


def suspect_arrests(incidents: Sequence[Incident],
                    actors_in: Callable[[int, int], Sequence[Actor]] = lambda start, end: ()) -> list[Incident]:
    """Arrests of people suspected of an abuse, retyped `legal_proceeding`; the abuse of the same
    sentence, when it has no state or armed agent, done by "suspects". ``actors_in(start, end)``
    gives the actors named in a stretch of the text: an armed group's member arrested ("arrested a
    militia courier tied to the murder of ...") is a conflict arrest and stays one."""
    out = list(incidents)
    for i, incident in enumerate(incidents):
        tie = _suspect_tie(incident)
        if tie is None and incident.trigger is not None and _held_criminals(incident, actors_in):
            # "the suspects were arrested in their hideout", "police arrested three members of the
            # gang": the arrest of people the report itself calls criminals is the law's answer to a
            # crime, not an abuse by the police (HRDsAttack: a kidnapping read as a state arrest)
            out[i] = with_fields(replace(incident, type="legal_proceeding"))
            continue
        if tie is None or incident.trigger is None:
            continue
        start, end = sorted((incident.trigger.end, tie.start))
        if any(a.kind in ("armed_group", "unknown") for a in actors_in(start, end)):
            continue
        # the victims of the act ("wanted for killing an estate agent", "over the killing of a
        # journalist") are not the ones the investigation is about
        crime_end = incident.trigger.start if tie.start < incident.trigger.start else incident.evidence[0].end
        kept = tuple(a for a in incident.targets if not tie.start <= a.span.start < crime_end)
        if incident.type == "arrest":
            out[i] = with_fields(replace(incident, type="legal_proceeding", targets=kept))
            kidnapping = _kidnapping_told(incident, tie, crime_end, out)
            if kidnapping is not None:
                out.append(kidnapping)
        start = incident.evidence[0].start
        for j, other in enumerate(out):
            if j == i or other.evidence[0].start != start or other.type not in _ABUSES:
                continue
            if other.type == "arrest" and other.subtype != "abduction":
                continue
            if any(a.kind in ACTING_KINDS for a in other.perpetrators):
                continue
            suspects = _suspects(incident, tie)
            # the suspects are not those the act happened to (a parse may give them the act's object)
            held = {a.span.start for a in suspects}
            targets = tuple(a for a in other.targets if a.span.start not in held)
            out[j] = replace(other, perpetrators=suspects, targets=targets)
    out.sort(key=lambda inc: inc.evidence[0].start)  # stable: a told kidnapping after its arrest
    # a verdict first: "sentenced to life in prison for the murder" names convicts, though its
    # prison term is also an arrest word that would make them suspects
    return _story_suspects([_charged_with(convicted_agent(incident)) for incident in _charged_agents(out)])


def _charged_agents(incidents: list[Incident]) -> list[Incident]:
    """An abuse told as what state or armed agents are charged with ("four intelligence officers have
    been indicted on charges to kidnap a journalist", "indicting agents of the government for attempted
    kidnapping"): done by those charged, whom the proceeding of the same sentence names."""
    out = list(incidents)
    for i, incident in enumerate(incidents):
        if incident.perpetrators or incident.type not in _ABUSES or not tried_for(incident):
            continue
        start = incident.evidence[0].start
        charged = next((tuple(a for a in other.targets if a.kind in ACTING_KINDS and not judges(a))
                        for other in incidents if other.type == "legal_proceeding" and other.evidence[0].start == start
                        and any(a.kind in ACTING_KINDS and not judges(a) for a in other.targets)), ())
        if charged:
            out[i] = replace(incident, perpetrators=charged, targets=tuple(
                a for a in incident.targets if all(a.span.start != c.span.start for c in charged)))
    return out


def _kidnapping_told(arrest: Incident, tie: Span, crime_end: int, incidents: Sequence[Incident]) -> Incident | None:
    """The kidnapping an arrest is for ("arrested a man for kidnapping a herdsman"), when no
    kidnapping of the sentence is an incident of its own: one incident per type and sentence made
    the arrest and the kidnapping one `arrest`, so retyping the arrest would lose the abuse. Done by
    the suspects, to the people named after the tie (whom the arrest no longer lists)."""
    evidence = arrest.evidence[0]
    crime = _KIDNAP_AFTER_TIE.match(evidence.text, tie.end - evidence.start)
    if crime is None or any(other.evidence[0].start == evidence.start and is_kidnapping(other) for other in incidents):
        return None
    trigger = Span(evidence.start + crime.start("word"), evidence.start + crime.end("word"), crime.group("word"))
    victims = tuple(a for a in arrest.targets if tie.start <= a.span.start < crime_end and a.kind == "group")
    return with_fields(replace(arrest, trigger=trigger, perpetrators=_suspects(arrest, tie), targets=victims,
                               counts=(), attachments=()))


# The kidnapping word right after a tie ("for allegedly kidnapping", "over the abduction of").
# Not "behind kidnapping cases": cases of a crime are what the suspect is held for, no one act told.
_KIDNAP_AFTER_TIE = re.compile(r"\s*(?:\w+ ){0,3}?(?P<word>kidnap\w*|abduct\w*)\b(?!\s+cases)", re.IGNORECASE)
# The abuses a crime report tells without an agent: done by the suspects its arrests name.
_SUSPECTED_ACTS = frozenset({"killing", "torture", "disappearance", "attack"})


def _story_suspects(incidents: list[Incident]) -> list[Incident]:
    """Abuses with no perpetrator in a story whose arrests are of criminals or suspects (a crime
    report: "a teacher thwarted a kidnapping ... the suspect was taken into custody"): the
    suspected, non-state agents the arrest names, as a coder reading the whole report codes them.
    A story of fighting or of an armed group's capture is no crime report and gets none."""
    held: dict[int | None, Actor] = {}
    for incident in incidents:
        if incident.type == "legal_proceeding":
            named = next((a for a in incident.targets if a.kind == "criminal"), None) or \
                next((a for a in incident.perpetrators if a.name == SUSPECTS), None)
            if named is not None:
                held.setdefault(incident.story, Actor(SUSPECTS, named.span, "criminal"))
    if not held:
        return incidents
    out = []
    for incident in incidents:
        suspect = held.get(incident.story)
        if suspect is None or not (incident.type in _SUSPECTED_ACTS or is_kidnapping(incident)) \
                or tells_battle(incident.summary) or any(a.kind != "group" for a in incident.perpetrators):
            out.append(incident)
            continue
        if incident.perpetrators and incident.type in ("killing", "attack"):
            out.append(incident)  # a group's own violence ("villagers lynched a man"): not the suspects'
            continue
        # people the parse made the subject of a kidnapping or ill-treatment underwent it, or stopped it
        targets = list(incident.targets)
        for actor in incident.perpetrators:
            add_actor(targets, actor)
        out.append(replace(incident, perpetrators=(suspect,), targets=tuple(targets)))
    return out


def _charged_with(incident: Incident) -> Incident:
    """An abuse told as what someone is charged with or arrested for ("charged with armed
    kidnapping", "arrested on charges of abducting a man"): done by the suspects."""
    if incident.type not in _ABUSES or incident.trigger is None or incident.perpetrators:
        return incident
    if incident.type == "arrest" and incident.subtype != "abduction":
        return incident
    evidence = incident.evidence[0]
    trigger = incident.trigger.start - evidence.start
    for found in _TIED.finditer(evidence.text):
        if not found.end("tie") <= trigger < found.end():
            continue
        before = evidence.text[max(0, found.start() - 60):found.start()]
        if _CHARGE_WORD.search(before) or _ARREST_WORD.search(before) or found.group("tie").lower().startswith(
                ("charge", "accused", "suspected", "wanted")):
            tie = Span(evidence.start + found.start("tie"), evidence.start + found.end("tie"), found.group("tie"))
            return replace(incident, perpetrators=(Actor(SUSPECTS, tie, "criminal"),))
    # the act further on in the charge's own phrase: "charged with joining the gang and plotting
    # to torture hostages", "accused of taking part in the hijacking and the killing of a fisherman"
    phrase = _CHARGE_PHRASE.search(evidence.text[:trigger])
    if phrase is not None:
        tie = Span(evidence.start + phrase.start("tie"), evidence.start + phrase.end("tie"), phrase.group("tie"))
        return replace(incident, perpetrators=(Actor(SUSPECTS, tie, "criminal"),))
    return incident


# A charge whose phrase runs on to the act (no clause break: no verb of its own but infinitives and
# gerunds of the charge, no stop, semicolon or colon): its words are the suspects' mention.
_CHARGE_PHRASE = re.compile(r"\b(?P<tie>charged with|accused of|suspected of|wanted for|on charges of|indicted for)"
                            r"(?:\s+[^\s.;:,\u201c\u201d\"]+){1,9}\s+(?:the |a |an )?$", re.IGNORECASE)


def _suspects(arrest: Incident, tie: Span) -> tuple[Actor, ...]:
    """The arrested state agents ("police arrested three officers over the death of a detainee"),
    else the unnamed "suspects"."""
    agents = tuple(a for a in arrest.targets if a.kind in ACTING_KINDS and not judges(a))  # "charged at the Court"
    return agents or (Actor(SUSPECTS, tie, "criminal"),)


def _held_criminals(incident: Incident,
                    actors_in: Callable[[int, int], Sequence[Actor]] = lambda start, end: ()) -> bool:
    """An arrest, told by a word of arresting, of people named as criminals or suspects (kind
    `criminal`: "the suspects", "gang members", "kidnappers"), with no civic group among those held."""
    trigger = incident.trigger
    if incident.type != "arrest" or trigger is None:
        return False
    if any(a.name in _CIVIC_GROUPS or a.kind in ("armed_group", "unknown") for a in incident.targets):
        return False
    criminals = [a for a in incident.targets if a.kind == "criminal"]
    if not criminals and _police_hold_suspects(incident, actors_in):
        return bool(_ARREST_WORD.search(trigger.text))
    if KIDNAP_WORD.search(trigger.text):
        # "members of a kidnapping gang were arrested": the crime word names the gang, the act is the arrest
        return any(0 <= a.span.start - trigger.end <= 1 for a in criminals) and \
            bool(_ARREST_WORD.search(incident.summary))
    return bool(criminals) and bool(_ARREST_WORD.search(trigger.text))


# "arrested two more suspects", "detained more than 100 suspects": the arrest word's object is
# suspects, however many (the actor table names only "the suspects", "a suspect": a figure before
# the word is no alias); "four other suspects in the case had been arrested": they are its subject.
_SUSPECTS_AFTER = re.compile(r"\s+(?:(?!and\b|or\b)[\w,-]+\s+){0,3}suspects\b", re.IGNORECASE)
_SUSPECTS_BEFORE = re.compile(r"\bsuspects\b(?:\s+(?!and\b)[\w-]+){0,6}\s+(?:was|were|been|being)\s+"
                              r"(?:(?:also|already|later|subsequently|since)\s+)?$", re.IGNORECASE)
_POLICE = re.compile(r"\bpolice", re.IGNORECASE)
# The one crime the suspects are held over: "in connection with the beating", "in the case".
_ONE_CASE = re.compile(r"\b(?:in connection with|in relation to|involvement in|linked to|over the|"
                       r"in the (?:case|incident|killing|death|attack|murder|assault))\b", re.IGNORECASE)


def _police_hold_suspects(incident: Incident, actors_in: Callable[[int, int], Sequence[Actor]]) -> bool:
    """The police's (or no one named's) arrest of people the sentence calls suspects, whom no actor
    names (a figure before "suspects"). Not soldiers' nor a security force's: soldiers holding
    "suspects" in a raid hold the suspected members of an armed group, an arrest in a conflict
    ("the security force detained two suspects")."""
    trigger, evidence = incident.trigger, incident.evidence[0]
    named = [*incident.perpetrators, *actors_in(evidence.start, evidence.end)]
    if trigger is None or not all(_POLICE.search(a.name) for a in named
                                  if a.kind in ("state_force", "armed_group", "unknown")):
        return False  # soldiers, a security force, an armed group hold them
    if not _ONE_CASE.search(evidence.text):
        return False  # "detained 139 suspects on charges of various crimes": a mass arrest, no case's proceeding
    start, end = trigger.start - evidence.start, trigger.end - evidence.start
    return bool(_SUSPECTS_AFTER.match(evidence.text, end)
                or _SUSPECTS_BEFORE.search(evidence.text, max(0, start - 80), start))


def _suspect_tie(incident: Incident) -> Span | None:
    """The words that make an arrest incident the arrest of a suspect, None when they do not."""
    if incident.trigger is None:
        return None
    if incident.type == "arrest":
        # an arrest word, not a kidnapping (whose subtype a crime word of the sentence may have set)
        if not _ARREST_WORD.search(incident.trigger.text) or KIDNAP_WORD.search(incident.trigger.text):
            return None
    elif incident.type != "legal_proceeding" or not _CHARGE_WORD.search(incident.trigger.text):
        return None
    if any(a.kind in ("armed_group", "unknown") for a in incident.targets):
        return None  # forces detaining an armed group's members: an arrest in a conflict
    evidence = incident.evidence[0]
    trigger = incident.trigger.start - evidence.start
    for found in _TIED.finditer(evidence.text):
        # the tie within a clause of the arrest word: before it ("a fugitive wanted for killing ...
        # has been arrested") or after it ("arrested five people over the killing of ...")
        near = found.start() - trigger if found.start() >= trigger else trigger - found.end()
        between = evidence.text[min(found.end(), trigger):max(found.start(), trigger)]
        if near <= 90 and not re.search(r"[;:]|\.\s", between):
            tie = Span(evidence.start + found.start("tie"), evidence.start + found.end("tie"), found.group("tie"))
            # those held, named before the tie (the act's victims come after it), are protesters,
            # journalists, activists ...: their arrest is the abuse a monitor documents
            if any(a.name in _CIVIC_GROUPS and a.span.start < tie.start for a in incident.targets):
                return None
            return tie
    return None


# The words that name who holds people for ransom (data/actors.csv: "kidnappers", "captors", "abductors").
_KIDNAPPERS = "kidnappers"


def story_kidnappers(incidents: Sequence[Incident], story_actors: Callable[[int | None], Sequence[Actor]]) -> list[Incident]:
    """Kidnappings still told without their agent (none named, carried or implied), in a story that
    names the kidnappers elsewhere ("the kidnappers demanded a ransom", "his captors released him"):
    done by them, as a coder reading the whole story codes them; the actor keeps the span where the
    story names it. ``story_actors(story)`` gives the actors the story names, ``story_actors(None)``
    the document's: a story that names none (a headline or lead set apart from its report) takes the
    document's. A kidnapping by state agents names them ("abducted by security forces") and is never
    agentless here."""
    out = list(incidents)
    found: dict[int | None, Actor | None] = {}

    def named_in(story: int | None) -> Actor | None:
        if story not in found:
            found[story] = next((a for a in story_actors(story) if a.name == _KIDNAPPERS), None)
        return found[story]
    for i, incident in enumerate(incidents):
        if incident.perpetrators or not is_kidnapping(incident):
            continue
        kidnappers = named_in(incident.story) or named_in(None)
        if kidnappers is not None and all(t.span.start != kidnappers.span.start for t in incident.targets):
            out[i] = replace(incident, perpetrators=(kidnappers,))
    return out
