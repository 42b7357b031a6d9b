"""The only module that knows the stage order.

capture -> text -> extract -> dates -> geo -> merge -> (consolidate -> store) -> serve/export

``Pipeline`` holds the heavy resources (one spaCy ``nlp``, one gazetteer, one
geoparser), loads them once and reuses them for every document, and runs the
declared components of ``factfinder.components`` in order over a stream of
documents. Everything that runs the stages (``factfinder extract``,
``geoparse``, ``eval``, ``ingest``, web ingest jobs, the batch runner) is a
sink on that one stream: ``read_inputs`` gives capture -> text, and
``Pipeline.run`` the rest. The steps are pure over their inputs plus those
resources, so the same calls run in one process or in a distributed engine's
batch map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from factfinder.capture.common import Capture
from factfinder.components import GEOPARSE, RULES
from factfinder.model import Document, Extraction, Span
from factfinder.registry import Component, Step, check_order, registry
from factfinder.settings import Settings
from factfinder.text.reflow import Reflowed, reading_document, restore_spans

UNSUPPORTED_LANGUAGE = "language {lang!r} is not supported yet: no incidents were extracted (English only)"


class Pipeline:
    """Runs extract -> dates -> geo -> merge over documents, as the ``components`` setting names them.

    Resources are injected or loaded lazily on first use, never at import.
    ``components`` is a sequence of registered names (default: the
    ``components`` setting, and when that is empty the rule components,
    ``factfinder.components.RULES``); a learned component replaces a rule one
    by being named in its place; an unknown name is a UsageError listing the
    registered ones. ``settings`` also gives ``spacy_model`` and
    ``gazetteer``.
    """

    def __init__(self, *, nlp: Any | None = None, gazetteer: Any | None = None, spacy_model: str | None = None,
                 components: Sequence[str] | None = None,
                 settings: Settings | Mapping[str, Any] | None = None) -> None:
        # ``settings`` names the spaCy model and the gazetteer file (the built-in
        # defaults when None); an injected ``nlp`` or ``gazetteer`` wins.
        self.settings = Settings.coerce(settings)
        self._nlp = nlp
        self._gazetteer = gazetteer
        self._spacy_model = spacy_model or self.settings.spacy_model
        names = components if components is not None else self.settings.components or RULES
        self.components: tuple[Component, ...] = tuple(registry.get(n) for n in names)
        check_order(self.components)
        self._geoparse_components = tuple(registry.get(n) for n in GEOPARSE)
        self._steps: dict[str, Step] = {}
        self._geoparser: Any | None = None
        self._script_geoparser: Any | None = None

    # --- shared resources (the registry's ``Resources``) ------------------------

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from factfinder.extract.nlp import load_nlp

            self._nlp = load_nlp(self._spacy_model)
        return self._nlp

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from factfinder.geo import Gazetteer

            self._gazetteer = Gazetteer.open(self.settings.gazetteer_path)
        return self._gazetteer

    @property
    def geoparser(self) -> Any:
        """The one geoparser: extraction's place step and ``geoparse`` share it (and its tagger).

        Without spaCy: the place step reads the entities extraction found, and ``geoparse``
        the names' shapes (geo/shapes.py), so geoparsing alone never loads the model."""
        if self._geoparser is None:
            from factfinder.geo import Geoparser

            self._geoparser = Geoparser(self.gazetteer)
        return self._geoparser

    @property
    def script_geoparser(self) -> Any:
        """Places of documents the English components must not read, by gazetteer names alone (no NER)."""
        if self._script_geoparser is None:
            from factfinder.geo.scripts import ScriptGeoparser
            from factfinder.geo.tagger import DictionaryTagger

            self._script_geoparser = ScriptGeoparser(self.gazetteer, DictionaryTagger.cached(self.gazetteer))
        return self._script_geoparser

    # --- the stream ---------------------------------------------------------------

    def run(self, documents: Iterable[Document], components: Sequence[Component] | None = None
            ) -> Iterator[Extraction]:
        """Every document through ``components`` (default: this pipeline's), in input order.

        The components read a hard-wrapped document as its paragraphs (``text.reflow``);
        every span they return is given back in the document's own text. A
        document in a language some component cannot read goes no further than
        its text, with a note saying so, and, when the chain geoparses, the places
        its gazetteer names give (``geo/scripts.py``: no English model runs on it).
        """
        chain = self.components if components is None else tuple(components)
        places_by_name = any(c.stage == "geo" for c in chain)
        # Input order: (the original document, its reading map), or the finished
        # extraction of a document that passes around the components.
        pending: list[tuple[Document, Reflowed] | Extraction] = []

        def readable() -> Iterator[Extraction]:
            for document in documents:
                if not all(c.reads_language(document.language) for c in chain):
                    unread = _unsupported(document)
                    if places_by_name:  # geoparsed where the gazetteer knows its script (geo/scripts.py)
                        unread = replace(unread, places=tuple(self.script_geoparser.parse(document)))
                    pending.append(unread)
                    continue
                view, reflowed = reading_document(document)
                pending.append((document, reflowed))
                yield Extraction(document=view)

        stream: Iterable[Extraction] = readable()
        for component in chain:
            stream = self._step(component)(stream)
        cursor = 0
        for result in stream:
            while isinstance(item := pending[cursor], Extraction):
                yield item
                cursor += 1
            original, reflowed = item
            cursor += 1
            yield _in_original_text(result, original, reflowed)
            if cursor > 256:  # keep the queue short on a long stream
                del pending[:cursor]
                cursor = 0
        for passed in pending[cursor:]:
            if not isinstance(passed, Extraction):
                raise RuntimeError("a pipeline component gave back fewer extractions than documents; "
                                   "this is a bug in that component, please report it")
            yield passed

    def _step(self, component: Component) -> Step:
        if component.name not in self._steps:
            self._steps[component.name] = component.factory(self)
        return self._steps[component.name]

    def extract(self, document: Document) -> Extraction:
        """Incidents and statistics of one document, with dates and places resolved."""
        return next(iter(self.extract_many([document])))

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Extractions of several documents, in order (batched through spaCy; see ``run``)."""
        return self.run(documents)

    def geoparse(self, document: Document) -> Extraction:
        """Every place mention of one document, resolved where the gazetteer allows."""
        return next(iter(self.geoparse_many([document])))

    def geoparse_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Place mentions of several documents: the geo component alone, with NER over the whole text."""
        return self.run(documents, self._geoparse_components)


def _in_original_text(extraction: Extraction, original: Document, reflowed: Reflowed) -> Extraction:
    """An extraction of a document's reading text, with its spans in the document's own text.

    The components may have learned about the document (a dateline's date, notes):
    that is kept, with the original text and story bounds.
    """
    if not reflowed.changed:
        return extraction
    document = replace(extraction.document, text=original.text, stories=original.stories)
    entities = extraction.entities
    if entities is not None:
        view = reflowed.text
        entities = tuple((s.start, s.end, label) for s, label in
                         ((reflowed.span(Span.of(view, start, end)), label) for start, end, label in entities))
    return replace(restore_spans(extraction, reflowed), document=document, entities=entities)


def _unsupported(document: Document) -> Extraction:
    note = UNSUPPORTED_LANGUAGE.format(lang=document.language)
    notes = document.notes if note in document.notes else document.notes + (note,)
    return Extraction(document=replace(document, notes=notes))


# --- worker processes: one Pipeline each ------------------------------------------


def process_pool(workers: int, *, settings: Settings, initializer: Callable[..., None],
                 initargs: tuple[Any, ...] = ()) -> Any:
    """A ``multiprocessing`` pool of ``workers`` processes that each build their own Pipeline.

    Where the platform forks, the spaCy pipeline of ``settings`` is loaded here first
    (``load_nlp`` keeps it): every worker inherits it instead of importing spaCy and reading
    the model again, and its weights stay shared, copy-on-write. On 682 real reports that
    start-up was about a tenth of a 2-worker run's CPU time (bench/extract.py). The gazetteer
    is not opened here: an SQLite connection must not cross a fork, so each worker opens its
    own on first use. A model that does not load is left for the first worker to report, with
    the message it always gave.
    """
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        from factfinder.errors import FactfinderError
        from factfinder.extract.nlp import load_nlp

        try:
            load_nlp(settings.spacy_model)
        except FactfinderError:
            pass  # not installed: each worker raises the same error, with its hint, on its first document
    return multiprocessing.get_context(method).Pool(workers, initializer=initializer, initargs=initargs)


# --- capture -> text: the head of every stream ---------------------------------


@dataclass(frozen=True, slots=True)
class Read:
    """One captured original and what the text stage made of it.

    ``document`` is None for a container (a feed: its entries follow as their
    own reads), for an input that failed (``error`` says why), and when
    ``want_text`` declined to read it (already stored).
    """

    capture: Capture
    document: Document | None = None
    error: str | None = None
    container: bool = False


def read_inputs(inputs: Iterable[str], *, settings: Settings | Mapping[str, Any], client: Any | None = None,
                want_text: Callable[[Capture], bool] | None = None) -> Iterator[Read]:
    """capture -> text over files, folders, URLs, feeds and ``-``; never raises for one bad input.

    ``want_text(capture)`` lets a sink skip the text of originals it already
    holds (ingest); ``client`` is an injected httpx.Client for URL captures.
    """
    from factfinder.capture import capture_inputs, is_container
    from factfinder.errors import FactfinderError
    from factfinder.text import document_from_capture
    from factfinder.text.language import language_override
    from factfinder.text.ocr import ocr_options

    ocr = ocr_options(settings)  # scans are read with Tesseract when the settings ask for it
    language = language_override(settings)  # --lang: no detection
    for capture in capture_inputs(inputs, settings=settings, client=client):
        source = capture.source
        if source.error is not None or capture.data is None:
            yield Read(capture, error=source.error or "no bytes arrived")
        elif is_container(capture):
            yield Read(capture, container=True)
        elif want_text is not None and not want_text(capture):
            yield Read(capture)
        else:
            try:
                yield Read(capture, document=document_from_capture(capture, ocr=ocr, language=language))
            except FactfinderError as exc:  # ExtractionError: a broken PDF, an empty page
                yield Read(capture, error=str(exc))
