"""Warehouse layer: the release in warehouse/, written only when every upstream check passed."""

import dagster as dg
import pandas as pd

from pipeline.publish.bundle import release_version
from pipeline.publish.metadata import load_release_info
from pipeline.publish.release import publish
from pipeline.resources import ProjectPaths
from schemas import PUBLISHED, table_spec

TABLE_NAMES = [table_spec(m).name for m in PUBLISHED]


@dg.asset(
    group_name="warehouse",
    kinds={"parquet", "duckdb"},
    ins={name: dg.AssetIn() for name in TABLE_NAMES},
)
def warehouse_release(paths: ProjectPaths, **tables: pd.DataFrame) -> dg.MaterializeResult:
    """The release: one Parquet file per table and a DuckDB file with the same tables and views.

    With them, as an open-data release: a CSV file per table, datapackage.json (Frictionless),
    the data dictionary, CHANGELOG.md, index.html with a page per survey under surveys/, and
    SHA256SUMS. Built beside warehouse/ and swapped in atomically: readers see the previous
    release or this one, never a mix.
    """
    specs = [table_spec(m) for m in PUBLISHED]
    info = load_release_info(paths.raw)
    written = publish([(spec, tables[spec.name]) for spec in specs], paths.warehouse, info)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(paths.warehouse)),
            "version": release_version(paths.warehouse),
            "files": dg.MetadataValue.json(
                sorted(p.name for p in written if p.parent == paths.warehouse)
            ),
            "survey_pages": sum(p.parent != paths.warehouse for p in written),
            **{f"rows/{spec.name}": len(tables[spec.name]) for spec in specs},
        }
    )
