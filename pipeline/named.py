"""Numbers that are part of a name ("NIS 2", "CAC 40", "COVID-19", "ligne 14", "au 12 rue de la
Paix", "Nantes (44)", "la semaine de quatre jours") and ordinals ("12e", "1re"), which the
extractor reports as kind "other" with the name or the suffix in their surface, or as counts:
they say which, not how much, and the draft proposes them as ignored with `names.reason` or
`units.ordinal_reason` (raw/lexicon/fr_numbers.yml)."""

import re
from functools import lru_cache

from pipeline.extract import Mention, names
from pipeline.extract.lexicon import alternation, load, phrase
from pipeline.extract.numerals import words_source
from pipeline.spans import holding

LEADING = re.compile(r"\d+")
TRAILING = re.compile(r"\d+(?:[.,]\d+)*\Z")


def name_of(m: Mention, text: str) -> str | None:
    """The name `m`'s number is part of, written as in the text, else None."""
    if m.kind != "other":
        return None
    leading = LEADING.match(m.surface)
    if leading and names.street_end(text, m.start + leading.end()) == m.end:
        return m.surface  # "12, avenue": the number of an address
    digits = TRAILING.search(m.surface)
    if digits is None or digits.start() == 0:
        return None
    start = m.start + digits.start()
    named = (
        names.strong_name_start(text, start) == m.start
        or names.name_start(text, start, False, m.end) == m.start
        or names.hyphenated_start(text, start) == m.start
    )
    return m.surface if named else None


# A place's name right before the brackets: "Nantes (", "Saint-Herblain (" (of "À
# Saint-Herblain (44)"), "Réunion (" (of "La Réunion (974)").
PLACE_BEFORE = re.compile(r"(?<![\w'’-])(?P<place>[A-ZÀ-Ý][\w'’]*(?:-[\w'’]+)*)\s\(\Z")
LIST_AFTER = re.compile(r"\)\s*(?:,|et)\s*[A-ZÀ-Ý][\w'’ -]*\(\d+\)")
LIST_BEFORE = re.compile(r"\(\d+\)\s*(?:,|et)\s*[A-ZÀ-Ý][\w'’ -]*\(\Z")


def department_of(m: Mention, text: str) -> str | None:
    """The place and its department's number when `m` is that number in brackets right after
    the place ("Nantes (44)"), else None (fr_numbers.yml: names.departments)."""
    lex = load("numbers")["names"]["departments"]
    digits = m.surface
    if m.kind != "count" or not digits.isdigit() or text[m.end : m.end + 1] != ")":
        return None
    if (
        not (len(digits) == 2 and 1 <= int(digits) <= lex["largest"])
        and int(digits) not in lex["overseas"]
    ):
        return None
    place = PLACE_BEFORE.search(text, max(0, m.start - 60), m.start)
    if place is None or LIST_AFTER.match(text, m.end) or LIST_BEFORE.search(text, 0, m.start):
        return None
    return f"{place.group('place')} ({digits})"


@lru_cache(maxsize=1)
def _rules() -> re.Pattern:
    number = rf"(?:\d+|{words_source()})"
    rules = [
        number.join(phrase(part) for part in rule.split("{n}"))  # any spacing, as written
        for rule in load("numbers")["names"]["rules"]
    ]
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(rules)})(?![\w'’-])", re.I)


def rule_of(m: Mention, text: str) -> str | None:
    """The name of a rule or a schedule `m` is the number of ("la semaine de quatre jours",
    "la retraite à 64 ans"; fr_numbers.yml: names.rules), else None."""
    for found in holding(_rules(), m, text):
        return found.group(0)
    return None


def name_reason(words: str) -> str:
    """The reason an ignore entry of a number in a name gives."""
    return load("numbers")["names"]["reason"].format(words=" ".join(words.split()))


@lru_cache(maxsize=1)
def _ordinal() -> re.Pattern:
    suffixes = load("numbers")["units"]["ordinal_suffixes"]
    return re.compile(rf"\d+\s?{alternation(suffixes)}", re.I)


def ordinal_of(m: Mention) -> str | None:
    """`m`'s surface when it is an ordinal written in figures ("12e", "1re", "2nde")."""
    if m.kind != "other" or _ordinal().fullmatch(m.surface) is None:
        return None
    return m.surface


def ordinal_reason(words: str) -> str:
    """The reason an ignore entry of an ordinal gives."""
    return load("numbers")["units"]["ordinal_reason"].format(words=words)
