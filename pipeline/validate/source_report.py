"""Every check that needs only one source: quotes, numbers and coverage of its mentions."""

import pandas as pd

from pipeline.load.documents import SourceDocument
from pipeline.model import entries
from pipeline.model.facts import with_number_offsets
from pipeline.validate import PROBLEM_COLUMNS, problems
from pipeline.validate.coverage import account_for_mentions, accounts, quote_value_problems
from pipeline.validate.provenance import (
    attribute_number_problems,
    observation_number_problems,
    span_problems,
)


def source_problems(doc: SourceDocument) -> pd.DataFrame:
    """Problems of one source, each naming file, entry and fix (empty when all pass)."""
    ann = [doc.annotations]
    obs, attrs = entries.observation_entries(ann), entries.attribute_entries(ann)
    claims, ignores = entries.claim_entries(ann), entries.ignore_entries(ann)
    texts = {doc.source.source_id: doc.source.text}
    excluded = {doc.source.source_id: doc.source.meta.get("non_reporting") or []}
    found = [span_problems(frame, texts, excluded) for frame in (obs, attrs, claims, ignores)] + [
        observation_number_problems(obs),
        attribute_number_problems(attrs),
    ]
    if all(f.empty for f in found):  # offsets are sound: numbers can be located
        obs, attrs = with_number_offsets(obs), with_number_offsets(attrs)
        spans = accounts(obs, attrs, claims, ignores)
        _, gaps = account_for_mentions(
            doc.mentions, spans, {doc.source.source_id: str(doc.annotations.path)}
        )
        found += [gaps, quote_value_problems(obs, doc.mentions)]
    return problems([r for f in found for r in f[PROBLEM_COLUMNS].to_dict("records")])
