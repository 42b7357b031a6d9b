"""Declared, versioned pipeline components, so a learned one can replace a rule one.

A component is one step over a document's data (an ``Extraction``): it says
what it reads and what it assigns, and carries a versioned name such as
``factfinder.incidents.rules.v1``. Modelled on spaCy's ``@Language.factory(...,
requires=..., assigns=...)`` and its ``registry`` of names like
``spacy.TextCatBOW.v3`` (STYLE.md §14): the configuration names which
components run (the ``components`` setting), the pipeline checks that every
field a component reads is assigned before it, and a model that assigns the
same fields replaces a rule without its neighbours changing.

This module sits beside ``model.py`` at the bottom of the import order, so any
stage package may register a component of its own; ``factfinder.components``
registers the built-in rule components.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from factfinder.errors import UsageError
from factfinder.model import Extraction

# What a document holds before any component ran: its text and metadata (text stage).
DOCUMENT_FIELDS = ("document",)

Step = Callable[[Iterable[Extraction]], Iterator[Extraction]]
"""A component's work: a stream of extractions in, the same extractions (replaced) out, in order.

A stream rather than one document, so a component can batch across documents
(spaCy's cost per call dominates on short sentences)."""


class Resources(Protocol):
    """The heavy, shared resources a component's factory may ask for; loaded once by the pipeline."""

    @property
    def nlp(self) -> Any: ...

    @property
    def gazetteer(self) -> Any: ...

    @property
    def geoparser(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Component:
    """A registered component: its name, its stage, its data contract and its factory.

    ``reads`` and ``assigns`` name fields of an ``Extraction`` (``incidents``,
    ``incidents.date``, ``document.published``, ``places``, ...), each by its
    full name: a component that creates incidents lists the fields it fills
    (``incidents.evidence``, ``incidents.trigger``), so that reading
    ``incidents.date`` needs the component that assigns dates before it.
    ``reads`` are what the component cannot work without (spaCy's
    ``requires``); a field it uses only when present is not listed. ``languages`` lists the
    document languages the component can read (None: any); a document in
    another language goes no further than the text stage.
    """

    name: str
    stage: str
    reads: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Callable[[Resources], Step]
    languages: tuple[str, ...] | None = None

    def reads_language(self, language: str | None) -> bool:
        # The text stage leaves the language unknown (None) when it cannot tell; the
        # rules were written for English reporting, so unknown counts as English.
        return self.languages is None or (language or "en") in self.languages


class Registry:
    """Component names to components; names carry their version (``...v1``) and never change meaning."""

    def __init__(self) -> None:
        self._components: dict[str, Component] = {}

    def component(self, name: str, *, stage: str, reads: Sequence[str], assigns: Sequence[str],
                  languages: Sequence[str] | None = None) -> Callable[[Callable[[Resources], Step]],
                                                                       Callable[[Resources], Step]]:
        """Decorator registering a factory ``(resources) -> step`` under ``name``."""
        def register(factory: Callable[[Resources], Step]) -> Callable[[Resources], Step]:
            if name in self._components and self._components[name].factory is not factory:
                raise ValueError(f"component {name!r} is registered twice; give the new one a new version")
            self._components[name] = Component(name, stage, tuple(reads), tuple(assigns), factory,
                                               tuple(languages) if languages is not None else None)
            return factory
        return register

    def get(self, name: str) -> Component:
        try:
            return self._components[name]
        except KeyError:
            known = ", ".join(sorted(self._components)) or "none"
            raise UsageError(f"no pipeline component is registered as {name!r}; the components setting "
                             f"takes names among: {known}") from None

    def names(self, stage: str | None = None) -> list[str]:
        return sorted(n for n, c in self._components.items() if stage is None or c.stage == stage)


registry = Registry()


def check_order(components: Sequence[Component]) -> None:
    """Raise when a component reads a field no earlier component assigns (spaCy's pipe analysis)."""
    available = set(DOCUMENT_FIELDS)
    for component in components:
        missing = [f for f in component.reads if f not in available]
        if missing:
            raise UsageError(f"pipeline component {component.name} reads {', '.join(missing)}, which no "
                             "component before it assigns; put a component that assigns it earlier "
                             "in the components setting")
        available.update(component.assigns)
