"""Long frames as Markdown tables for check metadata, as `to_markdown(index=False)` writes them.

tabulate reads every cell of every column to decide whether the column holds numbers, which
takes most of the time on the thousands of rows of a findings table. A column with one cell
that can only be text is typed as text whatever its other cells are, so number parsing is
switched off for such columns: the table comes out the same, character for character.
"""

import pandas as pd

from pipeline.rows import column

# Every character of a string that tabulate could read as a number is one of these
# ('1,600', '-2.5', '1e3', 'inf', 'NaN', '0x1F', ' 12 '…); a cell with another character is
# text unless Python's float() or int() reads it.
_NUMBER_CHARACTERS = frozenset("+-0123456789,._ \t\n\r\f\veEinfINFaAtTyYxXoObBcdCD")


def _is_text(cell) -> bool:
    """Whether tabulate reads the cell as text (str) with or without number parsing."""
    if not isinstance(cell, str) or not cell or "\x1b" in cell or cell in ("True", "False"):
        return False  # ANSI codes are stripped before typing; booleans are typed as such
    if set(cell) <= _NUMBER_CHARACTERS:
        return False
    for read in (float, int):
        try:
            read(cell)
        except ValueError:
            continue
        return False
    return True


def markdown(df: pd.DataFrame) -> str:
    """`df.to_markdown(index=False)`, reading only as many cells as it takes to find a text
    cell in each column."""
    text = [i for i in range(df.shape[1]) if any(map(_is_text, column(df.iloc[:, i])))]
    return df.to_markdown(index=False, disable_numparse=text)


# Check metadata is stored with every event of the run and rendered by the UI: a table of a
# whole corpus (tens of thousands of rows) would be megabytes in each.
METADATA_ROWS = 200


def markdown_head(df: pd.DataFrame, first: str | None = None, value: str = "") -> str:
    """`markdown()` of at most METADATA_ROWS rows, those whose column `first` equals `value`
    first, and a last line counting the rows left out."""
    if first is not None:
        df = df.sort_values(first, key=lambda c: c.ne(value), kind="stable")
    text = markdown(df.head(METADATA_ROWS))
    left = len(df) - METADATA_ROWS
    return text if left <= 0 else f"{text}\n\n… and {left:,} more rows"
