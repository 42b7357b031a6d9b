"""Attribution: who says so. "told RFA", "Residents said", "according to UN OCHA".

``find_attributions`` returns the sources a stretch of text cites, each with a
kind from the output contract (media, ngo, un, government, armed_group,
witness, official, other) and the exact phrase it was read from. Sources come
from two alias files: ``data/attribution_sources.csv`` (outlets, unnamed
witnesses and officials) and ``data/actors.csv`` (organisations, armed groups,
state bodies). A named person is never a source: the source is the
organisation the text gives them, or "named person"; an unnamed witness stays
"anonymous resident". A mention counts only beside a reporting verb or phrase.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from factfinder.extract.actors import ActorEntry, ActorMatcher, default_matcher
from factfinder.model import Actor, Attribution, Span

SOURCES_PATH = Path(__file__).resolve().parent.parent / "data" / "attribution_sources.csv"

# actor kind (actors.csv) -> attribution kind (output contract)
_KIND_OF_ACTOR = {
    "state_force": "official", "government": "government", "armed_group": "armed_group", "ngo": "ngo",
    "un": "un", "media": "media", "group": "witness", "company": "other", "research": "other",
    "intergovernmental": "other", "tribunal": "other",
}
_VERBS = (r"said|says|say|told|tells|tell|reported|reports|report|stated|states|announced|announces|claimed|"
          r"claims|claim|accused|accuses|confirmed|confirms|denied|denies|added|noted|wrote|writes|tweeted|"
          r"posted|alleged|alleges|estimated|estimates|warned|warns|responded|explained|revealed|reveals|"
          r"concluded|documented|recorded|condemned|condemns|insisted|insists|acknowledged|admitted|rejected|"
          r"dismissed|blamed|blames|quoted|cited|counted|issued|published|released|highlighted|shows|showed|"
          r"called|calls|described|urged|urges|demanded|demands|announce|deny|denying|say|reporting|"
          r"expressed|expresses|criticised|criticized|criticises|criticizes|found|finds|raised|deplored|observed")
# source, then (an appositive, a possessive or a few words), then a reporting verb
_AFTER_RE = re.compile(
    rf"^(?-i:\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})?"  # a name after a title: "chief Volker Türk said"
    rf"(?:['’]s?(?:\s+[\w'-]+){{1,3}}?|\s+(?:of|in|from|for|near|at)(?:\s+the)?(?:\s+[\w'’-]+){{1,3}}?|"
    rf",[^.;:\n\"“”]{{0,120}}?,|"
    rf"\s+(?:who|which|that)\s[^.;:\n\"“”]{{0,100}}?,?|\s+(?:has|have|had|also|later|then|previously|earlier)|"
    rf"\s+(?:spokes\w+|officials?|sources?|chief|head|director|representatives?|statement|website|report)\b,?|"
    rf"\s+and\s[\w\s'-]{{0,30}}?){{0,3}}"
    rf",?\s*(?<![-\w])({_VERBS})\b", re.IGNORECASE)
_BEFORE_RE = re.compile(
    r"\b(according to|reported by|told|tells|quoted by|quoting|citing|cited by|in an interview with|interview with|"
    r"said|says|to|by)\s+(?:(?:the|a|an|its|his|her|their|two|three|several|some|local|senior|\d+)\s+){0,2}$",
    re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:\n]|$)")
_WEAK_BEFORE = frozenset({"to", "by"})
# "to" and "by" cite a source only right after these: "said to our radio", "reported by Reuters"
_WEAK_LEADS = frozenset({"said", "says", "spoke", "speaking", "talking", "told", "explained", "confirmed",
                         "described", "reported", "quoted", "cited", "announced", "published", "released",
                         "issued", "compiled", "documented", "recorded", "according"})
_ANONYMOUS_RE = re.compile(
    r"did not want to be named|asked not to be named|declined to be named|requested anonymity|"
    r"on condition of anonymity|speaking anonymously|asked not to be identified|wished to remain anonymous|"
    r"for security reasons|asked that (?:his|her|their) name", re.IGNORECASE)
_PERSON_RE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Maj|Lt|Col|Capt|Sgt|Sen|Rep)\.?\s+|\b(?:U|Daw|Ko)\s+)*"
    r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}(?=\s*(?:,|\b(?:" + _VERBS + r")\b))")
_ORG_WORDS = re.compile(
    r"\b(Association|Group|Council|Committee|Ministry|Office|Agency|Network|Foundation|Institute|Center|Centre|"
    r"Union|Party|Army|Forces?|Front|Movement|Organi[sz]ation|Department|Bureau|Commission|Court|Tribunal|Police|"
    r"News|Times|Post|Radio|TV|Press|Daily|Herald|Journal|Media|Watch|Project|Coalition|Alliance|Embassy|Government|"
    r"Bank|Rights|Fund|Monitor|Observatory|Initiative|Society|Trust|Forum|Penal|Info|Service|Services)\b")
_OFFICIAL_TITLES = re.compile(
    r"\b(spokes(?:man|woman|person)|minister|official|officer|governor|commander|general|chief|ambassador|senator|"
    r"president|prime minister|mayor|attorney|secretary|commissioner|colonel|police)\b", re.IGNORECASE)
_ADJACENT_RE = re.compile(r"\s+(?:the\s+)?")
_ORG_APPOSITIVE_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:group|organi[sz]ation|NGO|monitor|charity|agency|body|network|"
    r"coalition|association|outlet|newspaper|website|news\s+\w+|institute|foundation|lender|company|firm)\b")
_PRONOUN_RE = re.compile(r"\b(?:he|she|they|it)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def source_matcher(path: Path = SOURCES_PATH) -> ActorMatcher:
    """Outlets, witnesses and officials of ``data/attribution_sources.csv``, as a matcher (kind = contract kind)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    entries = [ActorEntry(row["source"], row["alias"], row["kind"], "") for row in csv.DictReader(lines)]
    return ActorMatcher(entries)


def find_attributions(text: str, start: int, end: int, *, actors: ActorMatcher | None = None) -> list[Attribution]:
    """The sources cited in text[start:end] (a sentence, or a sentence with its neighbour), in text order."""
    actors = actors or default_matcher()
    mentions = _mentions(text, start, end, actors)
    found: list[Attribution] = []
    for mention, kind in mentions:
        span = _attributed(text, start, end, mention.span)
        if span is None:
            continue
        if span.end > mention.span.end and any(mention.span.end < other.span.start and other.span.end <= span.end
                                               and _ADJACENT_RE.fullmatch(text[mention.span.end:other.span.start])
                                               for other, _ in mentions):
            continue  # "surveillance analysts IPVM reports": the named source speaks, not its description
        source = mention.name
        if kind == "official" and source == "officials" and re.search(r"[A-Z][a-z]+,\s*$", text[max(start, mention.span.start - 30):mention.span.start]):
            continue  # "Colonel James Hartley, a spokesman, said": the named speaker is read below
        if source == "anonymous resident" or kind == "witness":
            source = _anonymity(text, start, end, mention, source)
        found.append(Attribution(source, kind, span))
    found.extend(_statement_of_previous(text, start, end, mentions, found))
    covered = [a.span for a in found]
    for att in _named_speakers(text, start, end):
        if not any(att.span.overlaps(c) for c in covered):
            found.append(att)
    found.sort(key=lambda a: a.span.start)
    return _unique(found)


def _mentions(text: str, start: int, end: int, actors: ActorMatcher) -> list[tuple[Actor, str]]:
    """Known sources in the region: the outlet/witness lexicon first, then organisations from actors.csv."""
    chosen: list[tuple[Actor, str]] = [(m, m.kind or "other") for m in source_matcher().find(text, start, end)]
    for actor in actors.find(text, start, end):
        if actor.kind == "group":
            continue  # affected groups are who things happen to; witnesses come from the source lexicon
        if actor.name == "courts" or actor.name.endswith(" courts"):
            continue  # a court that "released" or "rejected" someone acts; it is no source
        overlapping = [item for item in chosen if actor.span.overlaps(item[0].span)]
        if any(len(m.span.text) >= len(actor.span.text) for m, _ in overlapping):
            continue
        # a longer actor name wins: "Serbian interior ministry" over "interior ministry"
        chosen = [item for item in chosen if item not in overlapping]
        chosen.append((actor, _KIND_OF_ACTOR.get(actor.kind or "", "other")))
    chosen.sort(key=lambda item: item[0].span.start)
    return chosen


def _attributed(text: str, start: int, end: int, span: Span) -> Span | None:
    """The attribution phrase around a mention, or None when no reporting verb goes with it."""
    window = text[span.end:min(end, span.end + 160)]
    m = _AFTER_RE.match(window)
    if m and not re.search(r"[.;\n]", window[:m.start(1)]):
        return Span.of(text, span.start, span.end + m.end(1))
    before = text[max(start, span.start - 40):span.start]
    m = _BEFORE_RE.search(before)
    if m:
        cue = m.group(1).lower()
        if cue in ("said", "says") and not _CLAUSE_END_RE.match(text, span.end):
            return None  # "said the troops fired": the troops are what was said about, not who said it
        if cue in _WEAK_BEFORE:
            lead = re.findall(r"[\w']+", before[:m.start(1)])
            if not lead or lead[-1].lower() not in _WEAK_LEADS:
                return None  # "killed by the army" is no citation; "reported by Reuters" is
        cue_start = span.start - len(before) + m.start(1)
        return Span.of(text, cue_start, span.end)
    return None


_STATEMENT_RE = re.compile(r"\b[Aa]ccording to (?:a|the|its|their|a new|the latest) (?:statement|report|data|figures|update|tally)\b")


def _statement_of_previous(text: str, start: int, end: int, mentions: list[tuple[Actor, str]],
                           found: list[Attribution]) -> list[Attribution]:
    """"... (UN OCHA). According to a statement on October 2, ...": the statement of the body just named."""
    out = []
    for m in _STATEMENT_RE.finditer(text, start, end):
        if any(a.span.overlaps(Span.of(text, m.start(), m.end())) for a in found):
            continue
        earlier = [(actor, kind) for actor, kind in mentions
                   if actor.span.end <= m.start() and kind in ("ngo", "un", "government", "official", "media", "armed_group")]
        if earlier:
            actor, kind = earlier[-1]
            out.append(Attribution(actor.name, kind, Span.of(text, m.start(), m.end())))
    return out


def _anonymity(text: str, start: int, end: int, mention: Actor, source: str) -> str:
    """"a resident ... who did not want to be named" -> "anonymous resident"; a plural stays plural."""
    surface = mention.span.text.lower()
    singular = surface.startswith(("a ", "an ", "one ", "another "))
    if singular or _ANONYMOUS_RE.search(text[mention.span.end:min(end, mention.span.end + 120)]):
        if source.startswith("anonymous "):
            return source
        if singular:
            noun = surface.split()[-1]
            return f"anonymous {noun}"
    return source


def _named_speakers(text: str, start: int, end: int) -> list[Attribution]:
    """A named person who speaks: the source is "named person", with a kind read from their title."""
    found = []
    for m in _PERSON_RE.finditer(text, start, end):
        name = m.group()
        if re.search(r"\b(?:in|the|of|from|at|to|across|and)\s+$", text[max(start, m.start() - 8):m.start()],
                     re.IGNORECASE):
            continue  # "in the United States, said": a place, not a speaker
        span = _attributed(text, start, end, Span.of(text, m.start(), m.end()))
        if span is None or span.start != m.start():
            continue
        between = text[m.end():span.end]
        if _ORG_WORDS.search(name) or _ORG_APPOSITIVE_RE.match(between):
            # an organisation the lexicon does not know ("Foro Penal, a rights group, said"): named as written
            found.append(Attribution(re.sub(r"^The\s+", "", name), _org_kind(name, between), span))
            continue
        title = _OFFICIAL_TITLES.search(text[max(start, m.start() - 40):m.start()] + " " + between)
        found.append(Attribution("named person", "official" if title else "other", span))
    return found


def _org_kind(name: str, between: str) -> str:
    words = f"{name} {between}"
    if re.search(r"Rights|Watch|Monitor|Observatory|Defenders|Foundation|Initiative|Society|Penal|Info|"
                 r"rights group|NGO|charity|monitor", words):
        return "ngo"
    if re.search(r"News|Times|Post|Radio|TV|Press|Daily|Herald|Journal|Media|outlet|newspaper|website", words):
        return "media"
    if re.search(r"Ministry|Government|Department|Office|Embassy|Council|Commission", words):
        return "government"
    return "other"


def _unique(found: list[Attribution]) -> list[Attribution]:
    seen, out = set(), []
    for att in found:
        key = (att.source, att.span.start)
        if key not in seen:
            seen.add(key)
            out.append(att)
    return out
