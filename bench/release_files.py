"""Where writing the release's files goes: each part timed on its own.

Usage (from the repository root)::

    .venv/bin/python bench/release_files.py WAREHOUSE_DIR [--raw RAW_DIR] [--repeat 3]

Reads the Parquet tables of a release (e.g. the warehouse/ of a `bench/scale.py --keep DIR`
corpus, with `--raw DIR/nN/raw` for its release.yml) and writes each part of the release, as
`pipeline.publish.release.build_release` does, into a temporary directory, one part at a time:
the DuckDB file (tables, keys, comments, views), the Parquet files, the CSV files with
datapackage.json, the data dictionary and the changelog, and index.html with a page per
survey. Prints the best time of each part over --repeat rounds, and their sum: what the parts
would take on one thread (the release job writes the DuckDB file and the Parquet files on
threads of their own, beside the text files).
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

from pipeline.publish.bundle import write_open_data, write_pages  # noqa: E402
from pipeline.publish.duckdb_file import write_duckdb  # noqa: E402
from pipeline.publish.metadata import load_release_info  # noqa: E402
from pipeline.publish.parquet import write_parquet  # noqa: E402
from pipeline.publish.release import DUCKDB_NAME  # noqa: E402
from schemas import PUBLISHED, table_spec  # noqa: E402


def one_round(tables: list, info, out: Path) -> dict[str, float]:
    """Seconds of each part, written into the empty directory `out`."""
    seconds, clock = {}, time.perf_counter
    start = clock()
    write_duckdb(out / DUCKDB_NAME, tables)
    seconds["DuckDB file"] = clock() - start
    start = clock()
    for spec, table in tables:
        write_parquet(table, out / f"{spec.name}.parquet")
    seconds["Parquet files"] = clock() - start
    start = clock()
    version, _ = write_open_data(tables, out, info, DUCKDB_NAME)
    seconds["CSV files, datapackage.json, dictionary, changelog"] = clock() - start
    start = clock()
    pages = write_pages(tables, out, info, version, DUCKDB_NAME)
    surveys = len(pages) - 1
    seconds[f"index.html and {surveys:,} survey page{'s' * (surveys != 1)}"] = clock() - start
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="for its release.yml")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    specs = [table_spec(m) for m in PUBLISHED]
    tables = [(s, pq.read_table(args.warehouse / f"{s.name}.parquet")) for s in specs]
    info = load_release_info(args.raw)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            for part, seconds in one_round(tables, info, Path(tmp)).items():
                best[part] = min(seconds, best.get(part, seconds))
    rows = sum(t.num_rows for _, t in tables)
    print(f"{rows:,} rows in {len(tables)} tables, best of {args.repeat}")
    print("\n| part of the release | s |\n|---|---:|")
    for part, seconds in best.items():
        print(f"| {part} | {seconds:.2f} |")
    print(f"| all parts, one after the other | {sum(best.values()):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
