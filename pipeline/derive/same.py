"""Whether two frames hold exactly the same cells (the test a cache keyed by content needs)."""

import struct

import numpy as np
import pandas as pd

from pipeline.rows import column


def same_cells(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Same columns in the same order, same dtypes, and cell for cell the same value of the same
    type: 0.0 and -0.0 differ, 1 and 1.0 differ, NaN equals NaN. Frames with columns of other
    dtypes than numbers, booleans, strings and objects are never reported the same."""
    if a is b:
        return True
    if a.shape != b.shape or list(a.columns) != list(b.columns):
        return False
    return all(_same_column(a.iloc[:, i], b.iloc[:, i]) for i in range(a.shape[1]))


def _same_column(x: pd.Series, y: pd.Series) -> bool:
    if x.dtype != y.dtype:
        return False
    if isinstance(x.dtype, pd.StringDtype):
        return bool(x.array.equals(y.array))  # exact strings, missing at the same rows
    if isinstance(x.dtype, np.dtype) and x.dtype.kind in "biuf":
        return x.to_numpy().tobytes() == y.to_numpy().tobytes()  # bit for bit
    if x.dtype == np.dtype(object):
        return all(map(_same_value, column(x), column(y)))
    return False


def _same_value(p, q) -> bool:
    if type(p) is not type(q):
        return False
    if type(p) is float:
        return struct.pack("<d", p) == struct.pack("<d", q)  # bit for bit, NaN included
    if p is q:
        return True
    try:
        return bool(p == q)
    except (TypeError, ValueError):  # e.g. arrays, whose == is elementwise
        return False
