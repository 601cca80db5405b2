"""The matches of a pattern in a mention's sentence that hold the mention, and the mentions
written before it in its sentence."""

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from pipeline.extract import Mention


@lru_cache(maxsize=64)  # the matches of a sentence, found once for all of its numbers
def _matches(pattern: re.Pattern, text: str, start: int, end: int) -> tuple[re.Match, ...]:
    return tuple(pattern.finditer(text, start, end))


def holding(pattern: re.Pattern, m: Mention, text: str) -> Iterator[re.Match]:
    """Each match of `pattern` in `m`'s sentence that starts at or before `m` and ends at or
    after it, in the order of the text."""
    for found in _matches(pattern, text, m.sentence_start, m.sentence_end):
        if found.start() > m.start:
            return
        if m.end <= found.end():
            yield found


def before_in_sentence(m: Mention, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of `m`'s sentence (among `mentions`, in text order) that end before it."""
    return [p for p in mentions if p.sentence_start == m.sentence_start and p.end <= m.start]
