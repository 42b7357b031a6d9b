"""Counts and figures as people write them: ``12``, not ``12.0``; ``2.5`` stays ``2.5``.

The model keeps every count as a float (a figure may be "2.5 million" or a
hedged range); outputs show whole numbers without the ``.0`` a float prints.
"""

from __future__ import annotations


def whole(value: float) -> int | float:
    """``value`` as an int when it is a whole number (JSON, tables), else unchanged."""
    return int(value) if float(value).is_integer() else value


def format_number(value: float) -> str:
    """``value`` as text: ``12`` for 12.0, ``2.5`` for 2.5."""
    return str(whole(value))
