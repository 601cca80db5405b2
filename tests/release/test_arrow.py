"""Arrow tables of the published frames: typed by the schema, rows in primary-key order, the
same table whether Arrow converts a column or Python does it value by value."""

from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.publish.arrow import arrow_schema, column_array, to_arrow
from pipeline.publish.release import sort_rows
from schemas.spec import ColumnSpec, TableSpec


def _spec(columns: list[tuple[str, str]], key: list[str]) -> TableSpec:
    cols = [ColumnSpec(name, logical, True, f"the {name}", {}) for name, logical in columns]
    return TableSpec("t", "T", "a table", cols, key, [])


def _reference(df: pd.DataFrame, spec: TableSpec) -> pa.Table:
    """Sorted by pandas and converted one Python value at a time: what `sort_rows(to_arrow())`
    must reproduce."""
    if spec.primary_key:
        df = df.sort_values(spec.primary_key, kind="stable").reset_index(drop=True)
    schema = arrow_schema(spec)
    arrays = []
    for c in spec.columns:
        series = df[c.name]
        values = series.astype(object).where(series.notna(), None).tolist()
        if c.type == "date":
            values = [None if v is None else pd.Timestamp(v).date() for v in values]
        arrays.append(pa.array(values, type=schema.field(c.name).type))
    return pa.Table.from_arrays(arrays, schema=schema)


@pytest.mark.parametrize(
    ("values", "dtype", "logical", "expected"),
    [
        (["a", None, "é"], "str", "string", ["a", None, "é"]),
        (["a", None], object, "string", ["a", None]),
        ([None, None], object, "string", [None, None]),
        ([1.5, np.nan, -0.0], "float64", "number", [1.5, None, -0.0]),
        ([3, -1], "int64", "integer", [3, -1]),
        ([3, None], "Int64", "integer", [3, None]),
        ([1.0, None], object, "integer", [1, None]),
        ([True, False], "bool", "boolean", [True, False]),
        ([True, None], "boolean", "boolean", [True, None]),
        (["2024-06-20", None], "str", "date", [date(2024, 6, 20), None]),
    ],
)
def test_column_array(values, dtype, logical, expected):
    spec = _spec([("x", logical)], [])
    arrow_type = arrow_schema(spec).field("x").type
    array = column_array(pd.Series(values, dtype=dtype), logical, arrow_type)
    assert isinstance(array, pa.Array)
    assert array.type == arrow_type
    assert array.to_pylist() == expected


texts = st.none() | st.text() | st.sampled_from(["", "a", "A", "é", "e\u0301", "😀", "\x00"])
rows = st.lists(
    st.tuples(
        st.sampled_from(["b", "a", "é", "B", "😀", ""]),
        st.integers(-3, 3),
        texts,
        st.none() | st.floats(allow_nan=True, allow_infinity=False),
        st.integers(-(2**62), 2**62),
        st.booleans(),
        st.none() | st.dates().map(date.isoformat),
    ),
    max_size=30,
)
COLUMNS = [
    ("k", "string"),
    ("n", "integer"),
    ("text", "string"),
    ("x", "number"),
    ("big", "integer"),
    ("flag", "boolean"),
    ("day", "date"),
]


@given(rows, st.sampled_from([[], ["k"], ["n"], ["k", "n"], ["n", "k"]]))
def test_arrow_table_is_the_value_by_value_table(data, key):
    names = [name for name, _ in COLUMNS]
    df = pd.DataFrame(data, columns=names).astype(
        {"k": "str", "n": "int64", "text": "str", "x": "float64", "big": "int64", "flag": "bool"}
    )
    spec = _spec(COLUMNS, key)
    got = sort_rows(to_arrow(df, spec), spec)
    expected = _reference(df, spec)
    assert got.equals(expected, check_metadata=True)
    assert got.schema.metadata == expected.schema.metadata
