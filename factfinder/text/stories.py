"""Story segmentation: a digest page becomes its separate news items.

A page may hold one article, a digest of one-paragraph items (no blank lines,
no headlines), or several headlined stories (radio bulletins). The signals are
general: headline-like lines, datelines, blank-line structure, boilerplate
lines (keyword lists, navigation), a continuation test for a paragraph that
goes on with the previous item, and duplicate detection by shared rare names
or shingles. Offsets always index the text exactly; boilerplate between items
belongs to no story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factfinder.model import Story
from factfinder.text.datelines import opens_with_dateline

# Page furniture seen on news sites and blogs; matched case-insensitively at the start of a line.
_NAVIGATION = re.compile(
    r"^(?:previous\s+post|next\s+post|read\s+more|related\s+(?:posts|articles|stories)|share\s+this|"
    r"posted\s+in|filed\s+under|tags?:|categories:|subscribe|follow\s+us|click\s+here|advertisement|"
    r"copyright|©|all\s+rights\s+reserved|download\s+pdf|for\s+immediate\s+release|skip\s+to)",
    re.IGNORECASE,
)
_CONTINUATION_CUE = re.compile(
    r"^(?:\W*)(?:(?:\w+\s+){0,3}?(?:he|she|it|they|his|her|its|their|this|these|those|such|him|them)\b"
    r"(?!\s+(?:week|weekend|month|year|morning|afternoon|evening|time)\b)|"
    r"the\b|but\b|however\b|also\b|meanwhile\b|moreover\b|in\s+addition\b|earlier\b|later\b)",
    re.IGNORECASE,
)
_STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his in is it its of on or our she "
    "that the their them they this those to was were which who will with would not no than then there "
    "these also said says told after before over into about more most some such what when where while".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# Share of paragraphs that must open an item for a text without headlines to be read as a digest.
DIGEST_MIN_SHARE = 0.75
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_BULLET = re.compile(r"^[·•▪●◦‣*–-]\s")
# Full stops of the scripts written without spaces too (Chinese 。, Burmese ။, Arabic ؟, Devanagari ।)
_SENTENCE_END = re.compile(r"[.!?…。！？။؟।][\"'”’)」』]*$")


@dataclass(frozen=True, slots=True)
class _Para:
    start: int
    end: int
    text: str


def _paragraphs(text: str) -> list[_Para]:
    """Non-empty lines, or blank-line blocks when the text is hard-wrapped."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    lengths = sorted(e - s for s, e in lines)
    wrapped = (len(lines) >= 5 and bool(_BLANK_LINE.search(text)) and lengths[int(len(lengths) * 0.9)] <= 100
               and sum(1 for s, e in lines if not _SENTENCE_END.search(text[s:e].rstrip())) > len(lines) / 2)
    if wrapped:
        lines = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    paras = []
    for s, e in lines:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        paras.append(_Para(s, e, text[s:e]))
    return paras


def _is_boilerplate(p: str) -> bool:
    if _NAVIGATION.match(p):
        return True
    if p.count(",") >= 3 and not _SENTENCE_END.search(p):
        parts = [x.strip() for x in p.split(",")]
        if sum(len(x.split()) for x in parts) / len(parts) <= 4:
            return True  # an SEO keyword line
    words = p.split(None, 3)  # a fourth word already rules out a bare label; no need to split a long paragraph
    # (a long run of unspaced Chinese or Burmese is one "word" and no label)
    return len(words) <= 3 and len(p) <= 60 and not _SENTENCE_END.search(p) and all(w[:1].isupper() for w in words if w.isalpha())


def _is_headline(p: str) -> bool:
    words = p.split(None, 20)  # 21 items when there are more than 20 words
    if not 2 <= len(words) <= 20 or p.rstrip().endswith(":"):
        return False
    stripped = p.rstrip("\"'”’ ")
    return not stripped.endswith((".", "!", "…"))


def _title_case(p: str) -> bool:
    """Every content word capitalised, as in "Five Farmers Detained Near Orvak Checkpoint"."""
    return all(w[0].isupper() for w in _WORD.findall(p) if len(w) > 3 and w.lower() not in _STOPWORDS)


def _names(p: str) -> set[str]:
    """Capitalised words that are not sentence-initial: the proper names a paragraph mentions."""
    names = set()
    for m in _WORD.finditer(p):
        word = m.group()
        if not word[0].isupper() or word.lower() in _STOPWORDS:
            continue
        k = m.start() - 1  # the last non-space character before the word (no slicing: linear, not quadratic)
        while k >= 0 and p[k].isspace():
            k -= 1
        if k >= 0 and p[k] not in ".!?\"“:":
            names.add(word.lower())
        elif word.isupper() and len(word) > 1:
            names.add(word.lower())
    return names


def _content_words(p: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(p) if len(w) > 3 and w.lower() not in _STOPWORDS}


def _cohesion(section: set[str], story: set[str]) -> float:
    return len(section & story) / len(section) if section else 1.0


def segment_stories(text: str) -> tuple[Story, ...]:
    """The news items of a text, in order, non-overlapping, with duplicates linked."""
    if not text.strip():
        return ()
    paras = _paragraphs(text)
    content = [p for p in paras if not _is_boilerplate(p.text)]
    if not content:
        return ()  # only page furniture: no story
    heads = [_is_headline(p.text) for p in content]
    datelines = [opens_with_dateline(p.text) for p in content]
    groups = _segment(content, heads, datelines, blank_lines=bool(_BLANK_LINE.search(text)))
    stories = []
    for i, group in enumerate(groups):
        first = content[group[0]]
        title = first.text if heads[group[0]] else None
        stories.append(Story(index=i, start=first.start, end=content[group[-1]].end, title=title))
    return _link_duplicates(text, tuple(stories))


# A head story is at most this long, before a story at least this many times longer: a headline,
# a photo caption or a standfirst that segmentation set apart ("DETAINED. A police photo of the
# teacher after her arrest."), not an item of a digest (whose next item is of its own size).
HEAD_CHARS = 700
HEADED_RATIO = 3


def head_story(stories: Sequence[Story]) -> int | None:
    """The index of the document's first story when it only heads the next one: extraction lends
    it the body's agent (``extract.implied_agents.head_agents``) and the within-document merge
    reads its acts as the next story's (``consolidate.within.heading_stories``), since it restates
    the act the lead tells. Session 12 joined the two stages' rules (700 characters and a third of
    the document; 400 characters before a body three times longer): this one measured best."""
    if len(stories) < 2:
        return None
    head, body = sorted(stories, key=lambda s: s.index)[:2]
    size = head.end - head.start
    return head.index if size <= HEAD_CHARS and body.end - body.start >= HEADED_RATIO * size else None


def _segment(content: list[_Para], heads: list[bool], datelines: list[bool], *, blank_lines: bool) -> list[list[int]]:
    headlined = any(h and i + 1 < len(content) and not heads[i + 1] for i, h in enumerate(heads))
    if headlined or blank_lines or len(content) < 4:
        return _group(content, heads, datelines, digest=False)
    groups = _group(content, heads, datelines, digest=True)
    # A digest is mostly one-paragraph items; an article in one-line paragraphs that
    # the continuation test cut here and there stays whole.
    if len(groups) < DIGEST_MIN_SHARE * len(content):
        return _group(content, heads, datelines, digest=False)
    return groups


def _group(content: list[_Para], heads: list[bool], datelines: list[bool], *, digest: bool) -> list[list[int]]:
    # Names tie paragraphs together only in the digest test (_continues); an article skips them.
    names = [_names(p.text) for p in content] if digest else []
    theme = _theme(names)
    index = _NameIndex(names)
    groups: list[list[int]] = [[0]]
    story_words = _GroupWords(content)
    headish = {k for k, h in enumerate(heads) if h}  # headlines and one-sentence leads: not a body yet
    i = 1
    while i < len(content):
        current = groups[-1]
        has_body = any(k not in headish for k in current)
        # A headline group is the run of headline-like lines (plus a one-sentence lead) before a body.
        j = i
        while j < len(content) and heads[j]:
            j += 1
        lead = not digest and j < len(content) and _is_lead(content, heads, datelines, j)
        starts_dateline = (j < len(content) and datelines[j]) or lead
        if not has_body:
            masthead = all(heads[k] for k in current) and not all(_title_case(content[k].text) for k in current)
            if len(groups) == 1 and j > i and starts_dateline and masthead:
                groups[0] = list(range(i, j))  # a sentence-case masthead above the first headline is no story
                i = j
                continue
            current.append(i)
        elif j > i or lead:  # headline group or lead sentence at i..j-1
            end = j + 1 if lead else j
            if lead:
                headish.add(j)
            section = _section_words(content, end)
            new = starts_dateline or _cohesion(section, story_words.of(current)) < 0.1
            if new:
                groups.append(list(range(i, end)))
            else:
                current.extend(range(i, end))
            i = end
            continue
        elif datelines[i]:
            groups.append([i])
        elif _BULLET.match(content[i].text):
            current.append(i)  # a list item belongs to the item that introduced the list
        elif digest and not _continues(content, i, current, index, theme):
            groups.append([i])
        else:
            current.append(i)
        i += 1
    return groups


class _GroupWords:
    """The content words of the story being built, added to as it grows.

    Made afresh at every heading, they made a long scan of short blocks (a form, a
    table: hundreds of heading-like lines in one story) quadratic: minutes for 300 pages.
    """

    def __init__(self, content: list[_Para]) -> None:
        self.content = content
        self.group: list[int] | None = None
        self.seen = 0
        self.words: set[str] = set()

    def of(self, group: list[int]) -> set[str]:
        if group is not self.group or len(group) < self.seen:
            self.group, self.seen, self.words = group, 0, set()
        for k in group[self.seen:]:
            self.words |= _content_words(self.content[k].text)
        self.seen = len(group)
        return self.words


def _is_lead(content: list[_Para], heads: list[bool], datelines: list[bool], j: int) -> bool:
    """A one-sentence paragraph that heads a story: the next body paragraph (past captions) is a dateline."""
    text = content[j].text
    if len(text.split()) > 30 or re.search(r"[.!?]\s+[A-Z]", text) or _CONTINUATION_CUE.match(text):
        return False
    k = j + 1
    while k < len(content) and k <= j + 3 and heads[k]:
        k += 1
    return k < len(content) and datelines[k]


def _section_words(content: list[_Para], begin: int) -> set[str]:
    """Content words of the body that follows a headline group (up to three paragraphs)."""
    words: set[str] = set()
    for p in content[begin:begin + 3]:
        words |= _content_words(p.text)
    return words


def _theme(names: list[set[str]]) -> set[str]:
    """Names found in more than half of the paragraphs: the digest's theme, which ties nothing together."""
    counts: dict[str, int] = {}
    for n in names:
        for w in n:
            counts[w] = counts.get(w, 0) + 1
    return {w for w, c in counts.items() if c > len(names) / 2}


class _NameIndex:
    """Running unions of the paragraphs' names for ``_continues``.

    Rebuilding the union of every earlier paragraph and of the current item for
    each paragraph made a digest of thousands of paragraphs quadratic (a 4 MB
    page took 19 s); kept up to date as the grouping moves forward, it is linear.
    """

    def __init__(self, names: list[set[str]]) -> None:
        self.names = names
        self.before: set[str] = set()  # names of paragraphs 0 .. upto-1
        self.upto = 0
        self.group: list[int] | None = None
        self.group_len = 0
        self.group_names: set[str] = set()

    def earlier(self, i: int) -> set[str]:
        for k in range(self.upto, i):
            self.before |= self.names[k]
        self.upto = max(self.upto, i)
        return self.before

    def of_group(self, group: list[int]) -> set[str]:
        if group is not self.group:  # a new item (or the first one replaced): start its union afresh
            self.group, self.group_len, self.group_names = group, 0, set()
        for k in group[self.group_len:]:
            self.group_names |= self.names[k]
        self.group_len = len(group)
        return self.group_names


def _continues(content: list[_Para], i: int, current: list[int], index: _NameIndex, theme: set[str]) -> bool:
    """Does paragraph i go on with the current item?

    It does when it opens with a pronoun or definite reference and shares a
    name with the item, shares two names, or introduces fewer than two names
    of its own in its first sentence (a new item brings its own actors; a
    continuing paragraph refers back to known ones), or its first sentence
    shares three names with the text before (an article that drifted). Names found in most
    paragraphs (the digest's theme) tie nothing together.
    """
    seen = index.of_group(current)
    shared = {w for w in index.names[i] if w in seen and w not in theme}
    cue = bool(_CONTINUATION_CUE.match(content[i].text))
    first_sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", content[i].text, maxsplit=1)[0]
    first_names = _names(first_sentence)
    fresh = first_names - seen
    before = index.earlier(i)
    earlier = {w for w in first_names if w in before and w not in theme}
    return (cue and len(shared) >= 1) or len(shared) >= 2 or len(fresh) < 2 or len(earlier) >= 3


def _shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[k:k + n]) for k in range(len(words) - n + 1)}


def _link_duplicates(text: str, stories: tuple[Story, ...]) -> tuple[Story, ...]:
    """Mark a story told again later: shared rare names (only in these two) or near-identical wording."""
    if len(stories) < 2:
        return stories
    names = [_names(text[s.start:s.end]) for s in stories]
    freq: dict[str, int] = {}
    for s in names:
        for w in s:
            freq[w] = freq.get(w, 0) + 1
    shingles = [_shingles(text[s.start:s.end]) for s in stories]
    out = list(stories)
    for j in range(1, len(stories)):
        for i in range(j):
            if out[i].duplicate_of is not None:
                continue
            exclusive = {w for w in names[i] & names[j] if freq[w] == 2}
            own = {w for w in names[j] if freq[w] <= 2}
            union = shingles[i] | shingles[j]
            jaccard = len(shingles[i] & shingles[j]) / len(union) if union else 0.0
            if jaccard >= 0.5 or (len(exclusive) >= 2 and len(exclusive) >= 0.4 * len(own)):
                out[j] = Story(index=j, start=stories[j].start, end=stories[j].end,
                               title=stories[j].title, duplicate_of=i)
                break
    return tuple(out)
