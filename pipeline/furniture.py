"""Numbers on the lines of a web page around an article ("Lire aussi : … 120 000 postes",
"Temps de lecture : 3 min", "12 commentaires"), the marks of notes ("(1)") and a headline's
numbers the text states again: no figure of a survey, whatever they count
(raw/lexicon/fr_page.yml)."""

import re
from collections.abc import Sequence
from functools import lru_cache

from pipeline.extract import Mention
from pipeline.extract.lexicon import alternation, load


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    page = load("page")
    return (
        re.compile(rf"[\W_]*{alternation(page['line_starts'])}(?![\w'’])", re.I),
        re.compile(rf"(?<![\w'’]){alternation(page['line_ends'])}[\W_]*\Z", re.I),
    )


def _line_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the line that holds [start, end)."""
    last = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if last < 0 else last


def _is_furniture(line: str) -> bool:
    page = load("page")
    starts, ends = _patterns()
    if len(line) <= page["max_line_chars"] and starts.match(line):
        return True
    return len(line) <= page["max_short_line_chars"] and bool(ends.search(line))


def furniture_line(m: Mention, text: str) -> str | None:
    """The line around `m` when it is one of the page around the article, else None."""
    line = text[slice(*_line_at(text, m.start, m.end))].strip()
    return line if _is_furniture(line) else None


@lru_cache(maxsize=2)  # one article at a time, asked for each of its numbers
def _headline(text: str) -> tuple[int, int] | None:
    """The span of the article's headline: its first line that is no page furniture, if that
    line is short enough to be one."""
    start = 0
    while start <= len(text):
        end = _line_at(text, start, start)[1]
        line = text[start:end].strip()
        if line and not _is_furniture(line):
            return (start, end) if len(line) <= load("page")["headline_max_chars"] else None
        start = end + 1
    return None


def headline_repeat(m: Mention, text: str, mentions: Sequence[Mention]) -> str | None:
    """The headline when `m` is on it and the text after it states the same number again (the
    same kind and value, hedged or not: a headline drops "près de", "quelque"), else None;
    never for a date."""
    if m.kind in load("periods")["date_kinds"]:
        return None  # a date says when: its own reason says so
    headline = _headline(text)
    if headline is None or not headline[0] <= m.start < headline[1]:
        return None
    again = any(o.start >= headline[1] and (o.kind, o.value) == (m.kind, m.value) for o in mentions)
    return text[slice(*headline)].strip() if again else None


def headline_reason(line: str) -> str:
    """The reason an ignore entry of a headline's number gives."""
    return load("page")["headline_reason"].format(line=line)


def furniture_reason(line: str) -> str:
    """The reason an ignore entry of a number on that line gives."""
    return load("page")["reason"].format(line=line)


def note_mark(m: Mention, text: str) -> str | None:
    """The mark of a note ("(1)") when `m` is the number in it and a line of the text opens
    with that mark, else None."""
    for pair in load("page")["note_brackets"]:
        opening, closing = pair[0], pair[1]
        if text[m.start - 1 : m.start] != opening or text[m.end : m.end + 1] != closing:
            continue
        mark = f"{opening}{m.surface}{closing}"
        if re.search(rf"(?m)^[ \t]*{re.escape(mark)}", text):
            return mark
    return None


def note_reason(mark: str) -> str:
    """The reason an ignore entry of a note's mark gives."""
    return load("page")["note_reason"].format(mark=mark)
