"""Generate examples/bulletin_myanmar.pdf, the demo's PDF bulletin.

Why a script: the PDF is a binary file, so its text lives here where a reviewer
can read it, and the committed PDF can be rebuilt byte-for-byte from it
(fixed creation date, core fonts, no compression of metadata that varies).
The text is written for the project; the facts it restates are cited in
examples/README.md. Run with ``.venv/bin/python tools/make_examples.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "examples" / "bulletin_myanmar.pdf"
TITLE = "Myanmar Monitor Bulletin No. 47, 20 November 2023"
CREATED = dt.datetime(2023, 11, 20, 8, 0, tzinfo=dt.timezone.utc)

SECTIONS: list[tuple[str, str]] = [
    (
        "Political prisoners",
        "The Assistance Association for Political Prisoners said that as of "
        "17 November 2023, 19,693 people had been arrested since the military "
        "coup of February 2021. Most of them remain in detention.",
    ),
    (
        "Pauktaw, Rakhine State",
        "After two days of fighting between the Arakan Army and junta troops in "
        "Pauktaw on 16 and 17 November, soldiers arrested nearly 100 residents "
        "who had not managed to flee, according to residents who spoke to Radio "
        "Free Asia. More than 200 people were reported trapped in the town. Aid "
        "groups said at least 15 civilians were killed during the fighting; this "
        "could not be independently confirmed.",
    ),
    (
        "Displacement in Sagaing Region",
        "About 10,000 people who fled troop deployments in villages of Depayin "
        "and Ye-U townships have been unable to return home for almost ten days "
        "and are short of food, residents and aid workers said. The UN Office "
        "for the Coordination of Humanitarian Affairs counted 813,500 people "
        "displaced in Sagaing Region since the coup, as of 2 October 2023.",
    ),
    (
        "Beyond Myanmar: a 'fasting alert' contract in China",
        "The surveillance research group IPVM reported on 13 November that "
        "Hikvision won a contract worth about $9 million to build a 'smart "
        "campus' system for Minjiang University in Fujian province, including "
        "alerts about minority students suspected of fasting during Ramadan. On "
        "14 November the World Uyghur Congress issued a statement condemning "
        "the system.",
    ),
]

FOOTER = (
    "Myanmar Monitor is a fictional publisher used in factfinder's demo. "
    "The items restate public reporting; sources are listed in examples/README.md."
)


def build(target: Path = TARGET) -> Path:
    """Write the bulletin PDF and return its path."""
    pdf = FPDF(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author("Myanmar Monitor (example)")
    pdf.set_subject("Weekly human-rights bulletin")
    pdf.set_creator("factfinder tools/make_examples.py")
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for heading, body in SECTIONS:
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, body, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(0, 5, FOOTER, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(target))
    return target


if __name__ == "__main__":
    print(build())
