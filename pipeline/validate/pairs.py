"""Array helpers for checks that hold the rows of one frame against those of another."""

import numpy as np
import pandas as pd


def same_key_pairs(left: pd.Series, right: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i, j) of every pair of a left and a right row with equal keys, ordered by
    i, then by j: what a loop over the left rows, each over its right rows in order, visits."""
    codes = pd.factorize(pd.concat([left, right], ignore_index=True), use_na_sentinel=False)[0]
    lc, rc = codes[: len(left)], codes[len(left) :]
    order = np.argsort(rc, kind="stable")
    lo = np.searchsorted(rc[order], lc, "left")
    counts = np.searchsorted(rc[order], lc, "right") - lo
    i = np.repeat(np.arange(len(lc)), counts)
    # The k-th pair of left row i is the k-th right row of its key: order[lo[i] + k].
    j = order[np.arange(counts.sum()) + np.repeat(lo - np.cumsum(counts) + counts, counts)]
    return i, j


def distinct_per_run(i: np.ndarray, values: pd.Series, counts: np.ndarray) -> np.ndarray:
    """How many distinct values each left row has among its pairs (i: the sorted left row of
    each pair, values: its value; counts: how many pairs each left row has)."""
    out = np.minimum(counts, 1)
    several = counts[i] > 1
    if several.any():
        codes, uniques = pd.factorize(values[several], use_na_sentinel=False)
        pairs = np.unique(i[several] * len(uniques) + codes)
        out[counts > 1] = np.bincount(pairs // len(uniques), minlength=len(counts))[counts > 1]
    return out


def text_column(
    values: pd.api.extensions.ExtensionArray,
) -> pd.api.extensions.ExtensionArray | list:
    """Strings and missing values as the column a list of them makes: str, or object (None)
    if none is a string."""
    return values if pd.notna(values).any() else [None] * len(values)
