"""A frame's rows as plain Python values, read column by column.

Iterating an Arrow-backed string column (pandas' `str` dtype) converts one cell at a time,
which made `itertuples()` and `to_dict("records")` the slowest part of many steps. Here each
column is converted in one call and the rows are zipped from the lists; the values are
exactly those `itertuples()` and `to_dict("records")` give.
"""

from collections import namedtuple
from collections.abc import Iterable

import numpy as np
import pandas as pd


def column(series: pd.Series) -> list:
    """The values of a column, as iterating the Series yields them."""
    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype) or (isinstance(dtype, np.dtype) and dtype.kind in "biufO"):
        return series.tolist()
    return list(series)


def tuples(df: pd.DataFrame, names: Iterable[str] | None = None) -> list[tuple]:
    """Rows of some columns (all by default) as plain tuples, as
    `df[names].itertuples(index=False, name=None)` gives them."""
    if names is not None:
        df = df[list(names)]
    if df.shape[1] == 0:
        return [()] * len(df)
    return list(zip(*(column(df.iloc[:, i]) for i in range(df.shape[1])), strict=True))


def rows(df: pd.DataFrame, names: Iterable[str] | None = None) -> list[tuple]:
    """Rows of some columns (all by default) as named tuples with a field per column, as
    `df[names].itertuples(index=False)` gives them."""
    if names is not None:
        df = df[list(names)]
    row = namedtuple("Row", list(df.columns), rename=True)
    return list(map(row._make, tuples(df)))


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts, as `df.to_dict("records")` gives them."""
    names = list(df.columns)
    cells = [values(df.iloc[:, i]) for i in range(len(names))]
    if not names:
        return [{} for _ in range(len(df))]
    return [dict(zip(names, row, strict=True)) for row in zip(*cells, strict=True)]


def cells(df: pd.DataFrame, names: Iterable[str]) -> list[tuple]:
    """Rows of some columns as tuples of the values `to_dict("records")` gives."""
    names = list(names)
    if not names:
        return [()] * len(df)
    return list(zip(*(values(df[n]) for n in names), strict=True))


def values(series: pd.Series) -> list:
    """The values of a column as `to_dict` gives them: numpy scalars of object and extension
    columns as Python scalars, pd.NA as None."""
    out = column(series)
    dtype = series.dtype
    if isinstance(dtype, pd.StringDtype) and dtype.na_value is not pd.NA:
        return out  # str, and NaN for missing: already native
    if dtype == np.dtype(object) or isinstance(dtype, pd.api.extensions.ExtensionDtype):
        return [v if type(v) in _NATIVE else _native(v) for v in out]
    return out


_NATIVE = {str, float, int, bool, type(None), list, dict, tuple}


def _native(value):
    """pandas' boxing of one to_dict cell: a numpy or NA scalar as its Python value."""
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value)
    if isinstance(value, np.timedelta64):  # a numpy integer type, but boxed as a duration
        return pd.Timedelta(value)
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value)
    if value is pd.NA:
        return None
    return value
