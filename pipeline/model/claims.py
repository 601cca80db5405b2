"""Claims of each source, with the entry ids they name turned into observation ids."""

import pandas as pd

from pipeline.model.facts import observation_ids
from pipeline.rows import cells, records

CLAIM_COLUMNS = [
    "source_id",
    "claim_id",
    "quote",
    "char_start",
    "char_end",
    "rule",
    "observation_ids",
]


def claims_frame(claim_entries: pd.DataFrame, observation_entries: pd.DataFrame) -> pd.DataFrame:
    """One row per claim; observation_ids in the order the annotation lists them."""
    keys = cells(observation_entries, ["file", "entry_id"])
    ids = dict(zip(keys, observation_ids(observation_entries), strict=True))
    rows = [
        {
            **row,
            "claim_id": row["entry_id"],
            "observation_ids": " ".join(
                ids[(row["file"], e)] for e in row["observations"] if (row["file"], e) in ids
            ),
        }
        for row in records(claim_entries)
    ]
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)
