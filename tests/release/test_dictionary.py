"""Examples of the data dictionary and datapackage.json: each column's first non-null value."""

from datetime import date

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from pipeline.publish.dictionary import example_values


def _first_by_python(table: pa.Table) -> dict[str, object]:
    """The examples as found by reading every value in Python: the reference."""
    out = {}
    for name in table.column_names:
        value = next((v for v in table.column(name).to_pylist() if v is not None), None)
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


def test_examples():
    table = pa.table(
        {
            "text": pa.array([None, "b", "a"]),
            "nothing": pa.array([None, None, None], pa.int64()),
            "day": pa.array([None, None, date(2024, 6, 20)]),
        }
    )
    assert example_values(table) == {"text": "b", "nothing": None, "day": "2024-06-20"}
    assert example_values(table.slice(0, 0)) == {"text": None, "nothing": None, "day": None}


@given(
    st.lists(
        st.tuples(st.none() | st.text(), st.none() | st.integers(-5, 5), st.none() | st.dates())
    ),
    st.integers(0, 4),
)
def test_examples_in_chunked_columns_are_those_python_finds(rows, cut):
    table = pa.table(
        {
            "text": pa.array([r[0] for r in rows], pa.string()),
            "n": pa.array([r[1] for r in rows], pa.int64()),
            "day": pa.array([r[2] for r in rows], pa.date32()),
        }
    )
    table = pa.concat_tables([table.slice(0, cut), table.slice(cut)])
    assert example_values(table) == _first_by_python(table)
