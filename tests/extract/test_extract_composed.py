"""Texts in decomposed Unicode (NFD) read as their composed form, offsets in the text as it is."""

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.draft import draft_entry
from pipeline.extract import extract_mentions, parse_change, parse_in_quote, parse_number
from pipeline.extract.composed import compose

GOLD_DIR = Path(__file__).parents[1] / "data" / "extraction_gold"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str | None) -> str | None:
    return None if text is None else unicodedata.normalize("NFC", text)


def readings(text: str) -> list[tuple]:
    """What the extractor reads in `text`, its words composed so that both forms compare."""
    return [
        (
            nfc(m.surface),
            m.kind,
            m.value,
            m.approx,
            nfc(m.qualifier),
            nfc(text[m.sentence_start : m.sentence_end]),
        )
        for m in extract_mentions(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Month names, hedges, fractions and units written with accents.
        ("interrogés en décembre 2024", [("décembre 2024", "period", "2024-12", None)]),
        (
            "du 3 au 14 février 2025",
            [("du 3 au 14 février 2025", "period", "2025-02-03/2025-02-14", None)],
        ),
        ("Près d'un dirigeant sur deux", [("un dirigeant sur deux", "ratio", 50.0, "Près d'")]),
        ("un dixième des sondés", [("un dixième", "fraction", 10.0, None)]),
        ("une dépense de 2,5 milliards d'euros", [("2,5 milliards d'euros", "money", 2.5e9, None)]),
        ("un trajet de 12 kilomètres", [("12 kilomètres", "other", 12.0, None)]),
        ("18 degrés la nuit", [("18 degrés", "other", 18.0, None)]),
        ("trois années plus tard", [("trois années", "other", 3.0, None)]),
        ("un recul de 8 points chez les aînés", [("recul de 8 points", "points", -8.0, None)]),
        ("une baisse qui a cédé 4 points", [("cédé 4 points", "points", -4.0, None)]),
    ],
)
def test_decomposed_text_reads_as_composed(text, expected):
    decomposed = nfd(text)
    assert decomposed != text  # the case really is written decomposed
    mentions = extract_mentions(decomposed)
    for m in mentions:
        assert decomposed[m.start : m.end] == m.surface  # offsets in the text as it is
        if m.qualifier is not None:
            assert decomposed[m.qualifier_start : m.qualifier_end] == m.qualifier
    got = [(nfc(m.surface), m.kind, m.value, nfc(m.qualifier)) for m in mentions]
    assert got == expected
    assert readings(decomposed) == readings(text)


def test_offsets_count_every_combining_mark():
    # "É" and "é" are two characters each decomposed: "48 %" starts 2 characters later.
    composed = "Été : environ 48 % des élèves."
    decomposed = nfd(composed)
    (m,) = extract_mentions(decomposed)
    assert (m.start, m.end, m.surface) == (16, 20, "48 %")
    assert (m.qualifier_start, m.qualifier_end, m.qualifier) == (8, 15, "environ")
    assert (m.sentence_start, m.sentence_end) == (0, len(decomposed))
    (c,) = extract_mentions(composed)
    assert (c.start, c.end) == (14, 18)


def test_a_text_mixing_both_forms():
    text = "En décembre 2024, " + nfd("en décembre 2025, ") + "près de 40 % des sondés."
    assert [(m.surface, m.kind, m.value, m.approx) for m in extract_mentions(text)] == [
        ("décembre 2024", "period", "2024-12", False),
        (nfd("décembre 2025"), "period", "2025-12", False),
        ("40 %", "percent", 40.0, True),
    ]


@pytest.mark.parametrize(
    ("original", "text", "starts", "ends"),
    [
        ("", "", (), ()),
        ("é", "é", (0,), (1,)),
        ("e\u0301t\u0301", "ét\u0301", (0, 2, 3), (2, 3, 4)),  # t has no composed form
        ("a\u0301\u0327b", "á\u0327b", (0, 0, 3), (3, 3, 4)),
        ("\u0301a", "\u0301a", (0, 1), (1, 2)),  # a mark with no base stays itself
        ("\u212b", "Å", (0,), (1,)),  # the Ångström sign is the letter Å
    ],
)
def test_compose_maps_each_character_to_its_group(original, text, starts, ends):
    composed = compose(original)
    n = len(composed.text)
    assert composed.text == text == unicodedata.normalize("NFC", original)
    assert tuple(composed.start(i) for i in range(n)) == starts
    assert tuple(composed.end(i + 1) for i in range(n)) == ends
    assert (composed.start(n), composed.end(0)) == (len(original), 0)


def test_compose_keeps_only_the_groups_whose_length_changes():
    original = "Les élèves, le q\u0301, l'e\u0301te\u0301 : " * 1000
    composed = compose(unicodedata.normalize("NFD", original))
    assert composed.text == unicodedata.normalize("NFC", original)
    assert len(composed.groups[0]) == 4000  # é, è, é, é of each copy; "q" + accent stays two
    at = composed.text.index("été", 20_000)  # offsets far into the text still map exactly
    assert composed.original[composed.start(at) : composed.end(at + 3)] == "e\u0301te\u0301"


def test_text_whose_letters_compose_without_marks_is_kept_as_it_is():
    jamo = "\u1100\u1161 12 %"  # Hangul jamo compose into one syllable, with no combining mark
    composed = compose(jamo)
    assert composed.text == jamo
    (m,) = extract_mentions(jamo)
    assert (m.surface, m.start) == ("12 %", 3)


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.txt")), ids=lambda p: p.stem)
def test_every_gold_text_reads_the_same_with_modifier_apostrophes(path):
    """U+02BC ("dʼun tiers") is a letter to the regex engine; it reads as "’", at the same
    offsets, with the surfaces as written."""
    text = path.read_text(encoding="utf-8")
    modifier = text.replace("’", "ʼ").replace("'", "ʼ")
    found = extract_mentions(modifier)
    assert [(m.start, m.end, m.kind, m.value) for m in found] == [
        (m.start, m.end, m.kind, m.value) for m in extract_mentions(text)
    ]
    assert all(modifier[m.start : m.end] == m.surface for m in found)


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.txt")), ids=lambda p: p.stem)
def test_every_gold_text_reads_the_same_decomposed(path):
    text = path.read_text(encoding="utf-8")
    assert readings(nfd(text)) == readings(text)


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("décembre 2024", ("period", "2024-12")),
        ("près de 48 %", ("percent", 48.0)),
        ("un dixième", ("fraction", 10.0)),
        ("soit 1 600 salariés", ("count", 1600.0)),
    ],
)
def test_parse_number_reads_decomposed_surfaces(surface, expected):
    assert parse_number(nfd(surface)) == parse_number(surface) == expected


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("les ventes ont reculé de 2,4 %", ("percent", -2.4)),
        ("un chiffre qui a diminué de 5 points", ("points", -5.0)),
        ("une remontée de 3 %", ("percent", 3.0)),
    ],
)
def test_parse_change_reads_decomposed_words_of_change(surface, expected):
    assert parse_change(nfd(surface)) == parse_change(surface) == expected


def test_parse_in_quote_reads_decomposed_range_bounds():
    quote = nfd("la marge d'erreur est comprise entre 1,4 et 3,1 points (échantillon)")
    start = quote.index("1,4")
    assert parse_in_quote(quote, start, start + 3) == ("points", 1.4)


def test_draft_proposes_the_change_written_in_decomposed_words():
    text = nfd("Les ventes ont reculé de 2,4 % sur l'année écoulée.")
    (m,) = extract_mentions(text)
    template = draft_entry(m, text)["as_observation"]
    assert (template["unit"], template["value"]) == ("percent_change", -2.4)
    assert template["number_text"] == nfd("reculé de 2,4 %")
    assert text[m.sentence_start : m.sentence_end] == template["quote"]


ACCENTED = [
    "décembre",
    " février 2025",
    "près de ",
    "Près d’",
    "un dixième",
    "la moitié",
    "reculé de ",
    " à ",
    "élèves",
    "12",
    " %",
    "1 600",
    ". ",
    " ",
    "e\u0301",  # already decomposed
]


@given(st.lists(st.sampled_from(ACCENTED), max_size=30).map("".join))
def test_any_decomposed_text_reads_as_its_composed_form(text):
    composed = unicodedata.normalize("NFC", text)
    assert readings(nfd(text)) == readings(composed)
    for m in extract_mentions(nfd(text)):
        assert nfd(text)[m.start : m.end] == m.surface


INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def visible(text: str | None) -> str | None:
    return None if text is None else "".join(c for c in text if c not in INVISIBLE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Invisible characters inside numbers, units and words are read through.
        ("Soit 1\u200b600 dirigeants.", [("1\u200b600", "count", 1600.0)]),
        ("Et 45\u200b% d'entre eux.", [("45\u200b%", "percent", 45.0)]),
        ("Et 45\u2060% d'entre eux.", [("45\u2060%", "percent", 45.0)]),
        (
            "Un budget de 2,5 mil\u00adliards d'euros.",
            [("2,5 mil\u00adliards d'euros", "money", 2.5e9)],
        ),
        (
            "Les ventes re\u00adculent de 15 points.",
            [("re\u00adculent de 15 points", "points", -15.0)],
        ),
        ("\ufeffAuprès de 1 600 dirigeants.", [("1 600", "count", 1600.0)]),
        ("Soit 👨\u200d👩\u200d👧 12 000 familles.", [("12 000", "count", 12000.0)]),
    ],
)
def test_invisible_characters_are_read_through(text, expected):
    found = extract_mentions(text)
    assert [(m.surface, m.kind, m.value) for m in found] == expected
    assert all(text[m.start : m.end] == m.surface for m in found)
    assert [parse_number(m.surface) for m in found] == [(k, v) for _, k, v in expected]


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.txt")), ids=lambda p: p.stem)
def test_every_gold_text_reads_the_same_with_soft_hyphens_in_its_words(path):
    text = path.read_text(encoding="utf-8")
    hyphenated = re.sub(r"(?<=[^\W\d_]{3})(?=[^\W\d_]{3})", "\u00ad", text)
    assert hyphenated != text
    found = extract_mentions(hyphenated)
    assert all(hyphenated[m.start : m.end] == m.surface for m in found)
    assert [
        (visible(m.surface), m.kind, m.value, m.approx, visible(m.qualifier)) for m in found
    ] == [(m.surface, m.kind, m.value, m.approx, m.qualifier) for m in extract_mentions(text)]
