"""Blocking checks of curated inputs: ids resolve, quotes sit at their offsets, numbers match."""

import dagster as dg
import pandas as pd

from pipeline.checks.results import rows_result
from pipeline.load.codelists import Codelists
from pipeline.load.sources import Source
from pipeline.validate import provenance, references


def _texts(sources: list[Source]) -> dict[str, str]:
    return {s.source_id: s.text for s in sources}


def _excluded(sources: list[Source]) -> dict[str, list[dict]]:
    return {s.source_id: s.meta.get("non_reporting") or [] for s in sources}


@dg.asset_check(asset="raw_codelists", blocking=True)
def population_hierarchy(raw_codelists: Codelists) -> dg.AssetCheckResult:
    """Population parents exist in the same survey, never loop, and defining answers exist."""
    return rows_result(
        references.codelist_problems(raw_codelists),
        "parents exist, same survey, no loop; defined_by category exists",
    )


@dg.asset_check(
    asset="stg_observation_entries",
    blocking=True,
    additional_ins={"raw_codelists": dg.AssetIn(), "raw_sources": dg.AssetIn()},
)
def observation_references(
    stg_observation_entries: pd.DataFrame, raw_codelists: Codelists, raw_sources: list[Source]
) -> dg.AssetCheckResult:
    """Survey, variable, category and population ids exist; the population is the survey's;
    a source is not published before the fieldwork of a survey it reports."""
    found = pd.concat(
        [
            references.observation_reference_problems(stg_observation_entries, raw_codelists),
            references.publication_problems(stg_observation_entries, raw_codelists, raw_sources),
        ],
        ignore_index=True,
    )
    return rows_result(
        found,
        "every id names a codelist entry; one entry per figure and source; published after "
        "fieldwork starts",
    )


@dg.asset_check(
    asset="stg_observation_entries", blocking=True, additional_ins={"raw_sources": dg.AssetIn()}
)
def observation_quotes(
    stg_observation_entries: pd.DataFrame, raw_sources: list[Source]
) -> dg.AssetCheckResult:
    """text[char_start:char_end] == quote, outside the text's non-reporting passages."""
    return rows_result(
        provenance.span_problems(
            stg_observation_entries, _texts(raw_sources), _excluded(raw_sources)
        ),
        "text[char_start:char_end] == quote; no overlap with non_reporting passages",
    )


@dg.asset_check(asset="stg_observation_entries", blocking=True)
def observation_numbers(stg_observation_entries: pd.DataFrame) -> dg.AssetCheckResult:
    """The number written in each quote reads as the curated value, in the curated unit."""
    return rows_result(
        provenance.observation_number_problems(stg_observation_entries),
        "number_text occurs in the quote and parses to value (percent/ratio/fraction or count)",
    )


@dg.asset_check(
    asset="stg_attribute_entries", blocking=True, additional_ins={"raw_codelists": dg.AssetIn()}
)
def attribute_references(
    stg_attribute_entries: pd.DataFrame, raw_codelists: Codelists
) -> dg.AssetCheckResult:
    """Each attribute describes a survey, population or variable that exists."""
    return rows_result(
        references.attribute_reference_problems(stg_attribute_entries, raw_codelists),
        "entity_id names an existing survey, population or variable",
    )


@dg.asset_check(
    asset="stg_attribute_entries", blocking=True, additional_ins={"raw_sources": dg.AssetIn()}
)
def attribute_quotes(
    stg_attribute_entries: pd.DataFrame, raw_sources: list[Source]
) -> dg.AssetCheckResult:
    """text[char_start:char_end] == quote, outside the text's non-reporting passages."""
    return rows_result(
        provenance.span_problems(
            stg_attribute_entries, _texts(raw_sources), _excluded(raw_sources)
        ),
        "text[char_start:char_end] == quote; no overlap with non_reporting passages",
    )


@dg.asset_check(
    asset="stg_attribute_entries", blocking=True, additional_ins={"raw_codelists": dg.AssetIn()}
)
def attribute_numbers(
    stg_attribute_entries: pd.DataFrame, raw_codelists: Codelists
) -> dg.AssetCheckResult:
    """The number written reads as the attribute's value, and agrees with the codelist."""
    found = pd.concat(
        [
            provenance.attribute_number_problems(stg_attribute_entries),
            references.attribute_value_problems(stg_attribute_entries, raw_codelists),
        ],
        ignore_index=True,
    )
    return rows_result(found, "number_text parses to value; value agrees with the codelist")


@dg.asset_check(
    asset="stg_claim_entries",
    blocking=True,
    additional_ins={"stg_observation_entries": dg.AssetIn(), "raw_sources": dg.AssetIn()},
)
def claim_references(
    stg_claim_entries: pd.DataFrame,
    stg_observation_entries: pd.DataFrame,
    raw_sources: list[Source],
) -> dg.AssetCheckResult:
    """Claims quote the text at their offsets and name observation entries of their file."""
    found = pd.concat(
        [
            references.claim_reference_problems(stg_claim_entries, stg_observation_entries),
            provenance.span_problems(
                stg_claim_entries, _texts(raw_sources), _excluded(raw_sources)
            ),
        ],
        ignore_index=True,
    )
    return rows_result(found, "quote at offsets; observations are entries of the same file")


INPUT_CHECKS = [
    population_hierarchy,
    observation_references,
    observation_quotes,
    observation_numbers,
    attribute_references,
    attribute_quotes,
    attribute_numbers,
    claim_references,
]
