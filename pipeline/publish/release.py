"""Write every published table to Parquet, DuckDB and the open-data files in a staging tree,
with SHA256SUMS last, then swap it in."""

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pyarrow as pa

from pipeline.publish.arrow import to_arrow
from pipeline.publish.bundle import write_open_data, write_pages
from pipeline.publish.checksums import write_sums
from pipeline.publish.duckdb_file import write_duckdb
from pipeline.publish.metadata import ReleaseInfo
from pipeline.publish.parquet import write_parquet
from pipeline.publish.swap import remove_leftovers, replace_dir, staging_dir
from schemas.spec import TableSpec

DUCKDB_NAME = "survey_figures.duckdb"


def sort_rows(table: pa.Table, spec: TableSpec) -> pa.Table:
    """Rows in primary-key order, so that the same data always gives the same bytes.

    Arrow's sort is stable, and orders text by code point as Python does."""
    if not spec.primary_key:
        return table
    return table.sort_by([(key, "ascending") for key in spec.primary_key])


def _write_parquet(tables: list[tuple[TableSpec, pa.Table]], paths: list[Path]) -> None:
    for (_, table), path in zip(tables, paths, strict=True):
        write_parquet(table, path)


def build_release(
    tables: list[tuple[TableSpec, pd.DataFrame]], out: Path, info: ReleaseInfo
) -> list[Path]:
    """Write the release files into the empty directory `out`; returns the paths written."""
    arrow_tables = [(spec, sort_rows(to_arrow(df, spec), spec)) for spec, df in tables]
    db = out / DUCKDB_NAME
    parquet = [out / f"{spec.name}.parquet" for spec, _ in arrow_tables]
    # DuckDB and Parquet on worker threads, without the GIL; the text files on this one.
    with ThreadPoolExecutor(max_workers=2) as pool:
        database = pool.submit(write_duckdb, db, arrow_tables)
        parquet_written = pool.submit(_write_parquet, arrow_tables, parquet)
        version, digests = write_open_data(arrow_tables, out, info, DUCKDB_NAME)
        parquet_written.result()  # the index shows their sizes
        digests.update(write_pages(arrow_tables, out, info, version, DUCKDB_NAME))
        database.result()
    return [*parquet, db, *(out / name for name in digests), write_sums(out, digests)]


def publish(
    tables: list[tuple[TableSpec, pd.DataFrame]], warehouse: Path, info: ReleaseInfo
) -> list[Path]:
    """Build the release beside `warehouse` and swap it in atomically."""
    remove_leftovers(warehouse)
    new = staging_dir(warehouse)
    try:
        written = build_release(tables, new, info)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise
    replace_dir(new, warehouse)
    return [warehouse / p.relative_to(new) for p in written]
