"""Building the report: the period's events, tallies, statistics and a methods paragraph, as one HTML page."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any, Callable

from factfinder.errors import UsageError
from factfinder.report.svg import legend, timeline, world_map
from factfinder.store.events import EventFilter
from factfinder.values.isodate import check_day
from factfinder.values.numbers import format_number
from factfinder.store.tallies import statistics, tallies

FORMATS = ("html", "pdf")
METHODS = (
    "Incidents were extracted by factfinder from the preserved sources listed with each incident: typed events "
    "with their date, place, counts, perpetrators and affected groups, each field tied to the words of the "
    "source that support it. Reports of the same event by several sources were merged into one incident; an "
    "incident is <em>corroborated</em> only when independent outlets report it, <em>unconfirmed</em> or "
    "<em>alleged</em> when its source says so, and <em>verified</em> or corrected when an analyst reviewed it "
    "(every review is recorded in the store's hash-chained ledger). Incidents an analyst rejected are left out. "
    "Counts keep their hedges (\"at least\", \"nearly\"); cumulative figures are listed apart as statistics with "
    "the date they were given for. Every original is kept with its SHA-256, so each incident can be traced to "
    "the exact sentence of a preserved source.")


@dataclass(frozen=True, slots=True)
class ReportOptions:
    date_from: str
    date_to: str
    country: str | None = None
    redact: bool = True
    title: str | None = None


def _check(options: ReportOptions) -> None:
    check_day(options.date_from, name="--from")
    check_day(options.date_to, name="--to")
    if options.date_from > options.date_to:
        raise UsageError(f"--from {options.date_from} is after --to {options.date_to}; swap them")


def _counts(event: Any) -> str:
    return ", ".join(f"{c.category} {format_number(c.value)}" for c in event.counts) or ""


def _place(event: Any) -> str:
    loc = event.location
    if loc is None:
        return ""
    return ", ".join(p for p in (loc.name, loc.admin1 if loc.admin1 != loc.name else None, loc.country) if p)


def build_report(store: Any, options: ReportOptions, *, redactor: Any | None = None) -> str:
    """The report as one self-contained HTML page (styles, map and chart inline)."""
    _check(options)
    flt = EventFilter(country=options.country.upper() if options.country else None,
                      date_from=options.date_from, date_to=options.date_to)
    events = [e for e in store.iter_events(flt, reviewed=True) if e.verification != "rejected"]
    by_type = tallies(store.conn, flt, by="type")
    by_place = tallies(store.conn, flt, by="admin1")
    stats = [s for s in statistics(store.conn, country=flt.country)
             if s.as_of is None or options.date_from <= s.as_of <= options.date_to]

    redacted = options.redact and redactor is not None

    def quote(text: str) -> str:
        return escape(redactor.redact(text) if redacted and redactor is not None else text)

    points = [(e.location.lat, e.location.lon, e.type) for e in events
              if e.location is not None and e.location.lat is not None and e.location.lon is not None]
    title = options.title or (f"Incidents {options.date_from} to {options.date_to}"
                              + (f", {flt.country}" if flt.country else ""))
    rows = "".join(_incident_row(e, quote) for e in events)
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    kinds = sorted({e.type for e in events})
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 10pt; margin: 1.5em; color: #222; }}
h1 {{ font-size: 16pt; }} h2 {{ font-size: 12pt; margin-top: 1.4em; }}
table {{ border-collapse: collapse; width: 100%; margin: .5em 0; }}
td, th {{ border: 1px solid #ccc; padding: 3px 5px; vertical-align: top; text-align: left; }}
th {{ background: #f0f0f0; }} svg {{ width: 100%; height: auto; }}
.key {{ margin-right: 1em; }} .dot {{ display: inline-block; width: .8em; height: .8em; border-radius: 50%; }}
.meta {{ color: #666; }}
</style></head><body>
<h1>{escape(title)}</h1>
<p class="meta">{len(events)} incidents. Made by factfinder on {made}{'; person names in quotations redacted' if redacted else ''}.</p>
<h2>Incidents by type</h2>{_tally_table(by_type, "type")}
<h2>Incidents by place</h2>{_tally_table(by_place, "country / region")}
<h2>Map</h2>{world_map(points)}<p>{legend(kinds)}</p>
<h2>Timeline</h2>{timeline([e.date.start for e in events if e.date])}
<h2>Incidents</h2>
<table class="incidents"><thead><tr><th>date</th><th>type</th><th>place</th><th>counts</th><th>status</th>
<th>what the source says</th><th>sources</th><th>language</th></tr></thead><tbody>{rows}</tbody></table>
<h2>Cumulative statistics</h2>
{_statistics_table(stats)}
<h2>Methods</h2><p>{METHODS}</p>
</body></html>
"""


def _incident_row(event: Any, quote: Callable[[str], str]) -> str:
    """One event's row: date, type, place, counts, status, its primary report's words (quoted by
    ``quote``, which redacts when asked), its sources and languages."""
    outlets = sorted({r.outlet or r.incident.doc[:12] for r in event.reports})
    date = event.date.start if event.date and event.date.start == event.date.end else (
        f"{event.date.start} – {event.date.end}" if event.date else "unknown")
    # the quotation's own language, so a reader (and a screen reader) knows what it reads
    said = next((r.language for r in event.reports if r.incident is event.primary and r.language), None)
    lang = f' lang="{escape(said)}"' if said else ""
    return (f"<tr><td>{escape(date)}</td><td>{escape(event.type)}</td><td>{escape(_place(event))}</td>"
            f"<td>{escape(_counts(event))}</td><td>{escape(event.verification)}</td>"
            f"<td{lang}>{quote(event.primary.summary)}</td>"
            f"<td>{escape(', '.join(outlets))}</td><td>{escape(', '.join(event.languages))}</td></tr>")


def _tally_table(rows: list[Any], label: str) -> str:
    body = "".join(f"<tr><td>{escape(r.key or 'unknown')}</td><td>{r.incidents}</td><td>{format_number(r.killed)}"
                   f"</td><td>{format_number(r.injured)}</td><td>{format_number(r.arrested)}</td>"
                   f"<td>{format_number(r.displaced)}</td></tr>" for r in rows)
    return (f'<table class="tally"><thead><tr><th>{label}</th><th>incidents</th><th>killed</th><th>injured</th>'
            f"<th>arrested</th><th>displaced</th></tr></thead><tbody>{body}</tbody></table>")


def _statistics_table(stats: list[Any]) -> str:
    if not stats:
        return "<p>None in this period.</p>"
    rows = "".join(f"<tr><td>{escape(s.measure)}</td><td>{format_number(s.value)} {escape(s.unit)}</td>"
                   f"<td>{escape(s.as_of or 'no date given')}</td><td>{escape(s.place or '')}</td></tr>"
                   for s in stats)
    return ('<table class="statistics"><thead><tr><th>measure</th><th>value</th><th>as of</th><th>place</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>")


def write_report(html: str, path: Path, *, fmt: str | None = None, force: bool = False) -> None:
    """Write the report as HTML or PDF (by ``fmt``, else the file's extension), atomically."""
    fmt = fmt or ("pdf" if path.suffix.lower() == ".pdf" else "html")
    if fmt not in FORMATS:
        raise UsageError(f"--format must be html or pdf, not {fmt!r}")
    if path.exists() and not force:
        raise UsageError(f"{path} exists; pass --force to overwrite it")
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if fmt == "pdf":
        try:
            from weasyprint import HTML
        except (ImportError, OSError) as exc:
            raise UsageError(f"a PDF report needs WeasyPrint and its Pango libraries ({exc}); "
                             "pip install weasyprint, or write --format html") from None
        HTML(string=html).write_pdf(str(temporary))
    else:
        temporary.write_text(html, encoding="utf-8")
    os.replace(temporary, path)
