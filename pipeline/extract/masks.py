"""Spans where digits are never numbers: URLs, domain names, e-mail addresses, French
telephone numbers, the numbers of a numbered list's items and idioms that say "at all times"
("24h/24", "7 jours sur 7"; raw/lexicon/fr_numbers.yml: always)."""

import re
from bisect import bisect_left
from functools import lru_cache

from pipeline.extract.lexicon import load

# The shape of an address, not French words, so it is written here rather than in a lexicon.
# A hit is cheap to find; the address is then the whole run of non-blank characters around it.
_HIT = re.compile(r"\.(?:fr|com|org|net|eu|gouv|io|info|be|ch|ca)(?!\w)|@\w|://|www\.", re.I)
_TRAILING = ".,;:!?)]»\"'’"
# French telephone numbers: ten digits from 0 (or +33 and nine), in pairs ("01 23 45 67 89",
# "01.23.45.67.89", "+33 1 23 45 67 89"), and the 0 800 free numbers in threes
# ("0 800 130 000"). No quantity is written this way: a number never starts with a 0 group.
_SEP = "[ .\u00a0\u202f-]?"
_PHONE = re.compile(
    rf"(?<![\w+.,])(?:(?:\+33{_SEP}(?:\(0\){_SEP})?|0)[1-9](?:{_SEP}\d\d){{4}}"
    rf"|0{_SEP}[89]\d\d(?:{_SEP}\d\d\d){{2}})(?![\w]|[.,]\d)"
)

# The number of an item of a numbered list, at the start of its line: "1. le coût", "2) le
# manque d'information".
_LIST_ITEM = re.compile(r"^[ \t]*(\d{1,2}[.)])(?=[ \t]+\S)", re.M)


@lru_cache(maxsize=1)
def _always() -> re.Pattern:
    """The idioms of "at all times", any spacing between their pieces ("24 h / 24")."""
    phrases = []
    for phrase in load("numbers")["always"]:
        pieces = re.findall(r"\d+|[^\W\d_]+|[^\w\s]", phrase)
        phrases.append(r"[ \u00a0\u202f]*".join(map(re.escape, pieces)))
    return re.compile(
        rf"(?<![\w/]){'|'.join(sorted(phrases, key=len, reverse=True))}(?![\w/])", re.I
    )


def masked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every URL, domain name, e-mail address, telephone number, list item's
    number or idiom of "at all times" in `text`, sorted and not overlapping."""
    spans = sorted(
        _addresses(text)
        + [m.span() for m in _PHONE.finditer(text)]
        + [m.span(1) for m in _LIST_ITEM.finditer(text)]
        + [m.span() for m in _always().finditer(text)]
    )
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _addresses(text: str) -> list[tuple[int, int]]:
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
