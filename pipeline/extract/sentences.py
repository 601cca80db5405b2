"""Split French text into sentences, keeping Python str offsets."""

import re
from bisect import bisect_right
from functools import lru_cache

from pipeline.extract.lexicon import load

_BLANK = " \t\r\n\f\v\u00a0\u202f\u2009\u2007\ufeff"


@lru_cache(maxsize=1)
def _boundary() -> re.Pattern:
    # Terminal punctuation with its closing quotes/brackets (French puts a space before "»"),
    # followed by a blank; or a line break (LF, CRLF or a lone CR). Each is then checked by
    # `_is_end`.
    return re.compile(r"[.!?…]+(?:[ \u00a0\u202f]*[\"»”’')\]])*(?=\s)|\r\n?|\n")


_NEXT = re.compile(f"[{_BLANK}]*")
LINE_BREAKS = ("\n", "\r", "\r\n")
_TOKEN_BEFORE = re.compile(r"(\S+)\Z")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load("sentences")["abbreviations"])


def _is_end(text: str, match: re.Match, blanks: re.Match) -> bool:
    nxt = blanks.end()
    if nxt == len(text):
        return True
    if match.group() in LINE_BREAKS:
        return any(c in blanks.group() for c in "\r\n") or not text[nxt].islower()
    if text[nxt].islower():
        return False
    if match.group() == ".":
        token = _TOKEN_BEFORE.search(text, max(0, match.start() - 20), match.start())
        word = token.group(1).lstrip('(«"“') if token else ""
        if word in _abbreviations() or (len(word) == 1 and word.isupper()):
            return False
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding blanks, in text order."""
    spans, start = [], 0
    for match in _boundary().finditer(text):
        if match.start() < start:
            continue  # inside the blanks after the last boundary
        blanks = _NEXT.match(text, match.end())
        if not _is_end(text, match, blanks):
            continue
        end = match.start() if match.group() in LINE_BREAKS else match.end()
        spans.append((start, end))
        start = blanks.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s] in _BLANK:
            s += 1
        while e > s and text[e - 1] in _BLANK:
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentence_index(starts: list[int], pos: int) -> int:
    """Index of the sentence whose start is the last one at or before `pos`."""
    return max(bisect_right(starts, pos) - 1, 0)
