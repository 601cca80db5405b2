"""Tables written in an article's text, their cells split by "|" or tabs: the heading of a
number's column and the label of its row, which may name the group a figure is a share of
(raw/lexicon/fr_bases.yml: table_measures)."""

import re
from functools import lru_cache
from typing import NamedTuple

from pipeline.extract import Mention
from pipeline.extract.lexicon import fold, load

SEPARATORS = ("|", "\t")
# A row of a Markdown table that only underlines its heading: "|---|:---:|".
RULE = re.compile(r"[\s|:\-–—=+]*")
PERIOD = re.compile(r"(?:[^\W\d_]{1,2}\s?\d\s+)?\d{4}(?:\s*[-–/]\s*\d{2,4})?")


class Cell(NamedTuple):
    """Where a number stands in a table: its row's label and its column's heading."""

    row_label: str
    column_heading: str


def _line(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def _cells(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """The cells of the line text[start:end] (offsets in `text`), a Markdown table's outer
    bars left out."""
    bounds, at = [], start
    for i in range(start, end + 1):
        if i == end or text[i] == sep:
            bounds.append((at, i))
            at = i + 1
    if sep == "|" and bounds and not text[bounds[0][0] : bounds[0][1]].strip():
        bounds = bounds[1:]
    if sep == "|" and bounds and not text[bounds[-1][0] : bounds[-1][1]].strip():
        bounds = bounds[:-1]
    return bounds


def _separator(text: str, start: int, end: int) -> str | None:
    return next(
        (s for s in SEPARATORS if text.count(s, start, end) >= (2 if s == "|" else 1)), None
    )


def heading_cell(m: Mention, text: str) -> str | None:
    """The heading of a table's column when `m` is written in it with words or another number
    ("Moins de 35 ans", "25-49 ans" over a column of shares: who they are shares of), not in
    a period's heading nor a measure's; else None."""
    if m.kind in ("year", "period", "date"):
        return None
    start, end = _line(text, m.start)
    sep = _separator(text, start, end)
    if sep is None or end >= len(text):
        return None
    titles = _cells(text, start, end, sep)
    column = next((i for i, (a, b) in enumerate(titles) if a <= m.start and m.end <= b), None)
    if not column:
        return None
    below = _line(text, end + 1)
    if RULE.fullmatch(text, *below) and below[1] < len(text):
        below = _line(text, below[1] + 1)
    if text.count(sep, *below) == 0 or len(_cells(text, *below, sep)) != len(titles):
        return None  # no row of as many cells under it: no table's heading
    if start > 0 and sep in text[slice(*_line(text, start - 1))]:
        return None  # a row of the table, not its first line
    heading = " ".join(text[slice(*titles[column])].split())
    words = text[titles[column][0] : m.start] + text[m.end : titles[column][1]]
    if not re.search(r"[^\W_]", words):
        return None  # a cell that is only the number: a row of a table with no heading
    if PERIOD.fullmatch(heading) or fold(heading) in _measures():
        return None
    return heading


def cell_of(m: Mention, text: str) -> Cell | None:
    """The row label and column heading of the cell `m` is in, when `m` is in a cell of a
    table's row other than its first (its label) and the table has a heading line above with
    as many cells; else None."""
    start, end = _line(text, m.start)
    sep = _separator(text, start, end)
    if sep is None:
        return None
    cells = _cells(text, start, end, sep)
    column = next((i for i, (a, b) in enumerate(cells) if a <= m.start and m.end <= b), None)
    if not column:  # not in a cell, or in the row's label
        return None
    heading = None
    while start > 0:  # up to the first line of the block of lines with cells
        above = _line(text, start - 1)
        if sep not in text[above[0] : above[1]]:
            break
        if not RULE.fullmatch(text, *above):
            heading = above
        start = above[0]
    if heading is None:
        return None
    titles = _cells(text, *heading, sep)
    if len(titles) != len(cells):
        return None
    label = text[slice(*cells[0])].strip()
    return Cell(label, text[slice(*titles[column])].strip())


@lru_cache(maxsize=1)
def _measures() -> frozenset[str]:
    return frozenset(fold(w) for w in load("bases")["table_measures"])


def cell_base_words(m: Mention, text: str) -> list[str]:
    """The words of `m`'s table that name its group: its column's heading, or its row's
    label under a period's column; none under a measure's heading."""
    cell = cell_of(m, text)
    if cell is None:
        return []
    heading = " ".join(cell.column_heading.split())
    if PERIOD.fullmatch(heading):
        return [cell.row_label] if cell.row_label else []
    if not heading or fold(heading) in _measures() or not re.search(r"[^\W\d_]", heading):
        return []
    return [heading]
