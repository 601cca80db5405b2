"""Numbers on the lines of a web page around an article ("Lire aussi : … 120 000 postes",
"Temps de lecture : 3 min", "12 commentaires") and the marks of notes ("(1)"): no figure of a
survey, whatever they count (raw/lexicon/fr_page.yml)."""

import re
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


def furniture_line(m: Mention, text: str) -> str | None:
    """The line around `m` when it is one of the page around the article, else None."""
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    end = len(text) if end < 0 else end
    line, page = text[start:end].strip(), load("page")
    starts, ends = _patterns()
    if len(line) <= page["max_line_chars"] and starts.match(line):
        return line
    if len(line) <= page["max_short_line_chars"] and ends.search(line):
        return line
    return None


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
