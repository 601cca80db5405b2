"""Write every published table to Parquet and DuckDB in a staging tree, then swap it in."""

import shutil
from pathlib import Path

import pandas as pd

from pipeline.publish.arrow import to_arrow
from pipeline.publish.duckdb_file import write_duckdb
from pipeline.publish.parquet import write_parquet
from pipeline.publish.swap import remove_leftovers, replace_dir, staging_dir
from schemas.spec import TableSpec

DUCKDB_NAME = "survey_figures.duckdb"


def build_release(tables: list[tuple[TableSpec, pd.DataFrame]], out: Path) -> list[Path]:
    """Write the release files into the empty directory `out`; returns the paths written."""
    arrow_tables = [(spec, to_arrow(df, spec)) for spec, df in tables]
    written = []
    for spec, table in arrow_tables:
        path = out / f"{spec.name}.parquet"
        write_parquet(table, path)
        written.append(path)
    db = out / DUCKDB_NAME
    write_duckdb(db, arrow_tables)
    written.append(db)
    return written


def publish(tables: list[tuple[TableSpec, pd.DataFrame]], warehouse: Path) -> list[Path]:
    """Build the release beside `warehouse` and swap it in atomically."""
    remove_leftovers(warehouse)
    new = staging_dir(warehouse)
    try:
        written = build_release(tables, new)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    replace_dir(new, warehouse)
    return [warehouse / p.name for p in written]
