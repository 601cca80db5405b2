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
from pipeline.io_manager import KeptPicklesIOManager
from pipeline.resources import ProjectPaths
from pipeline.sensors import raw_sources_sensor
from pipeline.source_store import SourceStore
from schemas import PUBLISHED

# Per-source work runs as one run over any number of source partitions; the release combines
# every partition. Two jobs, because one run cannot mix partitioned and unpartitioned assets.
SOURCE_JOB = dg.define_asset_job(
    "source_job",
    selection=dg.AssetSelection.assets(raw.source_documents),
    description="Read, verify and extract the selected sources (one partition per source).",
)
RELEASE_JOB = dg.define_asset_job(
    "release_job",
    selection=dg.AssetSelection.all() - dg.AssetSelection.assets(raw.source_documents),
    description="Combine every source, check, derive and publish warehouse/.",
)


def build_definitions(paths: ProjectPaths | None = None) -> dg.Definitions:
    """All assets and checks, reading and writing where `paths` says."""
    paths = paths or ProjectPaths.from_env()
    return dg.Definitions(
        assets=[
            raw.source_documents,
            raw.raw_sources,
            raw.raw_codelists,
            raw.raw_annotations,
            raw.raw_claims_lexicon,
            staging.stg_observation_entries,
            staging.stg_attribute_entries,
            staging.stg_claim_entries,
            staging.stg_ignore_entries,
            staging.stg_mentions,
            staging.stg_reconciliation,
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
        jobs=[SOURCE_JOB, RELEASE_JOB],
        sensors=[raw_sources_sensor],
        resources={
            "paths": paths,
            "source_store": SourceStore(base_dir=str(paths.store)),
            "io_manager": KeptPicklesIOManager(),
        },
        executor=dg.in_process_executor,
    )


defs = build_definitions()
