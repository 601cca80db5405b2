"""Pure checks of curated inputs; each returns a frame of problems naming file, entry and fix."""

import pandas as pd

PROBLEM_COLUMNS = ["file", "entry", "problem", "fix"]


def problems(rows: list[dict]) -> pd.DataFrame:
    """A problems frame, in a stable order."""
    df = pd.DataFrame(rows, columns=PROBLEM_COLUMNS)
    return df.sort_values(PROBLEM_COLUMNS, kind="stable").reset_index(drop=True)
