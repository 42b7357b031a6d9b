"""Short reports in the seeds' own languages, written for the tests (our own sentences), and a store of them.

Shared by the search tests of the store, the CLI and the web app.
"""

from __future__ import annotations

from pathlib import Path

BURMESE = "ရန်ကုန်မြို့တွင် စစ်တပ်က ကျောင်းသား ၁၂ ဦးကို ဖမ်းဆီးခဲ့သည်။ မိသားစုများကို အကြောင်းမကြားခဲ့ပါ။\n"
CHINESE = "警察在拘留期间对三名记者施以酷刑，家属至今未获通知。律师说他们在二〇二三年被带走。\n"
ARABIC = "اعتقلت قوات الأمن خمسة صحفيين في المدينة يوم ١٢ مارس، ولم تبلغ عائلاتهم بمكان احتجازهم.\n"
RUSSIAN = "Полиция задержала трёх журналистов у здания суда; их родственникам ничего не сообщили.\n"
ENGLISH = "Soldiers detained four teachers at a checkpoint near the market on Tuesday, residents said.\n"
# "Fighting broke out in eastern Myanmar", typed in the Zawgyi font encoding (its Unicode
# form is မြန်မာနိုင်ငံ အရှေ့ပိုင်းတွင် တိုက်ပွဲများ ဖြစ်ပွားခဲ့သည်။)
ZAWGYI = "ျမန္မာႏိုင္ငံ အေရ႔ွပိုင္းတြင္ တိုက္ပြဲမ်ား ျဖစ္ပြားခဲ့သည္။\n"

FILES = {"mya.txt": BURMESE, "zho.txt": CHINESE, "ara.txt": ARABIC, "rus.txt": RUSSIAN, "eng.txt": ENGLISH,
         "zawgyi.txt": ZAWGYI}


def build_multiscript_store(folder: Path) -> Path:
    """A store at ``folder``/search.db holding the reports above (capture and text, no extraction)."""
    from factfinder.pipeline import ingest_inputs
    from factfinder.store import Store

    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "search.db"
    with Store.open(db) as store:
        report = ingest_inputs([str(folder / name) for name in sorted(FILES)], store=store, settings={"db": str(db)})
        assert report.count("stored") == len(FILES), report
    return db
