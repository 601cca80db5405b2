"""Staging layer: annotation entries as frames, each row keeping its file and entry name."""

import dagster as dg
import pandas as pd

from pipeline.load.annotations import Annotations
from pipeline.load.codelists import Codelists
from pipeline.load.documents import SourceDocument
from pipeline.model import dims, entries
from pipeline.model.mentions import mentions_frame
from pipeline.reconcile import Reconciled, reconcile
from pipeline.resources import ProjectPaths


def _entries_output(df: pd.DataFrame) -> dg.Output[pd.DataFrame]:
    return dg.Output(df, metadata={"dagster/row_count": len(df)})


@dg.asset(group_name="staging", kinds={"pandas"})
def stg_observation_entries(raw_annotations: list[Annotations]) -> dg.Output[pd.DataFrame]:
    """Every curated figure of every source: dimensions, value, quote and offsets."""
    return _entries_output(entries.observation_entries(raw_annotations))


@dg.asset(group_name="staging", kinds={"pandas"})
def stg_attribute_entries(raw_annotations: list[Annotations]) -> dg.Output[pd.DataFrame]:
    """Every curated survey, population or variable attribute that a source states."""
    return _entries_output(entries.attribute_entries(raw_annotations))


@dg.asset(group_name="staging", kinds={"pandas"})
def stg_claim_entries(raw_annotations: list[Annotations]) -> dg.Output[pd.DataFrame]:
    """Every curated verbal claim ('une majorité', 'double'…) and the figures it is about."""
    return _entries_output(entries.claim_entries(raw_annotations))


@dg.asset(group_name="staging", kinds={"pandas"})
def stg_ignore_entries(raw_annotations: list[Annotations]) -> dg.Output[pd.DataFrame]:
    """Numbers of each text that are deliberately not figures, each with the reason."""
    return _entries_output(entries.ignore_entries(raw_annotations))


# raw_sources checks that every document is as current as raw/: nothing runs before it.
@dg.asset(group_name="staging", kinds={"pandas"}, deps=["raw_sources"])
def stg_mentions(source_documents: dict[str, SourceDocument]) -> dg.Output[pd.DataFrame]:
    """Every numeric mention the extractor found in every source text, with its offsets."""
    mentions = mentions_frame(
        row for s in sorted(source_documents) for row in source_documents[s].mentions
    )
    return dg.Output(
        mentions,
        metadata={
            "dagster/row_count": len(mentions),
            "by_kind": dg.MetadataValue.json(
                mentions["kind"].value_counts().sort_index().to_dict()
            ),
        },
    )


@dg.asset(group_name="staging", kinds={"pandas"})
def stg_reconciliation(
    stg_observation_entries: pd.DataFrame, raw_codelists: Codelists, paths: ProjectPaths
) -> dg.Output[Reconciled]:
    """What every source states, compared: bases one source leaves open are settled by a
    clearer source, and the value to publish is chosen where sources differ."""
    reconciled = reconcile(stg_observation_entries, dims.dim_population(raw_codelists), paths.memo)
    settled = reconciled.entries["settled_by_source_id"].notna().sum()
    return dg.Output(
        reconciled,
        metadata={
            "entries": len(reconciled.entries),
            "settled_bases": int(settled),
            "compared_statements": len(reconciled.table),
        },
    )
