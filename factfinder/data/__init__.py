"""Shipped data: vocabularies, lexicons, aliases, curated gazetteer rows (each with its source)."""
