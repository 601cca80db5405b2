"""Every numeric mention of every source, as found by the extractor."""

import pandas as pd

from pipeline.extract import extract_mentions
from pipeline.load.sources import Source

MENTION_COLUMNS = [
    "source_id",
    "char_start",
    "char_end",
    "surface",
    "kind",
    "value",
    "value_number",
    "approx",
    "qualifier",
    "sentence_start",
    "sentence_end",
]


def _value_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:g}" if abs(value) < 1e15 else repr(value)
    return str(value)


def source_mentions(sources: list[Source]) -> pd.DataFrame:
    """One row per mention, in source and text order."""
    rows = [
        {
            "source_id": s.source_id,
            "char_start": m.start,
            "char_end": m.end,
            "surface": m.surface,
            "kind": m.kind,
            "value": _value_text(m.value),
            "value_number": m.value if isinstance(m.value, float) else None,
            "approx": m.approx,
            "qualifier": m.qualifier,
            "sentence_start": m.sentence_start,
            "sentence_end": m.sentence_end,
        }
        for s in sources
        for m in extract_mentions(s.text)
    ]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)
