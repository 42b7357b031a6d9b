"""Adapters from the Extractor to the span-level extractors.

One place that knows the signatures of counts, actors, roles, attribution and
verification, so ``extractor.py`` reads as the algorithm (dates and places are
later stages, run by the pipeline). Each
adapter imports its module lazily (no import side effects, and ``factfinder
--help`` stays fast).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factfinder.model import Actor, Attachment, Attribution, Count, Span


def find_counts(text: str, start: int, end: int) -> list[Count]:
    from factfinder.extract.counts import find_counts as _find_counts

    return list(_find_counts(text, start, end))


def find_attributions(text: str, start: int, end: int) -> list[Attribution]:
    from factfinder.extract.attribution import find_attributions as _find_attributions

    return list(_find_attributions(text, start, end))


def verification_for(text: str, sentence: Span, *, context: Span | None,
                     attributions: Sequence[Attribution]) -> str:
    from factfinder.extract.verification import verification_for as _verification_for

    return _verification_for(text, sentence, context=context, attributions=tuple(attributions))


def load_actor_matcher() -> Any:
    from factfinder.extract.actors import ActorMatcher

    return ActorMatcher.load()


def actor_roles(parsed: Any, trigger: Any, actors: Sequence[Actor], *, offset: int
                ) -> tuple[Sequence[Actor], Sequence[Actor]]:
    """Perpetrators and targets of a trigger, from a sentence-level parse.

    The parse covers one sentence, so its character offsets start at 0: actor
    spans are shifted into the sentence's frame for ``actor_roles`` and the
    document-level actors are returned.
    """
    if parsed is None or trigger is None or not actors:
        return (), ()
    from factfinder.extract.roles import actor_roles as _actor_roles

    shifted = [Actor(a.name, Span(a.span.start - offset, a.span.end - offset, a.span.text), a.kind) for a in actors]
    back = {id(s): a for s, a in zip(shifted, actors)}
    perpetrators, targets = _actor_roles(parsed[:], trigger, shifted)
    def unshifted(actor: Actor) -> Actor:  # an actor the roles made (a possessive's group) has parse offsets
        return back.get(id(actor)) or Actor(actor.name, Span(actor.span.start + offset, actor.span.end + offset,
                                                              actor.span.text), actor.kind)
    return [unshifted(a) for a in perpetrators], [unshifted(a) for a in targets]


def clause_attachments(trigger: Any, *, offset: int, text: str) -> tuple[Attachment, ...]:
    """The words of the trigger's clause tied to its predicate, in document offsets (``attachment.py``)."""
    if trigger is None:
        return ()
    from factfinder.extract.attachment import attachments

    return attachments(trigger, offset=offset, text=text)
