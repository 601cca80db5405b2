"""A text saved in decomposed Unicode ("e" followed by U+0301 for "é", as some systems and PDF
copies write it) read as composed (NFC), and without the characters that show nothing (a soft
hyphen inside a word, a zero-width space inside a number; fr_numbers.yml: typography,
invisible), with every offset kept in the original text.

The extractor's words ("décembre", "près de", "un dixième") are written composed; matched
against a decomposed text they would silently find nothing. Each base character and the
combining marks and invisible characters after it are composed together, so that a composed
offset always maps back to the start or end of whole characters of the original. Only the
groups whose length changes are recorded: a 20 MB text costs a few arrays of integers, not an
offset per character.
"""

import re
import sys
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.extract.lexicon import load


def is_composed(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


@lru_cache(maxsize=1)
def _invisible() -> str:
    return "".join(load("numbers")["typography"]["invisible"])


def is_plain(text: str) -> bool:
    """Whether `text` reads as it is written: composed, with no invisible character."""
    return is_composed(text) and not any(c in text for c in _invisible())


def _visible(text: str) -> str:
    return text.translate(dict.fromkeys(map(ord, _invisible())))


@lru_cache(maxsize=1)
def _groups() -> re.Pattern:
    """A character followed by one or more combining marks or invisible characters."""
    marks = "".join(
        re.escape(chr(c)) for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))
    )
    return re.compile(rf"(?s).[{marks}{re.escape(_invisible())}]+")


@dataclass(frozen=True)
class Composed:
    """The NFC form of `original`, and where each of its characters comes from.

    `groups` holds, for each group of the original whose composed length differs from its
    own (a letter and its accent, two characters, composed into one), its composed start and
    length and its original start and end; between them, characters map one to one.
    """

    original: str
    text: str
    groups: tuple[array, array, array, array] = field(
        default_factory=lambda: tuple(array("q") for _ in range(4))
    )

    def _at(self, i: int) -> tuple[int, int]:
        """(original start, original end) of composed character `i`."""
        starts, lengths, firsts, lasts = self.groups
        j = bisect_right(starts, i) - 1
        if j < 0:
            return i, i + 1
        if i < starts[j] + lengths[j]:
            return firsts[j], lasts[j]
        at = lasts[j] + i - (starts[j] + lengths[j])
        return at, at + 1

    def start(self, i: int) -> int:
        """The original offset of a span starting at composed offset `i`."""
        return self._at(i)[0] if i < len(self.text) else len(self.original)

    def end(self, i: int) -> int:
        """The original offset of a span ending at composed offset `i`."""
        return self._at(i - 1)[1] if i > 0 else 0


def compose(original: str) -> Composed:
    """`original` composed group by group (a character with the combining marks after it),
    without its invisible characters.

    Where that differs from composing the whole text (scripts whose letters compose without
    combining marks, such as Hangul jamo; a character NFC writes as two), the text is kept
    as it is.
    """
    nfc = unicodedata.normalize
    pieces, last, length = [], 0, 0
    groups = tuple(array("q") for _ in range(4))
    for found in _groups().finditer(original):
        a, b = found.span()
        between = nfc("NFC", original[last:a])  # a singleton such as U+212B: one for one
        part = nfc("NFC", _visible(found.group()))
        if len(between) != a - last:
            return Composed(original, original)
        length += len(between)
        if len(part) != b - a:
            for values, value in zip(groups, (length, len(part), a, b), strict=True):
                values.append(value)
        pieces += [between, part]
        length += len(part)
        last = b
    pieces.append(nfc("NFC", original[last:]))
    text = "".join(pieces)
    if len(pieces[-1]) != len(original) - last or text != nfc("NFC", _visible(original)):
        return Composed(original, original)
    return Composed(original, text, groups)
