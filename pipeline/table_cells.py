"""Tables written in an article's text, their cells split by "|" or tabs: the heading of a
number's column, the label of its row and the label over the table ("Base : ensemble"), which
may name the group a figure is a share of (raw/lexicon/fr_bases.yml: table_measures,
base_labels); the block of lines a table is and the caption above it."""

import re
from functools import lru_cache
from typing import NamedTuple

from pipeline.bases import names_a_group
from pipeline.extract import Mention
from pipeline.extract.lexicon import alternation, fold, load

SEPARATORS = ("|", "\t")
# A table is a block of lines up to a blank line, looked for this far back; its caption the
# paragraph above, when it is its title and a line or two more ("Base : ensemble (n = 2 105)").
BLANK_LINE = re.compile(r"\n[ \t\r\u00a0]*\n")
BLOCK_CHARS = 2000
CAPTION_LINES, CAPTION_CHARS = 3, 120
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


def _cell_at(m: Mention, text: str) -> tuple[str, list[tuple[int, int]], int, int] | None:
    """(separator, cells of its line, index of the cell `m` is in, start of the line) when `m`
    is in a cell of a line of cells other than its first; else None."""
    start, end = _line(text, m.start)
    sep = _separator(text, start, end)
    if sep is None:
        return None
    cells = _cells(text, start, end, sep)
    column = next((i for i, (a, b) in enumerate(cells) if a <= m.start and m.end <= b), None)
    return (sep, cells, column, start) if column else None


def _heading_names(heading: str) -> str | None:
    """What a column's heading names: "period" ("2023", "T3 2024"), "group" ("Moins de 35
    ans"), or None (a measure, "Intentions de vote", or no word)."""
    heading = " ".join(heading.split())
    if PERIOD.fullmatch(heading):
        return "period"
    if fold(heading) in _measures() or not re.search(r"[^\W\d_]", heading):
        return None
    return "group"


def heading_cell(m: Mention, text: str) -> str | None:
    """The heading of a table's column when `m` is written in it with words or another number
    ("Moins de 35 ans", "25-49 ans" over a column of shares: who they are shares of), and the
    heading names a group (not a period nor a measure); else None."""
    found = None if m.kind in ("year", "period", "date") else _cell_at(m, text)
    if found is None:
        return None
    sep, titles, column, start = found
    if _first_lines(text, sep).get(start) != start:
        return None  # a row of the table, not its heading
    end = _line(text, start)[1]
    below = _line(text, end + 1) if end < len(text) else None
    if below and RULE.fullmatch(text, *below) and below[1] < len(text):
        below = _line(text, below[1] + 1)
    if not below or sep not in text[slice(*below)] or len(_cells(text, *below, sep)) != len(titles):
        return None  # no row of as many cells under it: no table's heading
    words = text[titles[column][0] : m.start] + text[m.end : titles[column][1]]
    if not re.search(r"[^\W_]", words):
        return None  # a cell that is only the number: a row of a table with no heading
    heading = " ".join(text[slice(*titles[column])].split())
    return heading if _heading_names(heading) == "group" else None


def row_label(m: Mention, text: str) -> str | None:
    """The label of a table's row when `m` is written in it ("18-34 ans", "Moins de 1 000 €"
    in the first cell of a row whose other cells hold numbers, under a heading line): what the
    row's figures are about, not a figure; else None. A share, a date or a label that is a
    number alone is none."""
    if m.kind in ("year", "period", "date", "percent"):
        return None
    start, end = _line(text, m.start)
    sep = _separator(text, start, end)
    if sep is None:
        return None
    cells = _cells(text, start, end, sep)
    if len(cells) < 2 or not (cells[0][0] <= m.start and m.end <= cells[0][1]):
        return None
    first = _first_lines(text, sep).get(start)
    if first is None or first >= start:  # the heading line, or a run of lines with none
        return None
    label = " ".join(text[slice(*cells[0])].split())
    if not re.search(r"[^\W\d_]", label):
        return None  # a number alone: a table with no row labels
    if not any(re.search(r"\d", text[a:b]) for a, b in cells[1:]):
        return None
    return label


def row_label_reason(words: str) -> str:
    """The reason an ignore entry of a number in a row's label gives."""
    return load("bases")["row_label_reason"].format(words=words)


def cell_of(m: Mention, text: str) -> Cell | None:
    """The row label and column heading of the cell `m` is in, when `m` is in a cell of a
    table's row other than its first (its label) and the table has a heading line above with
    as many cells; else None."""
    found = _cell_at(m, text)
    if found is None:
        return None
    sep, cells, column, start = found
    first = _first_lines(text, sep).get(start)
    if first is None or first >= start:  # no heading line above in its run of lines
        return None
    titles = _cells(text, *_line(text, first), sep)
    if len(titles) != len(cells):
        return None
    label = text[slice(*cells[0])].strip()
    return Cell(label, text[slice(*titles[column])].strip())


@lru_cache(maxsize=4)  # one article at a time, read for each of its numbers
def _first_lines(text: str, sep: str) -> dict[int, int | None]:
    """For the start of each line holding `sep`, the start of the first line of its run of
    such lines that is not a rule ("|---|"): the table's heading; None if the run has none."""
    firsts, first, at = {}, None, 0
    for line in text.split("\n"):
        if sep in line:
            if first is None and not RULE.fullmatch(line):
                first = at
            firsts[at] = first
        else:
            first = None
        at += len(line) + 1
    return firsts


@lru_cache(maxsize=1)
def _measures() -> frozenset[str]:
    return frozenset(fold(w) for w in load("bases")["table_measures"])


def cell_base_words(m: Mention, text: str) -> list[str]:
    """The words of `m`'s table that name its group: its row's label when it names a group of
    people ("18-34 ans", "Cadres": the columns are then answers) or under a period's column,
    else its column's heading; none under a measure's heading."""
    cell = cell_of(m, text)
    if cell and cell.row_label and names_a_group(cell.row_label):
        return [" ".join(cell.row_label.split())]
    names = cell and _heading_names(cell.column_heading)
    if names == "period":
        return [cell.row_label] if cell.row_label else []
    return [" ".join(cell.column_heading.split())] if names == "group" else []


def block_and_above(m: Mention, text: str) -> tuple[int, tuple[int, int], bool]:
    """The start of the block of lines `m` is in (up to a blank line, BLOCK_CHARS at most), the
    (start, end) of the paragraph right above it, and whether that paragraph is a few short
    lines (a caption)."""
    lo = max(0, m.start - BLOCK_CHARS)
    blanks = list(BLANK_LINE.finditer(text, lo, m.start))
    if not blanks:
        return lo, (lo, lo), False
    start = blanks[-2].end() if len(blanks) > 1 else lo
    lines = text[start : blanks[-1].start()].strip().split("\n")
    short = len(lines) <= CAPTION_LINES and max(map(len, lines)) <= CAPTION_CHARS
    return blanks[-1].end(), (start, blanks[-1].start()), short


def caption_base_words(m: Mention, text: str) -> list[str]:
    """The base that a label names in the block of a table's number or in the paragraph right
    above ("Base : ensemble (n = 2 105)": ensemble; fr_bases.yml: base_labels)."""
    block, above, _ = block_and_above(m, text)
    for lo, hi in ((block, m.start), above):
        if found := _base_label().search(text, lo, hi):
            return [found.group("words").strip()]
    return []


PART_SIZE = re.compile(r"\s*[(,]?\s*n\s*=\s*\Z", re.I)
LABEL_CHARS = 200  # how far before a size its label is looked for


def part_size(m: Mention, text: str) -> str | None:
    """The label and size of a part of the sample when `m` is that size ("Base : inscrits
    certains d'aller voter (n=743)", "Chez les actifs (n=612)": a group opened by a word of
    fr_bases.yml `before`), else None; a label naming every respondent ("Base : ensemble (n =
    2 105)") names the sample's size (fr_bases.yml: everyone)."""
    if m.kind != "count":
        return None
    line = max(text.rfind("\n", 0, m.start) + 1, m.start - LABEL_CHARS)
    if group := _group_size().search(text, max(line, m.sentence_start), m.start):
        return f"{' '.join(group.group('words').split())}, n = {m.surface}"  # "Chez les actifs"
    labels = list(_base_label().finditer(text, line, m.start))
    if not labels or not PART_SIZE.fullmatch(text, labels[-1].end(), m.start):
        return None
    words = " ".join(labels[-1].group("words").split())
    bare = re.sub(r"\A(?:l['’]\s*|les\s+|la\s+|le\s+)", "", words, flags=re.I)
    if fold(bare) in _everyone():
        return None
    return f"{words}, n = {m.surface}"


def part_size_reason(words: str) -> str:
    """The reason an ignore entry of a part's size gives."""
    return load("bases")["part_size_reason"].format(words=" ".join(words.split()))


@lru_cache(maxsize=1)
def _everyone() -> frozenset[str]:
    return frozenset(fold(w) for w in load("bases")["everyone"])


@lru_cache(maxsize=1)
def _group_size() -> re.Pattern:
    """A group opened by a word of `before` ("Chez les actifs"), then "(n=" right before."""
    openers = alternation(load("bases")["before"])
    return re.compile(
        rf"(?<![\w'’])(?P<words>{openers}\s+[^\W\d_][^()\n.;:,]*?)\s*\(\s*n\s*=\s*\Z", re.I
    )


@lru_cache(maxsize=1)
def _base_label() -> re.Pattern:
    labels = alternation(load("bases")["base_labels"])
    return re.compile(rf"(?<![\w'’]){labels}\s*:\s*(?P<words>[^\W\d_][^()\n.;:]*)", re.I)
