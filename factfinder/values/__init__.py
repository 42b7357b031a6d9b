"""Value types: one small module per kind of value that validates, cleans and formats it once.

Like ``factfinder.model`` and ``factfinder.errors`` these sit below every stage:
any stage, the store, the web app and the CLI may import them, and they import
no stage. (STYLE.md §5; followthemoney's ``types/`` is the model.)

- ``isodate``: ISO days (``YYYY-MM-DD``), ISO prefixes with their precision, UTC timestamps
- ``numbers``: counts and figures written without a spurious ``.0``
- ``places``: country codes, coordinates and bounding boxes
- ``fts``: a user's words as a safe SQLite FTS5 query
- ``digests``: the SHA-256 that names an original
- ``reading``: a document's reading text (``text.reflow``) and its map back to the document's offsets
"""
