"""Find written numbers — digits in French typography, or number words — and their values."""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from text_to_num import text2num

from pipeline.extract.lexicon import alternation, char_class, fold, load, typography


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number as written: its span, exact value, and how it was written."""

    start: int
    end: int
    value: Decimal
    words: bool  # written in words ("douze")
    article: bool  # "un"/"une" alone: an article unless a scale follows
    plain: bool  # digits only, no separator or decimal mark (a possible year or name)


@lru_cache(maxsize=1)
def digits_source() -> str:
    """Regex source of a number in digits: "1 600", "1.600", "5,9", "1 600,50", "12.5"."""
    hyphen = typography()["hyphen"]
    # Not inside a word ("B2B", "x86"), a decimal ("5,9"), a path, URL or time ("/2024", "10:30"),
    # nor after a letter and a hyphen or plus ("COVID-19", "bac+5"): those are names. After
    # "=" only a sample size ("n=1 502", "N=802"); after "°" only a number ("n°1").
    before = (
        rf"(?<!\w)(?<!\d[.,])(?<![/@#:&])(?<!(?<![nN])°)(?<![^nN \u00a0\u202f]=)"
        rf"(?<![^\W\d_]{hyphen})"
        rf"(?<![^\W\d_]\+)"
    )
    return rf"{before}{_digits_body()}(?![.,/:'’]?\d)"


@lru_cache(maxsize=1)
def _digits_body() -> str:
    group = typography()["group"]
    # A dot followed by exactly three digits groups thousands ("1.600"); any other dot and a
    # comma are decimal marks. A number grouped with dots takes only a decimal comma:
    # "1.601.6000" is no number ("1.601" then ".6000" would read as one).
    decimals = r",\d+|\.\d{1,2}(?!\d)|\.\d{4,}"
    swiss = char_class(load("numbers")["typography"]["apostrophe_group_separators"])
    return (
        rf"(?:\d{{1,3}}(?:{group}\d{{3}})+(?:{decimals})?"
        rf"|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?"
        rf"|\d{{1,3}}(?:{swiss}\d{{3}})+(?:[.,]\d+)?"  # Swiss: "1'600", "1'234.50"
        rf"|\d+(?:{decimals})?)"
    )


@lru_cache(maxsize=1)
def words_source() -> str:
    """Regex source of a run of number words ("vingt et un", "quatre-vingt-dix", "douze")."""
    hyphen = typography()["hyphen"]
    word = alternation(load("numbers")["words"])
    joint = rf"(?:\s*{hyphen}\s*|[ \u00a0\u202f]+(?:et[ \u00a0\u202f]+)?|{hyphen}et{hyphen})"
    # Not the first part of a compound ("deux-roues", "cinq-étoiles"), except a fraction
    # ("deux-tiers").
    denominator = alternation(load("fractions")["denominators"])
    compound = rf"{hyphen}(?!{denominator}(?!\w))[^\W\d_]"
    return rf"(?<![\w-]){word}(?:{joint}{word})*(?!\w)(?!{compound})"


@lru_cache(maxsize=1)
def _finder() -> re.Pattern:
    # Digits after a slash are no number ("/2024" of a path, "€/kg"), but they are read whole so
    # that no group of theirs is taken for one: the "000" of "452 €/1 000 l".
    return re.compile(
        rf"(?P<d>{digits_source()})|(?P<w>{words_source()})|(?<=/){_digits_body()}",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _word_token() -> re.Pattern:
    return re.compile(alternation(load("numbers")["words"]) + r"(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _no_groups() -> dict[int, None]:
    typo = load("numbers")["typography"]
    separators = typo["group_separators"] + typo["apostrophe_group_separators"]
    return {ord(ch): None for ch in separators}


def digits_value(written: str) -> Decimal:
    """Exact value of a number written in digits (see `digits_source`)."""
    s = written.translate(_no_groups())
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "")
    return Decimal(s.replace(",", "."))


@lru_cache(maxsize=1)
def _et() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    joined = load("numbers")["joined_by_et"]
    return (
        re.compile(r"([^\W\d_]+)[ -]et[ -]([^\W\d_]+)"),
        frozenset(joined["before"]),
        frozenset(joined["after"]),
    )


@lru_cache(maxsize=4096)
def words_value(written: str) -> Decimal | None:
    """Value of a run of number words, or None when text2num does not read it as one number
    (nor a French one: "et" joins only "vingt et un" and the like)."""
    normal = re.sub(typography()["hyphen"], "-", " ".join(written.split()).lower())
    pattern, before, after = _et()
    if any(w not in before or n not in after for w, n in pattern.findall(normal)):
        return None
    try:
        return Decimal(text2num(normal, "fr"))
    except Exception:  # text2num raises ValueError, and other errors on odd input
        return None


# The longest French number in words has about a dozen words ("quatre-vingt-dix-neuf mille neuf
# cent quatre-vingt-dix-neuf"); longer runs are several numbers, and this bounds the work.
MAX_WORDS = 16


def _split_words(text: str, start: int, end: int) -> list[Numeral]:
    # A run like "deux et trois" or "cinq six" is several numbers: take the longest prefix
    # text2num reads, then go on after it.
    tokens = [(m.start(), m.end()) for m in _word_token().finditer(text, start, end)]
    articles = {fold(a) for a in load("numbers")["articles"]}
    out, i = [], 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + MAX_WORDS) - 1, i - 1, -1):
            s, e = tokens[i][0], tokens[j][1]
            value = words_value(text[s:e])
            if value is not None:
                article = i == j and fold(text[s:e]) in articles
                out.append(Numeral(s, e, value, True, article, False))
                i = j + 1
                break
        else:
            i += 1
    return out


def find_numerals(text: str) -> list[Numeral]:
    """Every written number in `text`, in order."""
    out = []
    for m in _finder().finditer(text):
        if m.group("d") is None and m.group("w") is None:  # after a slash
            continue
        if m.group("d") is not None:
            written = m.group("d")
            out.append(
                Numeral(m.start(), m.end(), digits_value(written), False, False, written.isdigit())
            )
        else:
            out.extend(_split_words(text, m.start(), m.end()))
    return out
