"""same_cells: frames reported the same give the same rows, whatever their types."""

import pickle

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.derive import observed
from pipeline.derive.same import same_cells
from pipeline.rows import records
from tests.test_rows import OBJECTS, frames, same


@settings(max_examples=300, deadline=None)
@given(frames(), frames())
def test_frames_reported_the_same_have_the_same_rows(a, b):
    if same_cells(a, b):
        assert list(a.dtypes) == list(b.dtypes)
        assert same(records(a), records(b))


@settings(max_examples=200, deadline=None)
@given(frames())
def test_a_copy_has_the_same_cells(df):
    supported = all(
        isinstance(t, pd.StringDtype) or (isinstance(t, np.dtype) and t.kind in "biufO")
        for t in df.dtypes
    )
    copies = [df.copy(deep=False), df.copy(), pickle.loads(pickle.dumps(df))]
    assert all(same_cells(df, c) == supported for c in copies)


@settings(max_examples=300, deadline=None)
@given(st.lists(OBJECTS, min_size=1, max_size=4), st.data())
def test_one_changed_object_cell_is_seen(cells, data):
    i = data.draw(st.integers(0, len(cells) - 1))
    changed = [*cells]
    changed[i] = data.draw(OBJECTS)
    a, b = (pd.DataFrame({"x": pd.Series(v, dtype=object)}) for v in (cells, changed))
    if same_cells(a, b):
        assert same(records(a), records(b))
    assert same_cells(a, pd.DataFrame({"x": pd.Series(list(cells), dtype=object)}))


@pytest.mark.parametrize(
    ("left", "right", "dtype"),
    [
        ([0.0], [-0.0], "float64"),
        ([0.0], [-0.0], object),
        ([1], [1.0], object),
        ([1], [True], object),
        (["a", None], ["a", "b"], "str"),
        ([None], [float("nan")], object),
    ],
)
def test_cells_that_compare_equal_but_differ_are_not_the_same(left, right, dtype):
    a, b = (pd.DataFrame({"x": pd.Series(v, dtype=dtype)}) for v in (left, right))
    assert not same_cells(a, b)


def test_figures_of_a_copy_are_those_of_the_frame():
    obs = pd.DataFrame(
        {
            "observation_id": ["s.v.c.p"],
            "survey_id": ["s"],
            "variable_id": ["v"],
            "category_id": ["c"],
            "population_id": ["p"],
            "value": [53.0],
            "unit": ["percent"],
            "decimals": [0],
        }
    )
    first = observed.figures(obs)
    assert observed.figures(obs.copy(deep=False)) == first
    changed = obs.assign(value=[54.0])
    assert observed.figures(changed)["s.v.c.p"].value == 54.0
    changed.loc[0, "value"] = 55.0  # changed in place after its figures were read
    assert observed.figures(changed.copy())["s.v.c.p"].value == 55.0
