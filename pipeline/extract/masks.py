"""Spans where digits are never numbers: URLs, domain names and e-mail addresses."""

import re
from bisect import bisect_left

# The shape of an address, not French words, so it is written here rather than in a lexicon.
# A hit is cheap to find; the address is then the whole run of non-blank characters around it.
_HIT = re.compile(r"\.(?:fr|com|org|net|eu|gouv|io|info|be|ch|ca)(?!\w)|@\w|://|www\.", re.I)
_TRAILING = ".,;:!?)]»\"'’"


def masked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL, domain name or e-mail address in `text`."""
    spans: list[tuple[int, int]] = []
    for hit in _HIT.finditer(text):
        if spans and hit.start() < spans[-1][1]:
            continue
        start, end = hit.start(), hit.end()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        while end > hit.end() and text[end - 1] in _TRAILING:
            end -= 1  # sentence punctuation after an address is not part of it
        while start < hit.start() and text[start] in "(«\"“'":
            start += 1
        spans.append((max(start, spans[-1][1]) if spans else start, end))
    return spans


def outside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps none of `spans` (sorted, non-overlapping)."""
    i = bisect_left(spans, (end,))
    return i == 0 or spans[i - 1][1] <= start
