"""pipeline.rows gives exactly the values of itertuples() and to_dict("records"); a frame built
column by column is the frame built from the same rows."""

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.model.dims import frame, frame_of_columns
from pipeline.rows import cells, records, rows, tuples
from schemas import table_spec
from schemas.fact_evidence import FactEvidence


def same(a, b) -> bool:
    """Equal values of the same type; NaN equals NaN (and pd.NA equals pd.NA)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if a is pd.NA or a is pd.NaT:
        return a is b
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return a == b


texts = st.one_of(st.none(), st.text(max_size=5))
OBJECTS = st.one_of(
    st.none(),
    st.text(max_size=3),
    st.integers(-5, 5),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.text(max_size=2), max_size=2),
    st.sampled_from(
        [
            np.float64(1.5),
            np.int64(3),
            np.bool_(True),
            np.nan,
            pd.NA,
            np.datetime64("2024-01-02"),
            np.timedelta64(3, "D"),
            dt.date(2024, 6, 20),
            np.str_("x"),
        ]
    ),
)


def _column(kind: str, n: int):
    """A strategy for one column of n cells of the given kind."""
    if kind in ("str", "string[pyarrow]", "string[python]"):
        return st.lists(texts, min_size=n, max_size=n).map(lambda v: pd.Series(v, dtype=kind))
    if kind == "int64":
        return st.lists(st.integers(-(2**40), 2**40), min_size=n, max_size=n).map(
            lambda v: pd.Series(v, dtype="int64")
        )
    if kind == "float64":
        return st.lists(st.floats(allow_nan=True), min_size=n, max_size=n).map(
            lambda v: pd.Series(v, dtype="float64")
        )
    if kind == "bool":
        return st.lists(st.booleans(), min_size=n, max_size=n).map(
            lambda v: pd.Series(v, dtype="bool")
        )
    if kind == "Int64":
        return st.lists(st.one_of(st.none(), st.integers(-9, 9)), min_size=n, max_size=n).map(
            lambda v: pd.Series(v, dtype="Int64")
        )
    if kind == "datetime":
        return st.lists(
            st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1)), min_size=n, max_size=n
        ).map(lambda v: pd.Series(v, dtype="datetime64[ns]"))
    if kind == "inferred":  # what pd.DataFrame(rows) makes of the cells
        return st.lists(st.one_of(texts, st.integers(0, 9)), min_size=n, max_size=n).map(pd.Series)
    return st.lists(OBJECTS, min_size=n, max_size=n).map(lambda v: pd.Series(v, dtype=object))


KINDS = [
    "str",
    "string[pyarrow]",
    "string[python]",
    "int64",
    "float64",
    "bool",
    "Int64",
    "datetime",
    "inferred",
    "object",
]


@st.composite
def frames(draw) -> pd.DataFrame:
    n = draw(st.integers(0, 6))
    kinds = draw(st.lists(st.sampled_from(KINDS), min_size=0, max_size=6))
    cols = {f"c{i}": draw(_column(k, n)) for i, k in enumerate(kinds)}
    df = pd.DataFrame(cols, index=pd.RangeIndex(n))
    if n and draw(st.booleans()):  # a sorted or filtered frame keeps its old index labels
        df = df.iloc[draw(st.permutations(range(n)))]
    return df


@settings(max_examples=300, deadline=None)
@given(frames())
def test_records_are_to_dict_records(df):
    expected = df.to_dict("records")
    assert same(records(df), expected)
    names = list(df.columns)[::-1]
    assert same(cells(df, names), [tuple(r[c] for c in names) for r in expected])


@settings(max_examples=300, deadline=None)
@given(frames())
def test_tuples_are_itertuples(df):
    assert same(tuples(df), list(df.itertuples(index=False, name=None)))


@settings(max_examples=100, deadline=None)
@given(frames())
def test_rows_are_named_itertuples(df):
    got, expected = rows(df), list(df.itertuples(index=False))
    assert same([tuple(r) for r in got], [tuple(r) for r in expected])
    assert all(r._fields == e._fields for r, e in zip(got, expected, strict=True))


@pytest.mark.parametrize(
    ("cells", "dtype", "expected"),
    [
        (["a", None], "str", ["a", math.nan]),
        (["a", None], "string[pyarrow]", ["a", None]),
        ([1, None], "Int64", [1, None]),
        ([np.int64(2), pd.NA, [1]], object, [2, None, [1]]),
        ([True, False], "bool", [True, False]),
    ],
)
def test_records_box_cells_as_to_dict(cells, dtype, expected):
    got = [r["x"] for r in records(pd.DataFrame({"x": pd.Series(cells, dtype=dtype)}))]
    assert same(got, expected)


def test_tuples_of_some_columns_follow_the_names_given():
    df = pd.DataFrame({"a": ["x", "y"], "b": [1, 2], "c": [0.5, None]})
    assert same(tuples(df, ["c", "a"]), [(0.5, "x"), (math.nan, "y")])


CELLS = st.one_of(
    st.none(),
    st.text(max_size=3),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=False),
    st.booleans(),
    st.just(math.nan),
    st.lists(st.text(max_size=2), max_size=2),
)


@st.composite
def evidence_columns(draw) -> tuple[dict[str, list], int]:
    """Cells of some of fact_evidence's columns (str sort keys), column by column."""
    n = draw(st.integers(0, 6))
    names = table_spec(FactEvidence).column_names
    given = draw(st.lists(st.sampled_from(names), unique=True))
    given = sorted(set(given) | {"observation_id", "source_id", "number_start"}, key=names.index)
    keys = {"observation_id": st.text(max_size=2), "source_id": st.text(max_size=2)}
    keys["number_start"] = st.integers(0, 3)
    return {c: draw(st.lists(keys.get(c, CELLS), min_size=n, max_size=n)) for c in given}, n


@settings(max_examples=300, deadline=None)
@given(evidence_columns())
def test_frame_of_columns_is_frame_of_the_rows(given_cells):
    cells, n = given_cells
    sort = ["observation_id", "source_id", "number_start"]
    rows = [{c: cells[c][i] for c in cells} for i in range(n)]
    expected = frame(FactEvidence, rows, sort)
    got = frame_of_columns(FactEvidence, cells, n, sort)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert same(records(got), records(expected))
