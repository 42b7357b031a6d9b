"""The Extractor: from a Document's text to incidents, statistics and the named entities of their sentences.

Why it is shaped this way (the speed target is a whole extraction at least as
fast as a bare spaCy pipeline over the same text):

1. sentences are split by rules (``sentences.py``), not by the parser;
2. one linear pass of the trigger table (``triggers.py``) finds the sentences
   that can hold an incident or a tally, usually a minority of the text;
3. only those sentences go through the full spaCy pipeline (``nlp.pipe``),
   whose parse gives the trigger's negation and the actors' roles and whose
   named entities are handed to the geo stage (``Extraction.entities``, so it
   runs no second NER pass); offsets of the sentence-level parses are mapped
   back to document offsets;
4. counts, actors, attribution and verification are span-level rules run on
   those sentences only.

Dates and places are later stages (``factfinder.dates``, ``factfinder.geo``):
each incident carries its trigger words (``Incident.trigger``) for the dates
stage to find its date near, and the pipeline locates it afterwards.
Resources (nlp, trigger table, actor aliases) are loaded once and injected;
``extract`` is pure over its document.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import islice
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from factfinder.extract import stages
from factfinder.extract.assertion import asserted_hits, is_asserted
from factfinder.extract.answerable import heading_state_targets, online_speakers, trial_targets
from factfinder.extract.attachment import in_own_clause
from factfinder.extract.country_heading import heading_country
from factfinder.extract.counts_patients import one_per_category, patient_count
from factfinder.extract.event_type import PERSONAL, SHORT_DOCUMENT
from factfinder.extract.event_type.taxonomy import with_taxonomy
from factfinder.extract.act_parties import agent_not_target, condemned_bodies, sanctioned_body, statement_speakers
from factfinder.extract.incidents import COUNT_CATEGORIES_BY_TYPE, assign_counts_to_hits, attributes_act, \
    implied_single, is_cumulative, not_an_act, sentence_hits, unfolded
from factfinder.extract.implied_agents import head_agents
from factfinder.extract.named_acts import accusations_of_told_acts, tried_acts
from factfinder.extract.operations import one_operation
from factfinder.extract.other_acts import hold_other_acts_apart
from factfinder.extract.separate_acts import separate_acts
from factfinder.extract.reported_speech import REPORTED_SPEECH, is_statement_speech, speech_hits, statement_targets
from factfinder.extract.sentences import Sentence, split_sentences
from factfinder.extract.statistics import build_statistics
from factfinder.extract.story_roles import (
    agents_before_groups, clash_parties, implied_agents, most_specific_targets, names_agent, protest_roles,
    protest_targets, refine_targets, sentence_perpetrators, story_perpetrators, tells_battle, victims_are_no_agents,
)
from factfinder.extract.suspects import story_kidnappers, suspect_arrests
from factfinder.extract.tally_clause import acts_apart, tally_cue
from factfinder.extract.triggers import Cues, TriggerHit, TriggerTable, load_cues
from factfinder.model import Count, Document, Extraction, Incident, Span, Statistic


@dataclass(slots=True)
class _Candidate:
    """A sentence worth parsing: its trigger hits by type and whether it states a tally."""

    index: int
    sentence: Sentence
    hits: dict[str, list[TriggerHit]]
    cumulative: bool


class Extractor:
    """Finds incidents and statistics in documents; build once with ``Extractor.load`` and reuse."""

    def __init__(self, nlp: Any, *, triggers: TriggerTable, cues: Cues, actors: Any = None,
                 event_typer: Any = None) -> None:
        self.nlp = nlp
        self.event_typer = event_typer  # the learned event-type component (factfinder.extract.event_type)
        self.triggers = triggers
        self.cues = cues
        self.actors = actors

    @classmethod
    def load(cls, *, nlp: Any) -> "Extractor":
        """Load the trigger table, cue phrases, actor aliases and the learned event typer; wrap the injected nlp."""
        from factfinder.extract.event_type import default_typer

        return cls(nlp, triggers=TriggerTable.load(), cues=load_cues(), actors=stages.load_actor_matcher(),
                   event_typer=default_typer())

    # --- public ---------------------------------------------------------------

    def extract(self, document: Document) -> Extraction:
        """Incidents (dates and places not yet chosen), statistics and named entities of one document."""
        return next(self.extract_many([document]))

    def extract_many(self, documents: Iterable[Document], *, documents_per_batch: int = 32,
                     batch_size: int = 256) -> Iterator[Extraction]:
        """Extract several documents, in order, parsing the trigger sentences of up to
        ``documents_per_batch`` documents in one ``nlp.pipe`` stream (spaCy's cost per
        call dominates on short sentences, so batching across documents pays)."""
        chunk: list[Document] = []
        for document in documents:
            chunk.append(document)
            if len(chunk) >= documents_per_batch:
                yield from self._extract_chunk(chunk, batch_size)
                chunk = []
        if chunk:
            yield from self._extract_chunk(chunk, batch_size)

    def _extract_chunk(self, documents: Sequence[Document], batch_size: int) -> Iterator[Extraction]:
        plans: list[tuple[Document, list[Sentence], list[_Candidate], Callable[[int, int], list[Any]]]] = []
        for document in documents:
            sentences = split_sentences(document.text)
            find_actors = self._actor_lookup(document.text)
            plans.append((document, sentences, self._candidates(document.text, sentences, find_actors), find_actors))
        texts = (d.text[c.sentence.start:c.sentence.end] for d, _, candidates, _ in plans for c in candidates)
        parses = iter(self.nlp.pipe(texts, batch_size=batch_size))
        for document, sentences, candidates, find_actors in plans:
            yield self._assemble(document, sentences, candidates, islice(parses, len(candidates)), find_actors)

    # --- steps ------------------------------------------------------------------

    def _actor_lookup(self, text: str) -> Callable[[int, int], list[Any]]:
        """The actors named in a stretch of ``text``, looked up once per stretch: the statement
        candidates (before the parse), their check (after it) and the roles all ask of the same
        sentence."""
        found: dict[tuple[int, int], list[Any]] = {}

        def find(start: int, end: int) -> list[Any]:
            if self.actors is None:
                return []
            if (start, end) not in found:
                found[start, end] = self.actors.find(text, start, end)
            return list(found[start, end])
        return find

    def _candidates(self, text: str, sentences: Sequence[Sentence],
                    find_actors: Callable[[int, int], list[Any]]) -> list[_Candidate]:
        starts = [s.start for s in sentences]
        grouped: dict[int, list[TriggerHit]] = {}
        for hit in self.triggers.find(text):
            i = bisect_right(starts, hit.start) - 1
            if i >= 0 and hit.end <= sentences[i].end:
                grouped.setdefault(i, []).append(hit)
        # The cue-phrase half of the hedge check needs no parse: a sentence whose
        # every trigger is negated or hypothetical is not parsed at all.
        def asserted(sentence: Sentence, hits: dict[str, list[TriggerHit]]) -> dict[str, list[TriggerHit]]:
            return {kind: kept for kind, found in hits.items()
                    if (kept := asserted_hits(text, sentence, found, self.cues))}
        all_hits = [asserted(sentence, sentence_hits(text, sentence, grouped.get(i, ())))
                    for i, sentence in enumerate(sentences)]
        if self.event_typer is not None:  # the learned component completes and corrects the rules
            all_hits = [asserted(sentence, tried_acts(text, ruled, hits, sentence.start)) for sentence, ruled, hits
                        in zip(sentences, all_hits, self.event_typer.document_hits(text, sentences, all_hits))]
        if self.actors is not None:  # statements told as "X said ..." (reported_speech.py)
            all_hits = [asserted(sentence, speech_hits(text, sentence, hits, find_actors, _has_figure(text)))
                        for sentence, hits in zip(sentences, all_hits)]
        out = []
        for i, (sentence, hits) in enumerate(zip(sentences, all_hits)):
            cumulative = is_cumulative(text, sentence, self.cues)
            if hits or (cumulative and any(ch.isdigit() for ch in text[sentence.start:sentence.end])):
                out.append(_Candidate(i, sentence, hits, cumulative))
        return out

    def _assemble(self, document: Document, sentences: Sequence[Sentence], candidates: Sequence[_Candidate],
                  parses: Iterable[Any], find_actors: Callable[[int, int], list[Any]]) -> Extraction:
        text = document.text
        entities: list[tuple[int, int, str]] = []
        analyses: list[tuple[_Candidate, list[TriggerHit], list[tuple[Any, Any]], list[Any], list[Any]]] = []
        agentless: set[int] = set()  # sentences that name no state or armed actor
        long_text = len(sentences) > SHORT_DOCUMENT  # an article: the typer creates no act against people
        # Parses stream through: only what is needed is kept (entities, asserted
        # triggers, roles), so a 5 MB text never holds all its parsed Docs at once.
        for candidate, parsed in zip(candidates, parses):
            sentence = candidate.sentence
            entities.extend((e.start_char + sentence.start, e.end_char + sentence.start, e.label_)
                            for e in parsed.ents)
            asserted = self._asserted_triggers(text, candidate, parsed, find_actors, long_text=long_text)
            actors = find_actors(sentence.start, sentence.end) if asserted else []
            tokens = [_token_at(parsed, hit, sentence) for hit in asserted]
            roles = [stages.actor_roles(parsed, token, actors, offset=sentence.start) for token in tokens]
            attached = [stages.clause_attachments(token, offset=sentence.start, text=text) for token in tokens]
            attached = hold_other_acts_apart([hit.type for hit in asserted], tokens, attached,
                                             offset=sentence.start, text=text)
            # no state or armed actor has a role in its events, and it tells no battle (whose
            # deaths have no one agent) and names no tribunal
            if not names_agent([a for found in roles for group in found for a in group]) \
                    and not tells_battle(text[sentence.start:sentence.end]) \
                    and not any(a.kind == "tribunal" for a in actors):
                agentless.add(sentence.start)
            analyses.append((candidate, asserted, roles, tokens, attached))

        incidents: list[Incident] = []
        statistics: list[Statistic] = []
        singles: dict[int, Count] = {}  # incident index -> its implied single person
        # sentences that tell a statement by its own words ("issued a statement", "condemned"; not a
        # plain "police said", which may be the source of the sentence before)
        speeches = {c.index for c, asserted, *_ in analyses
                    if any(h.type == "statement" and h.trigger is not REPORTED_SPEECH for h in asserted)}
        for candidate, asserted, roles, tokens, attached in analyses:
            sentence = candidate.sentence
            counts = stages.find_counts(text, sentence.start, sentence.end)
            story_index = _story(document, sentence.start)
            attribution = self._attribution(text, sentences, candidate.index, story_index, document, speeches)
            if candidate.cumulative and counts:
                # a tally cue in another clause than an act told before it, on its day ("killed in X
                # on Monday, bringing the toll since the invasion to N"): the act keeps its figures
                cue = tally_cue(text, Span.of(text, sentence.start, sentence.end), self.cues)
                apart = acts_apart(cue, asserted, attached, text, Span.of(text, sentence.start, sentence.end))
                tallied = [c for c in counts if c.category != "money"
                           and not (apart and cue is not None and c.span.end <= cue.start)]
                stats = build_statistics(document.doc, text, sentence, tallied, list(candidate.hits),
                                         attribution=attribution, story=story_index, id_=document.id)
                statistics.extend(stats)
                categories = {s.category for s in stats}
                keep = [i for i, h in enumerate(asserted)
                        if i in apart or not categories & set(COUNT_CATEGORIES_BY_TYPE.get(h.type, ()))]
                asserted, roles, tokens, attached = _pick(keep, asserted, roles, tokens, attached)
                counts = [c for c in counts if c not in tallied]
            asserted, roles, tokens, attached = _pick(unfolded(asserted, text), asserted, roles, tokens, attached)
            if not asserted:
                continue
            by_hit = assign_counts_to_hits(counts, asserted, text)
            evidence = Span.of(text, sentence.start, sentence.end)
            next_span = self._next_sentence(text, sentences, candidate.index, story_index, document)
            verification = stages.verification_for(text, evidence, context=next_span, attributions=attribution)
            acts: dict[str, int] = {}  # how many acts of each type the sentence told so far
            for i, hit in enumerate(asserted):
                kind = hit.type
                acts[kind] = acts.get(kind, -1) + 1
                perpetrators, targets = roles[i][0], refine_targets(text, roles[i][1])
                if kind == "protest":
                    perpetrators, targets = protest_roles(perpetrators, targets, Span.of(text, hit.start, hit.end))
                elif kind == "armed_clash":
                    perpetrators, targets = clash_parties(perpetrators, targets)
                # a figure of no category belongs to the act whose clause holds it, not the nearest
                own = [c for c in by_hit[i] if c.category != "other" or not attached[i]
                       or in_own_clause(c.span, attached[i])]
                single = implied_single(kind, tokens[i], self.cues, counts, sentence.start, text)
                if single is None and not own and (told := patient_count(kind, tokens[i], counts, sentence.start,
                                                                         text)) is not None:
                    own.append(told)  # "a man who had been tortured", "three men ... were hanged"
                if single is not None:
                    singles[len(incidents)] = single
                incidents.append(Incident(
                    doc=document.doc, type=kind, summary=evidence.text, evidence=(evidence,), story=story_index,
                    trigger=Span.of(text, hit.start, hit.end),
                    perpetrators=tuple(perpetrators), targets=tuple(targets),
                    counts=tuple(sorted(own, key=lambda c: c.span.start)),
                    attribution=attribution, verification=verification, id=document.id,
                    attachments=attached[i], act=acts[kind],
                ))
        incidents = [with_taxonomy(replace(inc, counts=one_per_category(inc.counts, text)))
                     for inc in _add_singles(incidents, singles)]
        incidents.sort(key=lambda inc: (inc.evidence[0].start, _type_rank(inc.type)))
        if self.event_typer is not None:  # a short text read as a whole settles the type of its first incident
            incidents = self.event_typer.settle_short(text, sentences, incidents, statistics=statistics)
        if self.actors is not None:
            incidents = suspect_arrests(incidents, find_actors)
        incidents = story_perpetrators(sentence_perpetrators(victims_are_no_agents(incidents)), agentless)
        heading = heading_country(text)
        if self.actors is not None:  # the state body an agentless act implies, of the report's country
            def state_body(body: str) -> tuple[str, str]:
                name, kind = self.actors.state_body(text, body)
                return str(name), str(kind)
            # an annual report's country section (its heading) tells separate events, each with its own agent
            incidents = most_specific_targets(protest_targets(
                implied_agents(incidents, state_body, story_agents=heading is None), state_body))
            if heading is None:  # a news article's caption or headline, told again in its body
                incidents = head_agents(incidents, document.stories)
        if self.actors is not None:
            incidents = story_kidnappers(incidents, lambda index: find_actors(*_story_bounds(document, index)))
        incidents = condemned_bodies(statement_speakers(statement_targets(accusations_of_told_acts(
            one_operation(incidents))), find_actors), find_actors)
        if self.actors is not None and heading is not None:
            incidents = heading_state_targets(incidents, state_body)
        incidents = [agent_not_target(sanctioned_body(agents_before_groups(i)))
                     for i in victims_are_no_agents(online_speakers(trial_targets(incidents)))]
        return Extraction(document=document, incidents=tuple(incidents), statistics=tuple(statistics),
                          entities=tuple(entities))

    def _asserted_triggers(self, text: str, candidate: _Candidate, parsed: Any,
                           find_actors: Callable[[int, int], list[Any]], *, long_text: bool = False) -> list[TriggerHit]:
        """The sentence's acts: for each type, its first trigger that is asserted (not negated or
        hypothetical), and the later ones that are acts of their own (``separate_acts``)."""
        asserted: list[TriggerHit] = []
        named: set[str] = set()  # the types of the triggers that only named a state
        for hits in candidate.hits.values():
            kept: list[TriggerHit] = []
            tokens: list[Any] = []
            for hit in hits:
                token = _token_at(parsed, hit, candidate.sentence)
                if not is_asserted(text, candidate.sentence, hit, self.cues, token):
                    continue
                if not_an_act(hit, token):
                    named.add(hit.type)
                    continue
                if hit.trigger is REPORTED_SPEECH and not is_statement_speech(
                        token, find_actors(candidate.sentence.start, candidate.sentence.end), candidate.sentence.start):
                    continue
                kept.append(hit)
                tokens.append(token)
            asserted.extend(kept[i] for i in separate_acts(kept, tokens, text))
        # an act against people in the sentence ("accused the military of killing civilians"); a
        # truce broken or rebels backed ('other') is what the accusation is about, not an act told
        if any(hit.type not in ("statement", "other") for hit in asserted):
            asserted = [hit for hit in asserted if not attributes_act(text, hit)]
        if not asserted and named and self.event_typer is not None:
            # its words only named a state ("outlawed cluster bombs were used"): the sentence
            # is read as one without trigger, as the learned typer reads those. In an article, an act
            # against people only where the named state was one ("the abducted pupils were freed on
            # Sunday"), not from a word of speech ("one of the victims accused of defamation":
            # PERSONAL in event_type)
            sentence = candidate.sentence
            learned = self.event_typer.sentence_hits(text, sentence.start, sentence.end, {},
                                                     long_text=long_text and not named & PERSONAL)
            asserted = [hit for hits in learned.values() for hit in hits[:1]
                        if is_asserted(text, sentence, hit, self.cues, _token_at(parsed, hit, sentence))]
        return asserted

    def _next_sentence(self, text: str, sentences: Sequence[Sentence], index: int, story: int | None,
                       document: Document) -> Span | None:
        if index + 1 < len(sentences) and _story(document, sentences[index + 1].start) == story:
            following = sentences[index + 1]
            return Span.of(text, following.start, following.end)
        return None

    def _attribution(self, text: str, sentences: Sequence[Sentence], index: int, story: int | None,
                     document: Document, speeches: set[int]) -> tuple[Any, ...]:
        """Who says so: the sentence's own attribution, else its next sentence's ("..., he told RFA"),
        unless that sentence tells a statement of its own (``speeches``): "On November 14th, the
        Congress issued a statement condemning ..." is the Congress's act, not the source of the
        politician's reaction told before it."""
        sentence = sentences[index]
        found = stages.find_attributions(text, sentence.start, sentence.end)
        if not found and index + 1 not in speeches:
            following = self._next_sentence(text, sentences, index, story, document)
            if following is not None:
                found = stages.find_attributions(text, following.start, following.end)
        return tuple(found)


def _has_figure(text: str) -> Callable[[int, int], bool]:
    """Whether a stretch of text tells a figure other than money (a toll or a tally, not speech)."""
    return lambda start, end: any(c.category != "money" for c in stages.find_counts(text, start, end))


def _add_singles(incidents: list[Incident], singles: dict[int, Count]) -> list[Incident]:
    """Give an implied single person ("killed the Taliban leader") to the first such incident of
    its story and type, only when no incident of that story and type tells a figure: a later
    "the commander" or "him" usually refers to someone already counted."""
    told: dict[tuple[int | None, str], set[int]] = {}  # (story, type) -> sentences that tell a figure
    for inc in incidents:
        if any(c.category in ("killed", "arrested", "detained") for c in inc.counts):
            told.setdefault((inc.story, inc.type), set()).add(inc.evidence[0].start)
    out = list(incidents)
    for index, single in sorted(singles.items()):
        key = (incidents[index].story, incidents[index].type)
        # a figure in the single's own sentence is another object of the same verb
        # ("detained the leader along with three of his associates"): both count
        if told.get(key, set()) - {incidents[index].evidence[0].start}:
            continue
        told.setdefault(key, set()).add(-1)
        inc = incidents[index]
        out[index] = replace(inc, counts=tuple(sorted(inc.counts + (single,), key=lambda c: c.span.start)))
    return out


def _pick(keep: Sequence[int], *columns: list[Any]) -> tuple[list[Any], ...]:
    """The rows ``keep`` of parallel per-hit lists."""
    return tuple([column[i] for i in keep] for column in columns)


def _story(document: Document, offset: int) -> int | None:
    story = document.story_at(offset)
    return story.index if story else None


# Reactions come after the events they react to when one sentence holds both.
_LATE_TYPES = ("statement", "other")


def _type_rank(kind: str) -> int:
    return 1 if kind in _LATE_TYPES else 0


def _token_at(parsed: Any, hit: TriggerHit, sentence: Sentence) -> Any | None:
    """The token of a sentence-level parse where the trigger starts (its root for a phrase)."""
    if parsed is None:
        return None
    span = parsed.char_span(hit.start - sentence.start, hit.end - sentence.start, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _story_bounds(document: Document, index: int | None) -> tuple[int, int]:
    """The offsets of story ``index`` (the whole text for None, or when the document has no such story)."""
    story = next((s for s in document.stories if s.index == index), None)
    return (story.start, story.end) if story is not None else (0, len(document.text))
