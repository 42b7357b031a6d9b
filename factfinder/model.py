"""The data passed between pipeline stages.

Frozen dataclasses, one per concept of the field. A stage never mutates what it
received: it returns new objects (``dataclasses.replace``). Every value that
came from a report carries the character span that supports it (``Span``), so
the output contract's rule "no field without evidence" can be checked
mechanically. Serialising to the output contract lives in ``records.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from factfinder.word_boxes import OcrWord as OcrWord, WordBoxes as WordBoxes  # a page carries them

if TYPE_CHECKING:
    from factfinder.values.reading import Reflowed

# Vocabularies of the output contract (../shared/DESIGN.md). Kept here so that
# every stage validates against the same lists.
INCIDENT_TYPES: tuple[str, ...] = (
    "killing", "attack", "armed_clash", "arrest", "disappearance", "torture",
    "displacement", "humanitarian", "property_destruction", "surveillance",
    "restriction", "designation", "transnational_repression", "protest",
    "legal_proceeding", "legislation", "sanction", "statement", "other",
)
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "unknown")
PLACE_PRECISIONS: tuple[str, ...] = ("point", "town", "admin2", "admin1", "country")
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "more_than", "at_most", "less_than")
COUNT_CATEGORIES: tuple[str, ...] = (
    "killed", "injured", "arrested", "detained", "missing", "displaced",
    "trapped", "affected", "money", "other",
)
VERIFICATIONS: tuple[str, ...] = (
    "reported", "unconfirmed", "alleged", "disputed", "corroborated", "verified", "rejected",
)
SOURCE_KINDS: tuple[str, ...] = (
    "media", "ngo", "un", "government", "armed_group", "witness", "official", "other",
)
# Actor kinds (docs/extraction-fields.md "Actor kinds"): the state / non-state class of a
# perpetrator and its ACLED actor type are read from the kind, never guessed from the name.
ACTOR_KINDS: tuple[str, ...] = (
    "state_force", "government", "tribunal", "armed_group", "criminal", "unknown", "company",
    "group", "ngo", "media", "research", "un", "intergovernmental",
)
# The kinds a reader calls non-state: armed groups, criminals, companies and affected groups. Never a
# state body, and never a place even where a gazetteer lists the name as a town ("Hamas").
NON_STATE_KINDS: frozenset[str] = frozenset({"armed_group", "criminal", "company", "group"})

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
PlacePrecision = Literal["point", "town", "admin2", "admin1", "country"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range of a document's extracted text.

    ``text`` must equal ``document.text[start:end]``; ``Span.of`` builds it so.
    """

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


# --- capture and text -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """One original as received: the bytes are kept elsewhere, named by sha256."""

    sha256: str
    size: int
    media_type: str  # e.g. "text/plain", "text/html", "application/pdf", "message/rfc822"
    origin: str  # absolute path or URL it came from
    captured_at: str  # ISO 8601 UTC, e.g. "2026-11-23T15:10:00Z"
    http_headers: tuple[tuple[str, str], ...] = ()
    parent: str | None = None  # sha256 of the feed/e-mail/directory listing it came through
    error: str | None = None  # why it could not be read, if it could not
    http_status: int | None = None  # final HTTP status of a URL capture (None for files)


@dataclass(frozen=True, slots=True)
class Story:
    """One news item inside a document (a digest page holds many)."""

    index: int  # 0-based, in document order
    start: int
    end: int
    title: str | None = None
    duplicate_of: int | None = None  # index of an earlier story that tells the same item
    language: str | None = None  # ISO 639-1, only where it differs from its document's (a mixed digest)


@dataclass(frozen=True, slots=True)
class PageText:
    """Where one page's text lies in the document, and how it was read (its provenance)."""

    number: int  # 1-based
    start: int
    end: int
    method: str  # "text-layer" or "ocr"
    engine: str | None = None  # "tesseract 5.3.0" for OCR
    languages: str | None = None  # Tesseract codes, "eng+mya"
    confidence: float | None = None  # mean word confidence of an OCR'd page, 0-100
    width: int | None = None  # page image size in pixels (OCR)
    height: int | None = None
    dpi: int | None = None
    words: Sequence[OcrWord] = ()  # packed as WordBoxes, whatever sequence was given

    def __post_init__(self) -> None:
        if not isinstance(self.words, WordBoxes):
            object.__setattr__(self, "words", WordBoxes(self.words))

    def boxes(self, start: int, end: int) -> tuple[tuple[int, int, int, int], ...]:
        """The boxes of the OCR words inside the text range [start, end)."""
        return tuple(w.box for w in self.words if w.start < end and start < w.end)


@dataclass(frozen=True, slots=True)
class Document:
    """The text extracted from one source, with its offsets preserved."""

    doc: str  # sha256 of the original bytes (for a --jsonl line: of its text as UTF-8)
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD when the source gives it or the caller passes it
    language: str | None = "en"
    author: str | None = None
    url: str | None = None
    stories: tuple[Story, ...] = ()
    id: str | None = None  # caller's id for --jsonl batch lines
    notes: tuple[str, ...] = ()  # warnings for the user, e.g. "language not supported yet"
    pages: tuple[PageText, ...] = ()  # PDF pages and OCR'd images: where each lies, how it was read
    # The reading text the text stage made (text.reflow), or None: made again when needed.
    # Derived from ``text``, so it takes no part in equality and is not stored.
    reading: Reflowed | None = field(default=None, compare=False, repr=False)

    def page_at(self, offset: int) -> PageText | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page
        return None

    def story_at(self, offset: int) -> Story | None:
        for story in self.stories:
            if story.start <= offset < story.end:
                return story
        return None


# --- values extracted from text ---------------------------------------------


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date resolved against the publication date; coarse dates are ranges."""

    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD, >= start
    precision: DatePrecision
    span: Span | None = None  # the words it was read from


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention, resolved to the gazetteer or not (lat/lon None)."""

    span: Span
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    precision: PlacePrecision | None = None
    confidence: float = 0.0

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Count:
    category: str  # COUNT_CATEGORIES
    value: float
    qualifier: str  # QUALIFIERS
    unit: str  # "people", "households", "USD", ...
    span: Span


@dataclass(frozen=True, slots=True)
class Actor:
    """An organisation, armed group, state body or affected group; never a person profile."""

    name: str  # canonical name from data/actors
    span: Span
    kind: str | None = None  # ACTOR_KINDS: "state_force", "armed_group", "company", "group", ...


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str  # "RFA", "anonymous resident", ...
    kind: str  # SOURCE_KINDS
    span: Span


@dataclass(frozen=True, slots=True)
class AcledCode:
    """ACLED's event type and sub-event type of an incident (ACLED's public codebook)."""

    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class Attachment:
    """A word of an incident's own clause, as the dependency parse ties it to the event's predicate.

    Set by extraction (which holds the parse) for the later stages that cannot
    parse: the dates stage takes the date and the geo stage the place whose words
    sit closest to the predicate, and neither takes a phrase that the parse puts
    in another clause (a speaker's, a relative clause's, a later event's).
    """

    span: Span
    depth: int  # heads between the word and the predicate's chain: 1 for the predicate's own modifiers
    relation: str  # the outermost preposition on the way ("in", "on", "from") or the dependency ("nsubj", "npadvmod")
    distance: bool = False  # inside a distance reference ("30 km north of X"), a place measured from, not at


@dataclass(frozen=True, slots=True)
class Confidence:
    """How likely an incident and each of its fields are right, each in [0, 1] (``factfinder.confidence``).

    Calibrated probabilities: of incidents whose ``incident`` is 0.8, about eight in ten
    are real incidents of their type. ``date``, ``location`` and ``actors`` are the chance
    that the value given is what a careful reader would give (0 when none is given);
    ``counts``, that the counts given, or their absence, are.
    """

    incident: float
    type: float
    location: float
    date: float
    counts: float
    actors: float


@dataclass(frozen=True, slots=True)
class Incident:
    doc: str
    type: str  # INCIDENT_TYPES
    summary: str  # the sentence it came from (a substring of the text)
    evidence: tuple[Span, ...]  # never empty
    story: int | None = None
    date: DateRange | None = None
    date_span: Span | None = None  # set by extract, resolved by the dates stage
    location: Place | None = None
    perpetrators: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    counts: tuple[Count, ...] = ()
    attribution: tuple[Attribution, ...] = ()
    verification: str = "reported"
    id: str | None = None  # caller's id for --jsonl batch lines
    trigger: Span | None = None  # the words that made it an incident; the dates stage looks for its date near them
    subtype: str | None = None  # the finer kind (docs/extraction-fields.md), e.g. weapons_seized for an `other`
    acled: AcledCode | None = None  # where ACLED codes this kind of event
    # the words of its own clause with their tie to its predicate (extract/attachment.py); empty: no parse
    attachments: tuple[Attachment, ...] = ()
    # which act of its type in its sentence (extract/separate_acts.py): 0 the first; the
    # merge never joins two acts one sentence tells apart ("A was beaten in May and B in June")
    act: int = 0
    confidence: Confidence | None = None  # set by the confidence stage, after dates, places and the merge


@dataclass(frozen=True, slots=True)
class Statistic:
    """A cumulative or aggregate figure: a tally with an as-of date, not an incident."""

    doc: str
    measure: str
    category: str
    value: float
    qualifier: str
    unit: str
    evidence: tuple[Span, ...]
    as_of: str | None = None  # YYYY-MM-DD
    as_of_span: Span | None = None
    place: Place | None = None
    attribution: tuple[Attribution, ...] = ()
    story: int | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline found in one document."""

    document: Document
    incidents: tuple[Incident, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    places: tuple[Place, ...] = field(default=())  # every place mention (geoparse)
    # Named entities (start, end, spaCy label) of the sentences extraction parsed, so the
    # geo stage reads them instead of running NER again; None: no NER ran yet.
    entities: tuple[tuple[int, int, str], ...] | None = None


# --- consolidation ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourcedIncident:
    """An incident with the source that told it (outlet, publication date): the unit consolidation merges.

    Names (docs/architecture.md): a *document* is the input, an *incident* is what one
    source tells, an *event* is what several incidents merge into.
    """

    key: str  # stable id of the machine incident, e.g. "<doc>:<story>:<n>"
    incident: Incident
    outlet: str | None = None  # publisher or host the document came from
    published: str | None = None
    text_fingerprint: str | None = None  # hash of the story text: equal means a copy
    language: str | None = None  # ISO 639-1 of the story that told it (its own, else its document's)


@dataclass(frozen=True, slots=True)
class FieldValue:
    """A value of one field and the reports that gave it (per-field provenance)."""

    value: str | float | None
    reports: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources disagree on a field: every value is kept, none is averaged."""

    field: str  # e.g. "counts.killed", "date", "location"
    values: tuple[FieldValue, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """One real event, with every source's incident of it (``reports``) and where they agree or not."""

    id: str
    type: str
    reports: tuple[SourcedIncident, ...]
    date: DateRange | None = None
    location: Place | None = None
    perpetrators: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    counts: tuple[Count, ...] = ()
    provenance: tuple[tuple[str, tuple[FieldValue, ...]], ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    verification: str = "reported"
    independent_sources: int = 1

    @property
    def primary(self) -> Incident:
        """The incident with the most evidence stands for the event's wording."""
        return max((r.incident for r in self.reports), key=lambda i: len(i.evidence))

    @property
    def languages(self) -> list[str]:
        """The languages its sources were written in, each once, in report order (exports carry them)."""
        return list(dict.fromkeys(r.language for r in self.reports if r.language))


# The earlier names, kept while the code that uses them moves over to the names above.
Report = SourcedIncident
ConsolidatedIncident = Event
