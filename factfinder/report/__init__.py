"""The publishable report: a period's incidents as one self-contained document (HTML or PDF).

    html = build_report(store, date_from="2023-11-01", date_to="2023-11-30", country="MM")
    write_report(html, Path("november.pdf"))

Tallies come from the same query as the web app's tallies page, so the two
agree; the map is an inline SVG drawn from the Natural Earth shapes the web app
ships (no tiles, no network), the timeline an inline SVG bar chart; person names
in quoted evidence are redacted unless asked. WeasyPrint renders the PDF.
"""

from factfinder.report.build import ReportOptions, build_report, write_report

__all__ = ["ReportOptions", "build_report", "write_report"]
