"""The unit a heading states once for the bare numbers written after it: "(en %)" over a
table of shares, "(en millions d'euros)" over a table of amounts. The words are lexicon data
(fr_numbers.yml: declared_units, declared_amount_scales and units.currencies)."""

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from pipeline.extract.currencies import currency_units
from pipeline.extract.lexicon import alternation, load


class Declaration(NamedTuple):
    """What a heading declares: the units its numbers may be in (the first most likely), the
    heading's span, and the scale its numbers are counted in (1 but for amounts)."""

    units: tuple[str, ...]
    start: int
    end: int
    scale: float = 1.0


@lru_cache(maxsize=1)
def _declarations() -> re.Pattern:
    numbers = load("numbers")
    groups = numbers["declared_units"]
    either = "|".join(f"(?P<{unit}>{alternation(words)})" for unit, words in groups.items())
    currencies = (w for words in numbers["units"]["currencies"].values() for w in words)
    scales = alternation(numbers["declared_amount_scales"])
    amount = (
        rf"(?:\(\s*(?:en\s+)?|(?<![\w'’])en\s+)(?P<amount>(?:(?P<scale>(?-i:{scales}))\s*)?"
        rf"(?P<currency>{alternation(currencies)}))(?=\s*[):]|[ \t]*$)"  # a heading's end
    )
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)|{amount}", re.I | re.M)


def scaled(value: float, scale: float) -> float:
    """`value` counted in `scale` as a plain number, in decimal: 8,2 millions is 8200000.0,
    not 8199999.999999999."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def declared_units() -> tuple[str, ...]:
    """The units a heading can declare: shares, points, and every currency."""
    numbers = load("numbers")
    return (*numbers["declared_units"], *numbers["units"]["currencies"])


def declaration(text: str, start: int = 0, end: int | None = None) -> Declaration | None:
    """The last declaration of a unit in text[start:end] ("(en %)" → percent, "(en millions
    d'euros)" → euro counted in millions); None if there is none."""
    last = None
    for found in _declarations().finditer(text, start, len(text) if end is None else end):
        last = found
    if last is None:
        return None
    if last.group("amount") is None:
        return Declaration((last.lastgroup,), last.start(), last.end())
    scales = load("numbers")["declared_amount_scales"]
    scale = float(scales[last.group("scale")]) if last.group("scale") else 1.0
    units = currency_units(f"1 {last.group('currency')}")
    return Declaration(units, last.start("amount"), last.end("amount"), scale) if units else None
