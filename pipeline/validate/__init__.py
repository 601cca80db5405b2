"""Pure checks of curated inputs; each returns a frame of problems naming file, entry and fix."""

import pandas as pd

PROBLEM_COLUMNS = ["file", "entry", "problem", "fix"]


def problems(rows: list[dict]) -> pd.DataFrame:
    """A problems frame, in a stable order."""
    if not rows:  # the usual case, and a hot path: one call per check and source
        return pd.DataFrame({c: pd.Series(dtype=object) for c in PROBLEM_COLUMNS})
    df = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    return df.sort_values(PROBLEM_COLUMNS, kind="stable").reset_index(drop=True)
