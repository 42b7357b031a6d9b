"""Inline SVG for the report: a world map of incident points and a timeline of incidents a day.

The map draws the Natural Earth country shapes the web app vendors
(world-atlas, TopoJSON) in an equirectangular projection cropped to the
incidents, so the report needs no tile server, no script and no network.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

WIDTH, HEIGHT = 640, 360
COLOURS = {"killing": "#b2182b", "attack": "#ef8a62", "armed_clash": "#d6604d", "arrest": "#2166ac",
           "disappearance": "#4393c3", "torture": "#762a83", "displacement": "#1b7837", "protest": "#e08214"}


@lru_cache(maxsize=1)
def _countries() -> list[list[list[tuple[float, float]]]]:
    """Every country's rings as lon/lat points, decoded from the vendored TopoJSON."""
    text = resources.files("factfinder.web").joinpath("static/vendor/world-atlas/countries-50m.json").read_text()
    topo = json.loads(text)
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)
        return out

    shapes = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        shapes.append([ring(r) for polygon in polygons for r in polygon])
    return shapes


def world_map(points: list[tuple[float, float, str]]) -> str:
    """An SVG map of (lat, lon, type) points, framed on them with a margin."""
    if points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        pad = 4.0
        west, east = min(lons) - pad, max(lons) + pad
        south, north = min(lats) - pad, max(lats) + pad
        # keep the frame's aspect ratio
        if (east - west) / max(north - south, 1e-6) < WIDTH / HEIGHT:
            grow = ((north - south) * WIDTH / HEIGHT - (east - west)) / 2
            west, east = west - grow, east + grow
        else:
            grow = ((east - west) * HEIGHT / WIDTH - (north - south)) / 2
            south, north = south - grow, north + grow
    else:
        west, east, south, north = -180.0, 180.0, -60.0, 85.0

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) / (east - west) * WIDTH, (north - lat) / (north - south) * HEIGHT

    paths = []
    for shape in _countries():
        d = []
        for ring in shape:
            if not any(west - 20 <= lon <= east + 20 and south - 20 <= lat <= north + 20 for lon, lat in ring):
                continue
            d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (xy(lon, lat) for lon, lat in ring)) + "Z")
        if d:
            paths.append(f'<path d="{"".join(d)}"/>')
    dots = []
    for lat, lon, kind in points:
        x, y = xy(lon, lat)
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{COLOURS.get(kind, "#444")}" '
                    f'stroke="#fff" stroke-width="1"><title>{escape(kind)}</title></circle>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="map">'
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eef3f7"/>'
            f'<g fill="#d9d9d9" stroke="#999" stroke-width="0.5">{"".join(paths)}</g>{"".join(dots)}</svg>')


def timeline(days: list[str]) -> str:
    """An SVG bar chart of incidents per day (``days``: one ISO day per incident)."""
    counts = Counter(days)
    if not counts:
        return ""
    ordered = sorted(counts)
    top = max(counts.values())
    bar = WIDTH / len(ordered)
    bars = []
    for n, day in enumerate(ordered):
        h = counts[day] / top * (HEIGHT / 2 - 30)
        bars.append(f'<rect x="{n * bar + 1:.1f}" y="{HEIGHT / 2 - 20 - h:.1f}" width="{max(bar - 2, 1):.1f}" '
                    f'height="{h:.1f}" fill="#2166ac"><title>{day}: {counts[day]}</title></rect>')
    labels = (f'<text x="0" y="{HEIGHT / 2 - 4}" font-size="11">{ordered[0]}</text>'
              f'<text x="{WIDTH}" y="{HEIGHT / 2 - 4}" font-size="11" text-anchor="end">{ordered[-1]}</text>'
              f'<text x="0" y="12" font-size="11">{top} a day at most</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT / 2}" class="timeline">'
            f'{"".join(bars)}{labels}</svg>')


def legend(kinds: list[str]) -> str:
    return " ".join(f'<span class="key"><span class="dot" style="background:{COLOURS.get(k, "#444")}"></span>'
                    f"{escape(k)}</span>" for k in kinds)


