"""A text saved in decomposed Unicode ("e" followed by U+0301 for "é", as some systems and PDF
copies write it) read as composed (NFC), with every offset kept in the original text.

The extractor's words ("décembre", "près de", "un dixième") are written composed; matched
against a decomposed text they would silently find nothing. Each base character and the
combining marks after it are composed together, so that a composed offset always maps back to
the start or end of whole characters of the original.
"""

import unicodedata
from dataclasses import dataclass


def is_composed(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


@dataclass(frozen=True)
class Composed:
    """The NFC form of `original`, and where each of its characters comes from."""

    original: str
    text: str
    starts: tuple[int, ...]  # original offset where the group of each composed character starts
    ends: tuple[int, ...]  # original offset where that group ends

    def start(self, i: int) -> int:
        """The original offset of a span starting at composed offset `i`."""
        return self.starts[i] if i < len(self.starts) else len(self.original)

    def end(self, i: int) -> int:
        """The original offset of a span ending at composed offset `i`."""
        return self.ends[i - 1] if i > 0 else 0


def compose(original: str) -> Composed:
    """`original` composed group by group (a character with the combining marks after it).

    Where composing group by group differs from composing the whole text (scripts whose
    letters compose without combining marks, such as Hangul jamo), the text is kept as it is.
    """
    groups: list[tuple[int, int]] = []
    for i, ch in enumerate(original):
        if groups and unicodedata.combining(ch):
            groups[-1] = (groups[-1][0], i + 1)
        else:
            groups.append((i, i + 1))
    parts, starts, ends = [], [], []
    for a, b in groups:
        part = unicodedata.normalize("NFC", original[a:b])
        parts.append(part)
        starts.extend([a] * len(part))
        ends.extend([b] * len(part))
    text = "".join(parts)
    if text != unicodedata.normalize("NFC", original):
        n = len(original)
        return Composed(original, original, tuple(range(n)), tuple(range(1, n + 1)))
    return Composed(original, text, tuple(starts), tuple(ends))
