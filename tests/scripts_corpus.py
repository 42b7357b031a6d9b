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

# Longer texts for scans (bench/ocr_scripts.py, tests/text/test_ocr_scripts.py)
BURMESE_REPORT = (
    "ရန်ကုန်မြို့တွင် စစ်တပ်က ကျောင်းသား ၁၂ ဦးကို ဖမ်းဆီးခဲ့သည်။ မိသားစုများကို အကြောင်းမကြားခဲ့ပါ။\n"
    "ရွာသားများသည် တိုက်ပွဲကြောင့် တောထဲသို့ ထွက်ပြေးခဲ့ကြသည်။ လေကြောင်းတိုက်ခိုက်မှုတွင် အရပ်သား သုံးဦး "
    "သေဆုံးခဲ့သည်။\n"
    "ဆေးရုံသို့ ဒဏ်ရာရသူ ခုနစ်ဦးကို ပို့ဆောင်ခဲ့သည်။ ဒေသခံများက အိမ်ခြေ သုံးဆယ်ကျော် မီးလောင်ခဲ့သည်ဟု ပြောသည်။\n"
)
CHINESE_NOTICE = (
    "警察在拘留期间对三名记者施以酷刑，家属至今未获通知。律师说他们在二〇二三年被带走，至今没有受到审判。\n"
    "当地居民表示，士兵在检查站拘留了四名教师。一名目击者说，空袭造成三名平民死亡，七人受伤。\n"
    "村民因战斗逃往山区，许多房屋被烧毁。人权组织呼吁当局立即释放被拘留的学生。\n"
)

FILES = {"mya.txt": BURMESE, "zho.txt": CHINESE, "ara.txt": ARABIC, "rus.txt": RUSSIAN, "eng.txt": ENGLISH,
         "zawgyi.txt": ZAWGYI}


def build_multiscript_store(folder: Path) -> Path:
    """A store at ``folder``/search.db holding the reports above (capture and text, no extraction)."""
    from factfinder.ingest import ingest_inputs
    from factfinder.store import Store

    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "search.db"
    with Store.open(db) as store:
        report = ingest_inputs([str(folder / name) for name in sorted(FILES)], store=store, settings={"db": str(db)})
        assert report.count("stored") == len(FILES), report
    return db
