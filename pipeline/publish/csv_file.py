"""CSV files: UTF-8, RFC 4180, ISO dates, "." decimals, spreadsheet formulas neutralised."""

import math
from datetime import date

import numpy as np
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


def _may_hold(text: pa.Array, char: str) -> bool:
    """False when no value of `text` holds `char`: one scan of its bytes, no per-value work."""
    data = text.buffers()[2]
    return data is not None and bool((np.frombuffer(data, np.uint8) == ord(char)).any())


def _rewrite(text: pa.Array, where: pa.Array, how) -> pa.Array:
    """`text` with `how` applied to the values `where` selects, and only to them."""
    if not pc.any(where).as_py():
        return text
    return pc.replace_with_mask(text, where, how(pc.filter(text, where)))


def _escaped(text: pa.Array) -> pa.Array:
    """Text neutralised and with its double quotes doubled, not yet enclosed in quotes.
    Few values need either, so only those are rewritten."""
    text = _rewrite(
        text,
        pc.match_substring_regex(text, _NEEDS_NEUTRALISER),
        lambda t: pc.binary_join_element_wise(_large(NEUTRALISER), t, _large("")),
    )
    if not _may_hold(text, '"'):
        return text
    return _rewrite(
        text, pc.match_substring(text, '"'), lambda t: pc.replace_substring(t, '"', '""')
    )


def _distinct_value_cells(values: pa.Array) -> pa.Array:
    """`cell` of each distinct value, spread back over the rows: numbers repeat a lot, and
    Arrow does not write them as Python's `repr` does. Distinct means distinct bits (0.0 and
    -0.0 are two values)."""
    encoded = pc.dictionary_encode(values)
    forms = pa.array([cell(v) for v in encoded.dictionary.to_pylist()], type=pa.large_string())
    return pc.take(forms, encoded.indices)


def column_cells(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """`cell` of every value of a column, as an Arrow text column, by Arrow kernels: text is
    quoted, escaped and neutralised; whole numbers and dates are written by Arrow in the form
    `cell` gives them; other values through `cell`, once per distinct value."""
    values = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    kind = values.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        escaped = _escaped(values.cast(pa.large_string()))
        cells = pc.binary_join_element_wise(_large('"'), escaped, _large('"'), _large(""))
    elif pa.types.is_integer(kind) or pa.types.is_date32(kind):
        cells = values.cast(pa.large_string())
    elif pa.types.is_boolean(kind):
        cells = pc.if_else(values, _large("true"), _large("false"))
    else:
        cells = _distinct_value_cells(values)
    return pc.fill_null(cells, _large(""))  # null: an empty, unquoted cell


def _line_parts(table: pa.Table) -> list[pa.Array | pa.Scalar]:
    """What every line is made of, in order: cells, commas and the line end. Text without
    nulls is enclosed in quotes here, so that each line is joined in one pass."""
    parts: list[pa.Array | pa.Scalar] = []
    for name in table.column_names:
        column = table.column(name).combine_chunks()
        if parts:
            parts.append(_large(","))
        if pa.types.is_string(column.type) and column.null_count == 0:
            parts += [_large('"'), _escaped(column.cast(pa.large_string())), _large('"')]
        else:
            parts.append(column_cells(column))
    return parts + [_large("\r\n")]


def _end_to_end(text: pa.Array) -> memoryview:
    """The values of a text array without nulls, one after the other, as UTF-8 bytes."""
    _, offsets, data = text.buffers()
    bounds = np.frombuffer(offsets, dtype=np.int64, count=len(text) + 1, offset=8 * text.offset)
    return memoryview(data)[bounds[0] : bounds[-1]]


def csv_bytes(table: pa.Table) -> bytes:
    """RFC 4180: a header line of column names, then one line per row, CRLF line ends."""
    header = ",".join(table.column_names) + "\r\n"
    if table.num_columns == 0 or table.num_rows == 0:
        return header.encode("utf-8")
    lines = pc.binary_join_element_wise(*_line_parts(table), _large(""))
    return header.encode("utf-8") + bytes(_end_to_end(lines))
