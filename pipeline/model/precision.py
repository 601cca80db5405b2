"""The precision a written number was published with."""

import re
from functools import lru_cache

from pipeline.extract.currencies import symbols
from pipeline.extract.lexicon import load
from pipeline.extract.measures import measure_scale
from pipeline.extract.numerals import digits_value

# A run of digits with French, English or Swiss separators; the last separator decides.
_NUMBER = re.compile(r"\d[\d\s\u00a0\u202f.,'’]*\d|\d")


# Both are called once per entry (90,000 at 10,000 sources) on a few thousand distinct inputs.
@lru_cache(maxsize=1)
def _and_a_half() -> re.Pattern:
    words = sorted(load("numbers")["and_a_half"], key=len, reverse=True)
    return re.compile(rf"\s(?:{'|'.join(map(re.escape, words))})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cents() -> re.Pattern:
    words = sorted(load("numbers")["units"]["cents"], key=len, reverse=True)
    return re.compile(rf"(?<![^\W\d_])\s*(?:{'|'.join(map(re.escape, words))})\Z", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def written_decimals(number_text: str) -> int:
    """Decimals shown in a written number: '53%' → 0, '5,9 %' → 1, '1.600' → 0, '12.5%' → 1;
    a half written in words counts as one: '1 million et demi' and '1,5 million' both → 1;
    an amount in cents has two more, of a euro: '15 centimes' → 2, as '0,15 €'.

    A comma is always a decimal mark; a point is one unless exactly three digits follow it
    (French thousands separator, as in '1.600').
    """
    if _and_a_half().search(number_text):
        return max(1, _digit_decimals(number_text))
    if _cents().search(number_text.rstrip()):
        return _digit_decimals(number_text) + 2
    return _digit_decimals(number_text)


def _digit_decimals(number_text: str) -> int:
    match = _NUMBER.search(number_text)
    if not match:
        return 0
    digits = match.group().rstrip()
    comma = re.search(r",(\d+)$", digits)
    if comma:
        return len(comma.group(1))
    point = re.search(r"\.(\d+)$", digits)
    if point and len(point.group(1)) != 3:
        return len(point.group(1))
    return 0


@lru_cache(maxsize=1)
def _scale_word() -> re.Pattern:
    numbers = load("numbers")
    words = sorted(numbers["scales"], key=len, reverse=True)
    abbreviations = sorted(numbers["scale_abbreviations"], key=len, reverse=True)
    before_de = sorted(numbers["scale_abbreviations_before_de"], key=len, reverse=True)
    currency = "|".join(map(re.escape, sorted(symbols(), key=len, reverse=True)))
    return re.compile(
        rf"[\s\u00a0\u202f]*(?:(?P<word>(?i:{'|'.join(map(re.escape, words))}))(?!\w)"
        rf"|(?P<abbreviation>{'|'.join(map(re.escape, abbreviations))})"
        rf"(?=[\s\u00a0\u202f]*(?:{currency}))"
        rf"|(?P<before_de>{'|'.join(map(re.escape, before_de))})"
        rf"(?=[\s\u00a0\u202f]*(?:\Z|de\s|d['’])))"
    )


@lru_cache(maxsize=1)
def _words_scale() -> re.Pattern:
    numbers = load("numbers")
    words = "|".join(map(re.escape, sorted(numbers["words"], key=len, reverse=True)))
    scales = "|".join(map(re.escape, sorted(numbers["scales"], key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{words})[\s\u00a0\u202f-]+(?P<word>{scales})(?!\w)", re.I)


@lru_cache(maxsize=1 << 16)
def written_scale(number_text: str) -> int:
    """The scale word written after the digits: '1,5 million' → 1000000, '150 M€' → 1000000,
    '2,5 milliards d'euros' → 1000000000, '1 600' → 1 (scale words of the lexicon). In words,
    the last scale word after a number word: 'deux millions' → 1000000, 'deux cent mille' →
    1000 ('un sur mille' has none: 'sur' is no number word)."""
    match = _NUMBER.search(number_text)
    if not match:
        in_words = list(_words_scale().finditer(number_text))
        if not in_words:
            return 1
        return int(load("numbers")["scales"][in_words[-1].group("word").lower()])
    scale = _scale_word().match(number_text, match.end())
    if not scale:
        return measure_scale(number_text)  # "26,3 Mt": millions of tonnes
    numbers = load("numbers")
    if scale.group("word"):
        return int(numbers["scales"][scale.group("word").lower()])
    return int(
        numbers["scale_abbreviations"][scale.group("abbreviation") or scale.group("before_de")]
    )


@lru_cache(maxsize=1 << 16, typed=True)
def rounding_interval(value: float, decimals: int, scale: int = 1) -> tuple[float, float]:
    """[low, high) of the values that round to `value` at `decimals` places of its written
    number: '5,9' → [5.85, 5.95); with a scale word, '1,5 million' → [1450000, 1550000)."""
    half = 0.5 * 10 ** (-decimals) * scale
    places = decimals + 1 - (len(str(scale)) - 1)  # one place below the last digit written
    return round(value - half, places), round(value + half, places)


def written_interval(value: float, number_text: str) -> tuple[float, float]:
    """The rounding interval of `value` as `number_text` writes it (decimals and scale word,
    or the scale of a table's heading: '37,5' under '(en milliers d'euros)' is 37500, in
    [37450, 37550))."""
    scale = written_scale(number_text)
    if scale == 1:
        scale = heading_scale(value, number_text)
    return rounding_interval(value, written_decimals(number_text), scale)


@lru_cache(maxsize=1 << 16, typed=True)
def heading_scale(value: float, number_text: str) -> int:
    """The scale a heading counts a number in, read from the value it was published with:
    '37,5' published as 37500 was counted in thousands (fr_numbers.yml:
    declared_amount_scales, which the number check applies); 1 for any other value."""
    match = _NUMBER.search(number_text)
    if match is None:
        return 1
    try:
        written = float(digits_value(match.group()))
    except ArithmeticError:  # not digits as the extractor writes them
        return 1
    for scale in sorted(set(load("numbers")["declared_amount_scales"].values())):
        if written and abs(value - written * scale) <= 1e-9 * abs(value):
            return int(scale)
    return 1
