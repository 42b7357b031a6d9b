"""Evidence highlighting: cut a text into segments, each with the labels of the spans over it.

Templates render each segment as escaped text inside a <mark> carrying its
labels, so a report that contains markup shows as text and overlapping spans
(a count inside an evidence sentence) are both visible.
"""

from __future__ import annotations

from dataclasses import dataclass

from factfinder.model import Incident, Span, Story


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    labels: tuple[str, ...]  # e.g. ("evidence", "count"); empty for plain text


def segments(text: str, spans: list[tuple[int, int, str]], *, start: int = 0,
             end: int | None = None) -> list[Segment]:
    """``text[start:end]`` split at every span boundary; spans outside the window are dropped."""
    end = len(text) if end is None else end
    inside = [(max(s, start), min(e, end), label) for s, e, label in spans if s < e and e > start and s < end]
    cuts = sorted({start, end, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    out: list[Segment] = []
    for left, right in zip(cuts, cuts[1:]):
        labels = tuple(sorted({label for s, e, label in inside if s <= left and right <= e}))
        out.append(Segment(text[left:right], labels))
    return out


def incident_spans(incident: Incident) -> list[tuple[int, int, str]]:
    """Every span that supports a field of a machine incident, labelled by field."""
    spans: list[tuple[int, int, str]] = [(s.start, s.end, "evidence") for s in incident.evidence]
    for c in incident.counts:
        spans.append((c.span.start, c.span.end, "count"))
    for a in incident.perpetrators:
        spans.append((a.span.start, a.span.end, "perpetrator"))
    for a in incident.targets:
        spans.append((a.span.start, a.span.end, "target"))
    for att in incident.attribution:
        spans.append((att.span.start, att.span.end, "attribution"))
    date_span: Span | None = (incident.date.span if incident.date else None) or incident.date_span
    if date_span is not None:
        spans.append((date_span.start, date_span.end, "date"))
    if incident.location is not None and incident.location.span.end > incident.location.span.start:
        spans.append((incident.location.span.start, incident.location.span.end, "place"))
    return spans


def context_window(text: str, incident: Incident, stories: tuple[Story, ...], *,
                   margin: int = 600) -> tuple[int, int]:
    """The part of the text to show: the incident's story, cut to ``margin`` around its evidence."""
    first = min(s.start for s in incident.evidence)
    last = max(s.end for s in incident.evidence)
    story = next((s for s in stories if s.index == incident.story), None)
    lo, hi = (story.start, story.end) if story else (0, len(text))
    lo, hi = max(lo, first - margin), min(hi, last + margin)
    # widen to whole words so the excerpt does not start mid-word
    while lo > 0 and not text[lo - 1].isspace() and first - lo < margin + 40:
        lo -= 1
    while hi < len(text) and not text[hi].isspace() and hi - last < margin + 40:
        hi += 1
    return lo, hi
