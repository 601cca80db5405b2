"""The Dagster code location: assets by layer, their checks, resources, in-process executor."""

import dagster as dg

from pipeline.assets import (
    core,
    derived,
    input_checks,
    key_checks,
    mentions,
    raw,
    staging,
    warehouse,
)
from pipeline.assets.tables import schema_check
from pipeline.resources import ProjectPaths
from schemas import PUBLISHED


def build_definitions(paths: ProjectPaths | None = None) -> dg.Definitions:
    """All assets and checks, reading and writing where `paths` says."""
    return dg.Definitions(
        assets=[
            raw.raw_sources,
            raw.raw_codelists,
            raw.raw_annotations,
            raw.raw_claims_lexicon,
            staging.stg_observation_entries,
            staging.stg_attribute_entries,
            staging.stg_claim_entries,
            staging.stg_ignore_entries,
            staging.stg_mentions,
            *core.CORE_TABLES,
            mentions.fact_mention,
            derived.fact_derived,
            derived.fact_claim,
            warehouse.warehouse_release,
        ],
        asset_checks=[
            *input_checks.INPUT_CHECKS,
            *[schema_check(m) for m in PUBLISHED],
            *key_checks.KEY_CHECKS,
            *derived.DERIVED_CHECKS,
        ],
        resources={"paths": paths or ProjectPaths.from_env()},
        executor=dg.in_process_executor,
    )


defs = build_definitions()
