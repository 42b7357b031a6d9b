"""An incident whose own sentences name no place of its country takes its story's country (issue 21, item 7).

Texts written for the project; the gazetteer is a two-country stand-in, injected as the pipeline injects
the real one.
"""

from __future__ import annotations

from dataclasses import replace

from factfinder.geo.gazetteer import Candidate
from factfinder.geo.incident_country import document_country, with_document_country
from factfinder.model import Attachment, Document, Incident, Place, Span, Story

COUNTRIES = {
    "EG": Candidate(1, 357994, "Egypt", "country", "EG", None, None, 27.0, 30.0, 100_000_000, True),
    "LB": Candidate(2, 272103, "Lebanon", "country", "LB", None, None, 33.8, 35.8, 6_000_000, True),
}


TOWNS = {
    "Cairo": Candidate(3, 360630, "Cairo", "city", "EG", None, None, 30.0, 31.2, 9_600_000, True),
    "Beirut": Candidate(4, 276781, "Beirut", "city", "LB", None, None, 33.9, 35.5, 1_900_000, True),
    "Tyre": Candidate(5, 267008, "Tyre", "city", "LB", None, None, 33.3, 35.2, 60_000, False),
}


class TwoCountries:
    def country(self, iso2: str) -> Candidate | None:
        return COUNTRIES.get(iso2)

    def lookup(self, name: str) -> list[Candidate]:
        return [TOWNS[name]] if name in TOWNS else []


def _place(text: str, word: str, country: str, precision: str = "town", occurrence: int = 0) -> Place:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return Place(span=Span.of(text, start, start + len(word)), name=word, lat=30.0, lon=31.0, country=country,
                 precision=precision, confidence=0.9)


def _incident(text: str, sentence: str, *, location: Place | None = None, story: int | None = 0) -> Incident:
    start = text.index(sentence)
    evidence = Span.of(text, start, start + len(sentence))
    return Incident(doc="d", type="arrest", summary=sentence, evidence=(evidence,), story=story, location=location)


NEWS = ("Egyptian authorities detained two lawyers in Cairo on Sunday, their families said.\n\n"
        "The lawyers had defended students arrested after protests in Alexandria.\n\n"
        "Security forces also detained a journalist at his home, a rights group in Beirut said.\n")
CAIRO = _place(NEWS, "Cairo", "EG")
ALEXANDRIA = _place(NEWS, "Alexandria", "EG")
BEIRUT = _place(NEWS, "Beirut", "LB")


def test_an_incident_without_a_place_takes_the_country_its_story_is_about() -> None:
    document = Document(doc="d", text=NEWS, stories=(Story(0, 0, len(NEWS)),))
    journalist = _incident(NEWS, "Security forces also detained a journalist at his home, a rights group in Beirut said.")
    (located,) = with_document_country([journalist], [CAIRO, ALEXANDRIA, BEIRUT], document, TwoCountries())
    assert located.location is not None
    assert (located.location.country, located.location.precision, located.location.name) == ("EG", "country", "Egypt")
    # the words behind it are in the text: the demonym that names the country
    assert located.location.span.text == "Egyptian"


def test_a_place_of_its_own_sentence_is_kept_and_a_borrowed_one_abroad_is_replaced() -> None:
    document = Document(doc="d", text=NEWS, stories=(Story(0, 0, len(NEWS)),))
    lawyers = _incident(NEWS, "Egyptian authorities detained two lawyers in Cairo on Sunday, their families said.",
                        location=CAIRO)
    # a place its story's setting lent it from another sentence, in another country
    journalist = _incident(NEWS, "Security forces also detained a journalist at his home", location=BEIRUT)
    kept, replaced = with_document_country([lawyers, journalist], [CAIRO, ALEXANDRIA, BEIRUT], document,
                                           TwoCountries())
    assert kept.location == CAIRO
    assert replaced.location is not None and replaced.location.country == "EG"


def test_a_report_split_between_countries_gives_none() -> None:
    text = ("Police in Cairo detained a blogger. Police in Beirut detained a singer.\n\n"
            "Both were later released.\n")
    places = [_place(text, "Cairo", "EG"), _place(text, "Beirut", "LB")]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    assert document_country(document, places) is None
    (released,) = with_document_country([_incident(text, "Both were later released.")], places, document,
                                        TwoCountries())
    assert released.location is None


def test_a_country_heading_names_the_paragraph_country() -> None:
    text = "EGYPT\nIn March, guards beat detainees in a prison near the capital, relatives said.\n"
    document = Document(doc="d", text=text)
    found = document_country(document, [])
    assert found is not None and found.country == "EG" and found.span.text == "EGYPT"
    (beaten,) = with_document_country([_incident(text, "In March, guards beat detainees", story=None)], [],
                                      document, TwoCountries())
    assert beaten.location is not None and beaten.location.country == "EG"


def test_a_one_sentence_text_keeps_what_its_sentence_says() -> None:
    """A country the sentence names that ``locate`` did not take names an actor there ("Egyptian
    authorities"); it is not given back as the place."""
    text = "Egyptian authorities detained two lawyers after a raid, a spokesman in Cairo said."
    places = [_place(text, "Cairo", "EG")]
    document = Document(doc="d", text=text)
    assert document_country(document, places) is not None  # the text is about Egypt ...
    (lawyers,) = with_document_country([_incident(text, text, story=None)], places, document, TwoCountries())
    assert lawyers.location is None  # ... but only the incident's own sentence says so


def test_a_country_only_its_towns_stand_for_fills_incidents_without_a_place_only() -> None:
    """A local report names its towns, never its country ("CAIRO - ..."): an incident with no place
    takes the country the towns stand for (the first town's words point at it), but it takes no
    place away from an incident whose sentence names one, and a document that names a country
    outright or by a demonym is about that country, whatever towns vote."""
    text = "Police in Cairo detained a blogger.\n\nA court in Alexandria later freed him.\n\nHe was held for days.\n"
    places = [_place(text, "Cairo", "EG"), _place(text, "Alexandria", "EG")]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    found = document_country(document, places)
    assert found is not None and found.country == "EG" and found.towns_only and found.span.text == "Cairo"
    held = _incident(text, "He was held for days.")
    blogger = _incident(text, "Police in Cairo detained a blogger.", location=places[0])
    held, blogger = with_document_country([held, blogger], places, document, TwoCountries())
    assert held.location is not None and held.location.country == "EG" and held.location.precision == "country"
    assert blogger.location == places[0]
    named = "Lebanese police in Cairo detained a blogger.\n\nA court in Alexandria later freed him.\n"
    towns = [_place(named, "Cairo", "EG"), _place(named, "Alexandria", "EG")]
    assert document_country(Document(doc="d", text=named), towns) is None  # Lebanon is named: no towns' country


def test_a_filing_place_in_brackets_is_not_where_the_event_happened() -> None:
    """"(Beirut) – Egyptian authorities are holding ...": the office that wrote the release."""
    text = ("(Beirut) – Egyptian authorities are holding three bloggers without charge, a rights group "
            "said today.\n\nThe bloggers were arrested at their homes in Cairo in March.\n")
    places = [_place(text, "Beirut", "LB"), _place(text, "Egyptian", "EG", "country"), _place(text, "Cairo", "EG")]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    lead = _incident(text, text.split("\n")[0], location=places[0])
    (located,) = with_document_country([lead], places, document, TwoCountries())
    assert located.location is not None and located.location.country == "EG"


def test_a_borrowed_place_yields_to_the_country_the_sentence_names() -> None:
    """The story lends a town abroad; the incident's own sentence names its country ("during
    Egypt's crackdown"), and a country in a compound ("a Lebanon-based channel") names none."""
    text = ("She was born in Cairo and later taught in Beirut for thirty years.\n\n"
            "During Egypt's crackdown she was one of thousands of people arrested by the army.\n\n"
            "Two reporters for a Lebanon-based channel were detained at a rally.\n")
    cairo, beirut = _place(text, "Cairo", "EG"), _place(text, "Beirut", "LB")
    places = [cairo, beirut, _place(text, "Egypt", "EG", "country"), _place(text, "Lebanon", "LB", "country")]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    assert document_country(document, places) is None  # split between the two
    arrested = _incident(text, "During Egypt's crackdown she was one of thousands of people arrested by the army.",
                         location=beirut)
    reporters = _incident(text, "Two reporters for a Lebanon-based channel were detained at a rally.", location=cairo)
    moved, kept = with_document_country([arrested, reporters], places, document, TwoCountries())
    assert moved.location is not None and (moved.location.country, moved.location.precision) == ("EG", "country")
    assert moved.location.span.text == "Egypt"
    assert kept.location == cairo


def test_a_country_that_qualifies_a_noun_does_not_take_a_borrowed_place_away() -> None:
    """"along with Lebanese-trained and Lebanon police advisers": a country before a common noun
    says whose the people are, not where the event happened."""
    text = ("Troops searched villages near Cairo on Monday.\n\n"
            "Egyptian soldiers, along with Lebanon police advisers, detained twenty suspects.\n")
    cairo = _place(text, "Cairo", "EG")
    places = [cairo, _place(text, "Lebanon", "LB", "country")]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    detained = _incident(text, "Egyptian soldiers, along with Lebanon police advisers, detained twenty suspects.",
                         location=cairo)
    (kept,) = with_document_country([detained], places, document, TwoCountries())
    assert kept.location == cairo


def _words(text: str, sentence: str, ties: list[tuple[str, int, str]]) -> tuple[Attachment, ...]:
    """The parse's ties of the words of ``sentence`` (word, depth, relation), in text order."""
    out, at = [], text.index(sentence)
    for word, depth, relation in ties:
        at = text.index(word, at)
        out.append(Attachment(Span.of(text, at, at + len(word)), depth, relation))
        at += len(word)
    return tuple(out)


def test_a_neighbouring_country_named_in_passing_yields_to_the_story_country() -> None:
    """"suspected of ties with rebels in neighbouring Lebanon": the preposition hangs on another
    noun than the event, and "neighbouring" says the story is set elsewhere; "detained a teacher
    in neighbouring Lebanon" tells where the arrest happened, and a noun's country without
    "neighbouring" ("people in Lebanon were detained") is where the event was."""
    text = ("Egyptian authorities have detained dozens of students in Egypt since March, Egyptian lawyers said; "
            "Egypt's prosecutor ordered them held and Egypt's courts refused bail.\n\n"
            "Security forces detained students suspected of ties with rebels in neighbouring Lebanon.\n\n"
            "Police detained a teacher in neighbouring Lebanon, his family said.\n\n"
            "Dozens of people in Lebanon were detained, a rights group said.\n")
    passing, teacher_line, people_line = text.split("\n\n")[1:]
    places = [_place(text, "Egyptian", "EG", "country"), _place(text, "Egypt", "EG", "country", 1),
              _place(text, "Egyptian", "EG", "country", 1), _place(text, "Lebanon", "LB", "country"),
              _place(text, "Lebanon", "LB", "country", 1), _place(text, "Lebanon", "LB", "country", 2),
              _place(text, "Egypt's", "EG", "country"), _place(text, "Egypt's", "EG", "country", 1)]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    students = replace(_incident(text, passing.strip(), location=places[3]), attachments=_words(text, passing, [
        ("detained", 0, "predicate"), ("students", 1, "dobj"), ("suspected", 2, "dobj"), ("of", 3, "dobj"),
        ("ties", 4, "dobj"), ("with", 5, "with"), ("rebels", 6, "with"), ("in", 7, "in"),
        ("neighbouring", 9, "in"), ("Lebanon", 8, "in")]))
    teacher = replace(_incident(text, teacher_line.strip(), location=places[4]), attachments=_words(
        text, teacher_line, [("detained", 0, "predicate"), ("teacher", 1, "dobj"), ("in", 1, "in"),
                             ("neighbouring", 3, "in"), ("Lebanon", 2, "in")]))
    people = replace(_incident(text, people_line.strip(), location=places[5]), attachments=_words(
        text, people_line, [("people", 2, "nsubjpass"), ("in", 3, "in"), ("Lebanon", 4, "in"),
                            ("detained", 0, "predicate")]))
    moved, kept, own = with_document_country([students, teacher, people], places, document, TwoCountries())
    assert moved.location is not None and (moved.location.country, moved.location.precision) == ("EG", "country")
    assert kept.location == places[4]
    assert own.location == places[5]


def test_a_lead_set_apart_as_a_story_of_its_own_takes_the_country_the_rest_of_the_document_tells() -> None:
    """A wire report's lead can stand as a story of its own; the country its one sentence names
    by a demonym is the document's too, said in the other sentences."""
    lead = "CAIRO (Reuters) - Egyptian police have detained five people over the killing of a reporter."
    text = lead + "\n\nThe reporter was killed in Egypt in 2016. Egypt's courts have tried no one.\n"
    places = [_place(text, "Egyptian", "EG", "country"), _place(text, "Egypt", "EG", "country"),
              _place(text, "Egypt's", "EG", "country")]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(lead)), Story(1, len(lead) + 2, len(text))))
    killing = _incident(text, lead)
    (located,) = with_document_country([killing], places, document, TwoCountries())
    assert located.location is not None and located.location.country == "EG"


def test_a_small_town_of_a_country_the_document_never_names_yields_to_the_story_country() -> None:
    """A lone reading abroad ("Tyre" in Lebanon in a story about Egypt that never names Lebanon)
    is the resolver's guess; a big city ("Beirut") is known without its country, and a town of a
    country the document names is kept."""
    text = ("Egyptian police detained a blogger in Tyre on Sunday.\n\n"
            "Police detained a singer in Beirut.\n\n"
            "Egypt's prosecutor ordered both held; Egyptian lawyers protested.\n")
    tyre, beirut = _place(text, "Tyre", "LB"), _place(text, "Beirut", "LB")
    places = [_place(text, "Egyptian", "EG", "country"), tyre, beirut, _place(text, "Egypt's", "EG", "country"),
              _place(text, "Egyptian", "EG", "country", 1)]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    blogger = _incident(text, "Egyptian police detained a blogger in Tyre on Sunday.", location=tyre)
    singer = _incident(text, "Police detained a singer in Beirut.", location=beirut)
    moved, kept = with_document_country([blogger, singer], places, document, TwoCountries())
    assert moved.location is not None and (moved.location.country, moved.location.precision) == ("EG", "country")
    assert kept.location == beirut
    # once the document names Lebanon, its town is where the event was
    named = text + "\nLebanon protested.\n"
    places.append(_place(named, "Lebanon", "LB", "country"))
    document = Document(doc="d", text=named, stories=(Story(0, 0, len(named)),))
    (own,) = with_document_country([blogger], places, document, TwoCountries())
    assert own.location == tyre


def test_a_country_named_once_on_another_noun_yields_to_the_story_country() -> None:
    """"damaged by the killing of a journalist and allegations of war crimes in Lebanon": the
    only mention of Lebanon in the document hangs on "crimes", not on the killing."""
    text = ("Egyptian authorities hope the summit will mend an image damaged by the killing of a journalist and "
            "allegations of war crimes in Lebanon.\n\n"
            "Egypt's courts have tried no one; Egyptian activists remain in prison.\n")
    sentence = text.split("\n")[0]
    places = [_place(text, "Egyptian", "EG", "country"), _place(text, "Lebanon", "LB", "country"),
              _place(text, "Egypt's", "EG", "country"), _place(text, "Egyptian", "EG", "country", 1)]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    killing = replace(_incident(text, sentence, location=places[1]), attachments=_words(text, sentence, [
        ("damaged", 0, "predicate"), ("killing", 1, "by"), ("allegations", 2, "conj"), ("of", 3, "of"),
        ("crimes", 4, "of"), ("in", 5, "in"), ("Lebanon", 6, "in")]))
    (moved,) = with_document_country([killing], places, document, TwoCountries())
    assert moved.location is not None and moved.location.country == "EG"


def test_a_country_named_on_a_noun_of_shelter_or_dealings_yields_to_the_story_country() -> None:
    """"abducted ..., she gave up her hope of asylum in Lebanon": the place hangs on "asylum",
    where she hoped to go, not where she was abducted; "abducted ... in Lebanon" keeps it. In a
    report split between the two countries, the country it leads with takes its place."""
    text = ("Egyptian police say a nurse was abducted outside a clinic in Giza, and she gave up her hope of "
            "asylum in Lebanon.\n\n"
            "Egypt's prosecutor opened an inquiry; Egyptian lawyers and Egypt's press followed it.\n\n"
            "A driver was abducted in Lebanon, his family said.\n")
    nurse_line, _, driver_line = text.split("\n\n")
    places = [_place(text, "Egyptian", "EG", "country"), _place(text, "Lebanon", "LB", "country"),
              _place(text, "Egypt's", "EG", "country"), _place(text, "Egyptian", "EG", "country", 1),
              _place(text, "Egypt's", "EG", "country", 1), _place(text, "Lebanon", "LB", "country", 1)]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    nurse = replace(_incident(text, nurse_line.strip(), location=places[1]), attachments=_words(text, nurse_line, [
        ("abducted", 0, "predicate"), ("outside", 1, "outside"), ("clinic", 2, "outside"), ("gave", 1, "conj"),
        ("hope", 2, "dobj"), ("of", 3, "of"), ("asylum", 4, "of"), ("in", 5, "in"), ("Lebanon", 6, "in")]))
    driver = replace(_incident(text, driver_line.strip(), location=places[5]), attachments=_words(
        text, driver_line, [("driver", 1, "nsubjpass"), ("abducted", 0, "predicate"), ("in", 1, "in"),
                            ("Lebanon", 2, "in")]))
    moved, kept = with_document_country([nurse, driver], places, document, TwoCountries())
    assert moved.location is not None and (moved.location.country, moved.location.precision) == ("EG", "country")
    assert kept.location == places[5]
    # split between the countries (no clear lead of 1.5), the one it names more still wins over "asylum in"
    split = places[:3] + [places[5]]
    (leading,) = with_document_country([nurse], split, document, TwoCountries())
    assert leading.location is not None and leading.location.country == "EG"


class AliasedCity(TwoCountries):
    """A gazetteer that lists a first name among a big city's alternate names, as GeoNames does."""

    def lookup(self, name: str) -> list[Candidate]:
        big = Candidate(6, 276782, "Sidon City", "city", "LB", None, None, 33.6, 35.4, 800_000, False)
        return [big] if name in ("Sidon City", "Rami") else super().lookup(name)


def test_a_big_city_read_for_one_of_its_alternate_names_is_not_known_without_its_country() -> None:
    """"Rami", a person's first name, resolved to a big city that lists it among its alternate
    names: the city is not known by those words, so the story's country wins; the city said by
    its own name ("Sidon City") stays where the words put it."""
    text = ("Egyptian police detained a blogger who had criticised Rami's guerrillas.\n\n"
            "Egypt's prosecutor ordered him held; Egyptian lawyers protested.\n")
    rami = replace(_place(text, "Rami", "LB"), name="Sidon City")
    places = [_place(text, "Egyptian", "EG", "country"), rami, _place(text, "Egypt's", "EG", "country"),
              _place(text, "Egyptian", "EG", "country", 1)]
    document = Document(doc="d", text=text, stories=(Story(0, 0, len(text)),))
    blogger = _incident(text, "Egyptian police detained a blogger who had criticised Rami's guerrillas.", location=rami)
    (moved,) = with_document_country([blogger], places, document, AliasedCity())
    assert moved.location is not None and (moved.location.country, moved.location.precision) == ("EG", "country")
    named = text.replace("Rami's", "Sidon City's")
    city = replace(_place(named, "Sidon City", "LB"), name="Sidon City")
    places[1] = city
    document = Document(doc="d", text=named, stories=(Story(0, 0, len(named)),))
    told = _incident(named, "Egyptian police detained a blogger who had criticised Sidon City's guerrillas.", location=city)
    (kept,) = with_document_country([told], places, document, AliasedCity())
    assert kept.location == city
