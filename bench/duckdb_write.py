"""Writing the release's DuckDB file in one storage format against another.

Usage (from the repository root)::

    .venv/bin/python bench/duckdb_write.py WAREHOUSE_DIR [--repeat 3]

Reads the Parquet tables of a release (e.g. the warehouse/ of a `bench/scale.py --keep DIR`
corpus) and writes them with `pipeline.publish.duckdb_file.write_duckdb` as the release does,
alternating the storage format the project writes (`STORAGE_VERSION`, which DuckDB 1.1 and
later open) with DuckDB's default (which only DuckDB 2 opens), or the formats given with
`--formats` (e.g. `v1.0.0,v1.2.0,default`). Prints, for each, the write time of every round
and the file's size.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.publish import duckdb_file  # noqa: E402
from schemas import PUBLISHED, table_spec  # noqa: E402


def write_once(tables: list, storage: str | None, out: Path) -> tuple[float, int]:
    """Seconds to write the file, and its size; `storage` None is DuckDB's default."""
    target = out / f"release_{storage or 'default'}.duckdb"
    target.unlink(missing_ok=True)
    start = time.perf_counter()
    duckdb_file.write_duckdb(target, tables, storage)
    return time.perf_counter() - start, target.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--formats",
        default=f"{duckdb_file.STORAGE_VERSION},default",
        help="comma-separated storage formats to compare ('default': DuckDB's own)",
    )
    args = parser.parse_args(argv)
    specs = [table_spec(m) for m in PUBLISHED]
    tables = [(s, pq.read_table(args.warehouse / f"{s.name}.parquet")) for s in specs]
    rows = sum(t.num_rows for _, t in tables)
    formats = args.formats.split(",")
    times: dict[str, list[float]] = {name: [] for name in formats}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for name in formats:
                storage = None if name == "default" else name
                seconds, sizes[name] = write_once(tables, storage, Path(tmp))
                times[name].append(seconds)
    print(f"{rows:,} rows in {len(tables)} tables")
    print("| storage format | write s (each round) | file MB |")
    print("|---|---|---:|")
    for name, seconds in times.items():
        rounds = " / ".join(f"{s:.2f}" for s in seconds)
        print(f"| {name} | {rounds} | {sizes[name] / 1e6:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
