"""Every check that needs only one source (quotes, numbers, coverage of its mentions), run
over a batch of sources at once and reported per source."""

from pathlib import Path

import pandas as pd

from pipeline.load.documents import SourceDocument
from pipeline.model import entries
from pipeline.model.facts import with_number_offsets
from pipeline.model.mentions import mentions_frame
from pipeline.validate import PROBLEM_COLUMNS, problems
from pipeline.validate.coverage import account_for_mentions, accounts, quote_value_problems
from pipeline.validate.provenance import (
    attribute_number_problems,
    observation_number_problems,
    span_problems,
)


def source_problems(docs: list[SourceDocument]) -> dict[str, pd.DataFrame]:
    """Problems of each source, keyed by source id, each naming file, entry and fix (an empty
    frame for a source whose checks all pass). Vectorised over the batch: the cost is a few
    frame operations for any number of sources, not a few per source."""
    ann = [d.annotations for d in docs]
    obs, attrs = entries.observation_entries(ann), entries.attribute_entries(ann)
    claims, ignores = entries.claim_entries(ann), entries.ignore_entries(ann)
    texts = {d.source.source_id: d.source.text for d in docs}
    excluded = {d.source.source_id: d.source.meta.get("non_reporting") or [] for d in docs}
    first = [span_problems(frame, texts, excluded) for frame in (obs, attrs, claims, ignores)]
    first += [observation_number_problems(obs), attribute_number_problems(attrs)]
    found = _by_source(first, docs)
    # Offsets are sound where a source has no problem yet: its numbers can be located.
    sound = {d.source.source_id for d in docs} - set(found)
    if sound:
        keep = [f[f["source_id"].isin(sound)] for f in (obs, attrs, claims, ignores)]
        obs, attrs = with_number_offsets(keep[0]), with_number_offsets(keep[1])
        spans = accounts(obs, attrs, keep[2], keep[3])
        mentions = mentions_frame(
            r for d in docs if d.source.source_id in sound for r in d.mentions
        )
        files = {d.source.source_id: str(d.annotations.path) for d in docs}
        _, gaps = account_for_mentions(mentions, spans, files)
        for key, frame in _by_source([gaps, quote_value_problems(obs, mentions)], docs).items():
            found[key] = frame
    empty = problems([])
    return {d.source.source_id: found.get(d.source.source_id, empty) for d in docs}


def _by_source(frames: list[pd.DataFrame], docs: list[SourceDocument]) -> dict[str, pd.DataFrame]:
    """Problems grouped by the source whose directory holds the file they name."""
    # Most frames are empty: skipped, they cost no column selection and no conversion.
    rows = [r for f in frames if len(f) for r in f[PROBLEM_COLUMNS].to_dict("records")]
    if not rows:
        return {}
    owner = {d.source.directory.resolve(): d.source.source_id for d in docs}
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        key = owner.get(Path(row["file"]).resolve().parent)
        if key is None:  # a problem every check names by its source's files; never expected
            raise ValueError(f"problem about {row['file']!r}, outside the sources checked")
        grouped.setdefault(key, []).append(row)
    return {key: problems(group) for key, group in grouped.items()}
