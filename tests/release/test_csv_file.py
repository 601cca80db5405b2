"""CSV cells: lexical forms, quoting, and neutralised formulas that read back to the value."""

import csv
import io
from datetime import date

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.publish.csv_file import cell, csv_bytes, neutralise, restore


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (None, ""),
        ("plain", '"plain"'),
        ("", '""'),
        ('il dit "oui"', '"il dit ""oui"""'),
        ("a,b", '"a,b"'),
        ("près d’un quart", '"près d’un quart"'),
        ('=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'),
        ("+33 1 23", '"\'+33 1 23"'),
        ("-12", '"\'-12"'),
        ("--06-20", '"\'--06-20"'),
        ("@SUM(A1)", '"\'@SUM(A1)"'),
        ("\t=1+1", '"\'\t=1+1"'),
        ("\r=1+1", '"\'\r=1+1"'),
        ("'quoted", "\"''quoted\""),
        ("a=b", '"a=b"'),
        (53.0, "53.0"),
        (0.1, "0.1"),
        (-2.5, "-2.5"),
        (1600, "1600"),
        (True, "true"),
        (False, "false"),
        (date(2024, 6, 20), "2024-06-20"),
    ],
)
def test_cell(value, written):
    assert cell(value) == written


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_numbers_are_refused(bad):
    with pytest.raises(ValueError, match="non-finite"):
        cell(bad)


def test_file_is_rfc4180_utf8_with_crlf():
    table = pa.table({"id": ["a", "b"], "n": [1, None], "text": ["x\ny", "é"]})
    data = csv_bytes(table)
    assert data == 'id,n,text\r\n"a",1,"x\ny"\r\n"b",,"é"\r\n'.encode()
    assert not data.startswith(b"\xef\xbb\xbf")


@given(st.lists(st.text(), min_size=1, max_size=20))
def test_text_reads_back_after_restoring(values):
    table = pa.table({"text": values})
    rows = list(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8"), newline="")))
    assert rows[0] == ["text"]
    assert [restore(r[0]) for r in rows[1:]] == values


@given(st.text())
def test_neutralised_text_never_starts_a_formula(text):
    assert not neutralise(text).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(neutralise(text)) == text


def _row_by_row(table: pa.Table) -> bytes:
    """The file as `cell` writes it, one Python value at a time: what the Arrow kernels of
    csv_bytes must reproduce byte for byte."""
    lines = [",".join(table.column_names)]
    columns = [table.column(name).to_pylist() for name in table.column_names]
    lines += [",".join(cell(v) for v in row) for row in zip(*columns, strict=True)]
    return "".join(line + "\r\n" for line in lines).encode("utf-8")


texts = st.none() | st.text() | st.sampled_from(["=1+1", "'", "''x", '"', "-", "\t", "\r\n"])


@given(
    st.lists(st.tuples(texts, texts, st.none() | st.floats(allow_nan=False, allow_infinity=False)))
)
def test_arrow_cells_are_the_cells_of_cell(rows):
    table = pa.table(
        {
            "a": pa.array([r[0] for r in rows], pa.string()),
            "b": pa.array([r[1] for r in rows], pa.large_string()),
            "x": pa.array([r[2] for r in rows], pa.float64()),
        }
    )
    assert csv_bytes(table) == _row_by_row(table)
    assert csv_bytes(table.select(["b"])) == _row_by_row(table.select(["b"]))


@given(
    st.lists(
        st.tuples(
            st.none() | st.integers(-(2**63), 2**63 - 1),
            st.none() | st.booleans(),
            st.none() | st.dates(),
            st.none() | st.sampled_from([0.0, -0.0, 53.0, 1e16, 1e-05, 5e-324]) | st.floats(),
        )
    ),
    st.integers(0, 3),
)
def test_cells_of_every_type_are_the_cells_of_cell(rows, cut):
    """Numbers, booleans and dates, in chunked and sliced columns; non-finite numbers are
    refused as `cell` refuses them."""
    columns = {
        "n": pa.array([r[0] for r in rows], pa.int64()),
        "b": pa.array([r[1] for r in rows], pa.bool_()),
        "d": pa.array([r[2] for r in rows], pa.date32()),
        "x": pa.array([r[3] for r in rows], pa.float64()),
    }
    table = pa.table(columns)
    table = pa.concat_tables([table.slice(0, cut), table.slice(cut)]).slice(min(cut, 1))
    try:
        expected = _row_by_row(table)
    except ValueError:
        with pytest.raises(ValueError, match="non-finite"):
            csv_bytes(table)
        return
    assert csv_bytes(table) == expected


def test_one_column_and_no_rows():
    assert csv_bytes(pa.table({"n": pa.array([1, None], pa.int64())})) == b"n\r\n1\r\n\r\n"
    assert csv_bytes(pa.table({"n": pa.array([], pa.int64())})) == b"n\r\n"


@given(st.lists(st.tuples(st.text(), texts), min_size=1), st.integers(0, 3))
def test_text_without_nulls_in_chunked_and_sliced_columns(rows, cut):
    table = pa.table(
        {
            "a": pa.array([r[0] for r in rows], pa.string()),
            "b": pa.array([r[1] for r in rows], pa.string()),
        }
    )
    table = pa.concat_tables([table.slice(0, cut), table.slice(cut)]).slice(min(cut, 1))
    assert csv_bytes(table) == _row_by_row(table)
    assert csv_bytes(table.select(["a"])) == _row_by_row(table.select(["a"]))
