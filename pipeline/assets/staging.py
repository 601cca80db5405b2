"""Staging layer: annotation entries as frames, each row keeping its file and entry name."""

import dagster as dg
import pandas as pd

from pipeline.load.annotations import Annotations
from pipeline.load.sources import Source
from pipeline.model import entries
from pipeline.model.mentions import source_mentions


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


@dg.asset(group_name="staging", kinds={"pandas"})
def stg_mentions(raw_sources: list[Source]) -> dg.Output[pd.DataFrame]:
    """Every numeric mention the extractor finds in every source text, with its offsets."""
    mentions = source_mentions(raw_sources)
    return dg.Output(
        mentions,
        metadata={
            "dagster/row_count": len(mentions),
            "by_kind": dg.MetadataValue.json(
                mentions["kind"].value_counts().sort_index().to_dict()
            ),
        },
    )
