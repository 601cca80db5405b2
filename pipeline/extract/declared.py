"""The unit a heading states once for the bare numbers written after it: "(en %)" over a
table of shares. The words are lexicon data (fr_numbers.yml: declared_units)."""

import re
from functools import lru_cache

from pipeline.extract.lexicon import alternation, load


@lru_cache(maxsize=1)
def _declarations() -> re.Pattern:
    groups = load("numbers")["declared_units"]
    either = "|".join(f"(?P<{unit}>{alternation(words)})" for unit, words in groups.items())
    return re.compile(rf"(?<!\w)(?:{either})(?!\w)", re.I)


def declared_units() -> tuple[str, ...]:
    """The units a heading can declare."""
    return tuple(load("numbers")["declared_units"])


def declaration(text: str, start: int = 0, end: int | None = None) -> tuple[str, int, int] | None:
    """(unit, start, end) of the last declaration of a unit in text[start:end] ("(en %)" →
    percent); None if there is none."""
    last = None
    for found in _declarations().finditer(text, start, len(text) if end is None else end):
        last = found
    if last is None:
        return None
    return last.lastgroup, last.start(), last.end()
