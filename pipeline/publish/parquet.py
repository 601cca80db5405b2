"""Parquet files: zstd, stable bytes, descriptions in the field metadata."""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        write_statistics=True,
        use_dictionary=True,
        store_schema=True,
    )
