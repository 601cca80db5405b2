"""CSV files: UTF-8, RFC 4180, ISO dates, "." decimals, spreadsheet formulas neutralised."""

import math
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Prefixed to such a text cell, and to one that already starts with it, so that a spreadsheet
# shows the cell as text and removing one leading apostrophe always gives the value back.
NEUTRALISER = "'"


def neutralise(text: str) -> str:
    """The text as a spreadsheet will show it, never run it."""
    return NEUTRALISER + text if text.startswith((*FORMULA_TRIGGERS, NEUTRALISER)) else text


def restore(cell_text: str) -> str:
    """The value a neutralised text cell stands for."""
    return cell_text.removeprefix(NEUTRALISER)


def cell(value: object) -> str:
    """One value as written in the file: Table Schema's default lexical form, text quoted.

    Text is always enclosed in double quotes, so that a spreadsheet told to keep quoted fields
    as text does not read '1.600' as a number; null is an empty, unquoted cell.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return '"' + neutralise(value).replace('"', '""') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot publish non-finite number {value!r}")
        return repr(value)  # shortest round-trip form, "." decimal mark
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"no CSV form for {type(value).__name__}")


# A text cell to neutralise: it starts with a formula trigger or with the neutraliser itself.
_NEEDS_NEUTRALISER = "^[" + "".join(FORMULA_TRIGGERS + (NEUTRALISER,)).replace("-", "\\-") + "]"


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def column_cells(column: pa.ChunkedArray) -> pa.ChunkedArray | pa.Array:
    """`cell` of every value of a column, as an Arrow text column. Text, most of a release,
    is quoted, escaped and neutralised by Arrow kernels; other types go through `cell`."""
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return pa.array([cell(v) for v in column.to_pylist()], type=pa.large_string())
    text = column.cast(pa.large_string())
    neutralised = pc.if_else(
        pc.match_substring_regex(text, _NEEDS_NEUTRALISER),
        pc.binary_join_element_wise(_large(NEUTRALISER), text, _large("")),
        text,
    )
    escaped = pc.replace_substring(neutralised, '"', '""')
    quoted = pc.binary_join_element_wise(_large('"'), escaped, _large('"'), _large(""))
    return pc.fill_null(quoted, _large(""))  # null: an empty, unquoted cell


def csv_bytes(table: pa.Table) -> bytes:
    """RFC 4180: a header line of column names, then one line per row, CRLF line ends."""
    header = ",".join(table.column_names) + "\r\n"
    if table.num_columns == 0 or table.num_rows == 0:
        return header.encode("utf-8")
    cells = [column_cells(table.column(name)) for name in table.column_names]
    lines = pc.binary_join_element_wise(*cells, _large(",")) if len(cells) > 1 else cells[0]
    return (header + "".join(line + "\r\n" for line in lines.to_pylist())).encode("utf-8")


def write_csv(table: pa.Table, path: Path) -> None:
    path.write_bytes(csv_bytes(table))
