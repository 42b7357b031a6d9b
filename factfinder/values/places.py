"""Country codes, coordinates and bounding boxes, checked one way for the CLI, the API and the store.

Coordinates are WGS 84 decimal degrees (latitude -90..90, longitude -180..180);
a bounding box is west,south,east,north as in GeoJSON (RFC 7946 §5) without
crossing the antimeridian, so west <= east.
"""

from __future__ import annotations

import math
import re

from factfinder.errors import UsageError

_COUNTRY = re.compile(r"[A-Za-z]{2}")
BBOX_HINT = "four numbers west,south,east,north with -180<=west<=east<=180 and -90<=south<=north<=90"


def is_country_code(text: str | None) -> bool:
    """True for two ASCII letters (an ISO 3166-1 alpha-2 code, in either case)."""
    return isinstance(text, str) and bool(_COUNTRY.fullmatch(text))


def valid_coordinate(lat: float, lon: float) -> bool:
    """True when (lat, lon) is a point on Earth in decimal degrees."""
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0


def parse_bbox(text: str, *, name: str = "bbox") -> tuple[float, float, float, float]:
    """``west,south,east,north`` as four floats; a UsageError (naming ``name``) says what would work."""
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise UsageError(f"{name}={text!r} is not a box: use {BBOX_HINT}") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise UsageError(f"{name}={text!r} is out of range: use {BBOX_HINT}")
    return west, south, east, north


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in kilometres (one definition for geo, consolidation and evaluation)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
