"""Tell numbers that belong to a name ("NIS 2", "COVID-19", "« Vingt Dieux »") from quantities."""

import re
from functools import lru_cache

from pipeline.extract.lexicon import (
    alternation,
    fold,
    function_words,
    known_words,
    load,
    typography,
)
from pipeline.extract.mention import Candidate
from pipeline.extract.numerals import Numeral

NAME_PRIORITY = 2
IDENTIFIER_PRIORITY = 0  # as a date's
_SENTENCE_START = ".!?…\n"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    hyphen = typography()["hyphen"]
    return {
        # The name word stands alone or after an elided article ("l'article 49.3").
        "before": re.compile(
            r"(?:(?<![\w'’-])|(?<=(?<!\w)[lLdD]['’]))(?P<name>[^\W\d_]+°?)"
            r"(?:[ \u00a0\u202f]|(?<=°))\Z"  # "n° 1", "n°1"
        ),
        "hyphenated": re.compile(
            rf"(?<!\w)[^\W\d_]*[A-Z][^\W\d_]*{hyphen}(?P<num>\d+)(?![\w-]|[.,]?\d)"
        ),
        "word_before": re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+\Z"),
    }


@lru_cache(maxsize=1)
def _street() -> re.Pattern:
    names = load("numbers")["names"]
    return re.compile(
        rf"[ \u00a0\u202f]*(?:(?:{alternation(names['street_suffixes'])}),?[ \u00a0\u202f]+)?,?"
        rf"[ \u00a0\u202f]*(?:{alternation(names['streets'])})(?![\w-])",
        re.IGNORECASE,
    )


def street_end(text: str, end: int) -> int | None:
    """End of the street word after the number of an address ("12 rue", "3 bis, avenue"), if
    one follows `end`."""
    m = _street().match(text, end)
    return m.end() if m else None


def reported() -> bool:
    """Whether numbers in names are reported as kind "other" (see fr_numbers.yml `names`)."""
    return bool(load("numbers")["names"]["report"])


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    return frozenset(fold(w) for w in load("numbers")["names"]["words"])


def _strong(written: str) -> bool:
    """An acronym ("NIS", "CAC"), a brand written with a capital inside ("iPhone", "eMac") or
    a name word of the lexicon ("ligne", "article")."""
    return (
        fold(written) in _name_words()
        or (len(written) > 1 and written.isupper())
        or _INNER_CAPITAL.search(written) is not None
    )


def strong_name_start(text: str, start: int) -> int | None:
    """Start of an acronym or name word right before a number ("NIS 2024", "JO 2024"): a
    name whatever follows, even when the number could be a year."""
    m = _patterns()["before"].search(text, max(0, start - 40), start)
    return m.start() if m is not None and _strong(m.group("name")) else None


def name_start(text: str, start: int, noun_after: bool, end: int | None = None) -> int | None:
    """Start of the name written right before a number ("CAC 40", "ligne 14"), if any.

    An acronym or a name word always makes one; a capitalised word ("Windows 11") only when no
    noun follows the number ("Seuls 11 salariés" is a count), no dash joins it to another
    ("Lyon 3-1" is a score) and the two are not a row of a table ("Commerce 25" alone on its
    line, the number `end`ing it, beside another such line).
    """
    m = _patterns()["before"].search(text, max(0, start - 40), start)
    if m is None:
        return None
    written, word = m.group("name"), fold(m.group("name"))
    if _strong(written):
        return m.start()
    if noun_after or written.islower() or word in known_words():
        return None
    if end is not None and _JOINED.match(text, end):  # "Lyon 3-1": a score's, not a name
        return None
    row = (
        end is not None
        and _ROW_START.search(text, max(0, m.start() - 20), m.start())
        and _ROW_END.match(text, end)
        and _beside_a_row(text, m.start(), end)
    )
    return None if row else m.start()


# A lowercase letter followed by a capital within one word: "iPhone", "eBay", "PlayStation".
_INNER_CAPITAL = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]")
# A number joined by a dash to the next one: a score's or a range's first ("3-1", "6-3").
_JOINED = re.compile(r"[ \t\u00a0]?[-‐‑–][ \t\u00a0]?\d")
# A table's row: its label at the start of a line, its number at the end ("Commerce 25").
_ROW_START = re.compile(r"(?:\A|\n)[ \t•·*-]*\Z")
_ROW_END = re.compile(r"[ \t\u00a0\u202f]*%?[ \t]*(?:\n|\Z)")
_ROW = re.compile(r"[ \t•·*-]*[^\W\d_][^\d\n]*?[ \t\u00a0]+\d[\d \u00a0\u202f,.]*%?[ \t]*")


def _beside_a_row(text: str, start: int, end: int) -> bool:
    """Whether the line before or after the one of [start, end) is a row too: a label and a
    number alone on it (one line alone is no table)."""
    first = text.rfind("\n", 0, start)
    last = text.find("\n", end)
    before = text[text.rfind("\n", 0, first) + 1 : first] if first > 0 else ""
    after_end = text.find("\n", last + 1) if last >= 0 else -1
    after = text[last + 1 : after_end if after_end >= 0 else len(text)] if last >= 0 else ""
    return bool(_ROW.fullmatch(before) or _ROW.fullmatch(after))


@lru_cache(maxsize=1)
def _percent_word_heads() -> dict[str, re.Pattern]:
    """The last word of each percent unit written in several ("cent" of "pour cent") → the
    words before it, as a pattern ending a text."""
    heads: dict[str, list[str]] = {}
    for unit in load("numbers")["units"]["percent"]:
        head, _, last = fold(unit).rpartition(" ")
        if head:
            heads.setdefault(last, []).append(head)
    return {
        last: re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})\Z")
        for last, words in heads.items()
    }


def is_not_a_number(text: str, n: Numeral) -> bool:
    """A number word used as a title ("« Vingt Dieux »"), as the adjective "neuf" ("new"), or as
    the last word of a percent's unit with no number before it ("une dizaine de pour cent")."""
    if not n.words:
        return False
    before = text[max(0, n.start - 30) : n.start].rstrip()
    heads = _percent_word_heads().get(fold(text[n.start : n.end]))
    if heads and heads.search(fold(before)):  # "de pour cent": the percent's word
        noun = re.match(r"\s+([^\W\d_]+)", text[n.end : n.end + 40])  # "pour cent euros"
        return noun is None or fold(noun.group(1)) in function_words()
    at_sentence_start = not before or before[-1] in _SENTENCE_START
    if text[n.start].isupper() and not at_sentence_start:
        return True
    adjective = load("numbers")["adjectives"].get(fold(text[n.start : n.end]))
    if adjective is not None:
        word = _patterns()["word_before"].search(text, max(0, n.start - 40), n.start)
        before = fold(word.group(1)) if word else None
        return before is not None and (
            before not in known_words() or before in adjective["not_after"]
        )
    return False


@lru_cache(maxsize=1)
def _identifier() -> re.Pattern:
    names = load("numbers")["names"]
    words = alternation(names["words"])
    codes = "|".join(map(re.escape, names["legal_codes"]))
    return re.compile(
        rf"(?<![\w'’-])(?:(?i:{words})[ \u00a0\u202f]*|(?:{codes})\.?[ \u00a0\u202f]?)"
        r"(?P<num>\d+)(?:[-/]\d+)+(?!\w|[.,/-]?\d)"
    )


def find_identifiers(text: str) -> list[Candidate]:
    """Identifiers in several numbers ("n° 2024-123", "article L. 1234-5"), when names are
    reported: one name each, rather than a year and a count. An identifier written like a
    date is one too ("n° 02/09/2024"): it ranks with dates, and is the longer."""
    if not reported():
        return []
    return [
        Candidate(
            m.start(), m.end(), "other", float(m.group("num")), IDENTIFIER_PRIORITY, unit="name"
        )
        for m in _identifier().finditer(text)
    ]


def hyphenated_start(text: str, start: int) -> int | None:
    """Start of the capitalised word joined by a hyphen to the number at `start` ("COVID-19"),
    if one is."""
    for m in _patterns()["hyphenated"].finditer(text, max(0, start - 40), start + 40):
        if m.start("num") == start:
            return m.start()
    return None


def find_hyphenated(text: str) -> list[Candidate]:
    """Names with a hyphenated number ("COVID-19", "F-16"), when names are reported."""
    if not reported():
        return []
    return [
        Candidate(m.start(), m.end(), "other", float(m.group("num")), NAME_PRIORITY, unit="name")
        for m in _patterns()["hyphenated"].finditer(text)
    ]
