"""The English words of the calendar: month names with their abbreviations, and weekdays.

One list for the stages that read them: the dates stage parses date phrases with them
(``dates/patterns.py``), extraction tells an act done on a day of its own from a tally over time
(``extract/tally_clause.py``) and tells a dated act from a practice or a kind of abuse
(``extract/assertion.py``, ``extract/separate_acts.py``), and the geo stage keeps them out of place names
(``geo/clause_names.py``) and reads a venue's day after it (``geo/mentions.py``). Extraction may not import the dates stage, so the list lives here.
"""

from __future__ import annotations

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The abbreviations news copy prints ("Jan. 25", "Sept 3").
_ABBREVIATIONS = {"january": ("jan",), "february": ("feb",), "march": ("mar",), "april": ("apr",),
                  "june": ("jun",), "july": ("jul",), "august": ("aug",), "september": ("sept", "sep"),
                  "october": ("oct",), "november": ("nov",), "december": ("dec",)}

MONTHS: dict[str, int] = {word: number for number, name in enumerate(MONTH_NAMES, 1)
                          for word in (name, *_ABBREVIATIONS.get(name, ()))}
"""Each month word, full or abbreviated, in lower case -> the month's number."""
WEEKDAYS: dict[str, int] = {name: number for number, name in enumerate(WEEKDAY_NAMES)}
"""Each weekday in lower case -> its number, Monday 0 (as ``datetime.weekday``)."""
