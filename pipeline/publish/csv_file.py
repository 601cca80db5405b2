"""CSV files: UTF-8, RFC 4180, ISO dates, "." decimals, spreadsheet formulas neutralised."""

import math
from datetime import date
from pathlib import Path

import pyarrow as pa

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


def _text_cell(value: str | None) -> str:
    if value is None:
        return ""
    return '"' + neutralise(value).replace('"', '""') + '"'


def column_cells(column: pa.ChunkedArray) -> list[str]:
    """`cell` of every value of a column; text columns, most of a release, take a short cut."""
    values = column.to_pylist()
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        return [_text_cell(v) for v in values]
    return [cell(v) for v in values]


def csv_bytes(table: pa.Table) -> bytes:
    """RFC 4180: a header line of column names, then one line per row, CRLF line ends."""
    lines = [",".join(table.column_names)]
    columns = [column_cells(table.column(name)) for name in table.column_names]
    lines += [",".join(row) for row in zip(*columns, strict=True)]
    return "".join(line + "\r\n" for line in lines).encode("utf-8")


def write_csv(table: pa.Table, path: Path) -> None:
    path.write_bytes(csv_bytes(table))
