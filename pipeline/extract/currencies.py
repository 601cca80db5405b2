"""Currencies: the words of each currency ("€", "dollars", "£") and the currencies a written
amount may be in."""

import re
import unicodedata
from functools import lru_cache

from pipeline.extract.lexicon import alternation, fold, load


@lru_cache(maxsize=1)
def currency_words() -> dict[str, tuple[str, ...]]:
    """Each currency word of the lexicon, as looked up (lowercase, straight apostrophe) → the
    currencies it may name, the most likely first ("$" → us_dollar, canadian_dollar)."""
    units = load("numbers")["units"]
    out: dict[str, tuple[str, ...]] = {_key(word): ("euro",) for word in units["cents"]}
    for unit, words in units["currencies"].items():
        for word in words:
            out[_key(word)] = (*out.get(_key(word), ()), unit)
    return out


def symbols() -> list[str]:
    """Currency words with no lowercase letter, which may be glued to their number ("300$")."""
    words = load("numbers")["units"]["currencies"].values()
    return sorted({w for group in words for w in group if not any(c.islower() for c in w)})


def _key(word: str) -> str:
    return " ".join(fold(unicodedata.normalize("NFC", word)).split())


@lru_cache(maxsize=1)
def _written_currency() -> re.Pattern:
    units = load("numbers")["units"]
    words = {w for group in units["currencies"].values() for w in group} | set(units["cents"])
    glued = set(symbols())
    letters = alternation(words - glued)
    return re.compile(
        rf"(?:(?<![^\W\d_])(?P<word>{letters})|(?P<symbol>(?-i:{alternation(glued)})))\Z",
        re.I,
    )


def currency_units(surface: str) -> tuple[str, ...]:
    """The currencies an amount may be in, by the currency word it ends with: '35 000 €' and
    '3 M€' → ('euro',), '300 $' → ('us_dollar', 'canadian_dollar'), '2 millions de livres
    sterling' → ('pound_sterling',), '15 centimes' → ('euro',), '$300' → ('us_dollar',
    'canadian_dollar'); () if neither its end nor its start names one."""
    surface = unicodedata.normalize("NFC", surface).strip()
    if last := _written_currency().search(surface):
        word = last.group("word") or last.group("symbol")
    elif first := _currency_first().match(surface):
        word = first.group(0)
    else:
        return ()
    return currency_words().get(_key(word), ())


@lru_cache(maxsize=1)
def _currency_first() -> re.Pattern:
    """A currency symbol written before its number: "$300", "€2,5 millions", "CHF 12"."""
    return re.compile(rf"(?-i:{alternation(symbols())})(?=[ \u00a0\u202f]?\d)")
