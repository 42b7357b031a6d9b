"""One exception hierarchy. Every message tells the user what to do next."""

from __future__ import annotations


class FactfinderError(Exception):
    """Base class: the CLI prints the message on one line and exits non-zero."""

    exit_code = 1


class UsageError(FactfinderError):
    """The user asked for something that cannot work as asked (bad option, missing path)."""

    exit_code = 2


class CaptureError(FactfinderError):
    """An input could not be captured or read; the bytes that arrived are still kept."""


class ExtractionError(FactfinderError):
    """Text could not be extracted from a captured original (broken PDF, no text)."""


class StoreError(FactfinderError):
    """The database or the originals folder is unusable (corrupt, wrong version, locked)."""


class GazetteerError(FactfinderError):
    """The gazetteer is missing or corrupt; the message says how to rebuild it."""


class IntegrityError(FactfinderError):
    """`verify` found an original or a ledger entry that was changed or is missing."""
