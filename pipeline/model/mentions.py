"""Every numeric mention of every source, as found by the extractor."""

from collections.abc import Iterable

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


def mention_rows(source: Source) -> tuple[tuple, ...]:
    """One tuple per mention of one source, in text order, fields as MENTION_COLUMNS: light to
    keep and pickle per source, and one frame for any number of sources."""
    return tuple(
        (
            source.source_id,
            m.start,
            m.end,
            m.surface,
            m.kind,
            _value_text(m.value),
            m.value if isinstance(m.value, float) else None,
            m.approx,
            m.qualifier,
            m.sentence_start,
            m.sentence_end,
        )
        for m in extract_mentions(source.text)
    )


def mentions_frame(rows: Iterable[tuple]) -> pd.DataFrame:
    """The mention rows of any number of sources as one frame."""
    return pd.DataFrame(list(rows), columns=MENTION_COLUMNS)


def source_mentions(sources: list[Source]) -> pd.DataFrame:
    """One row per mention, in source and text order."""
    return mentions_frame(row for s in sources for row in mention_rows(s))
