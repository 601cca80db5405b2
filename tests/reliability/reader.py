"""A reader of warehouse/ as users read it, run in its own process while releases are published.

    python -m tests.reliability.reader WAREHOUSE LOG STOP [fresh|held]

Loops until the file STOP exists, writing one JSON line per pass to LOG; any exception is
recorded as an error line and the loop goes on.

- fresh: reads SHA256SUMS, opens the DuckDB file read-only by path (as the README shows),
  counts the rows of every table, closes it, reads every Parquet file listed, then reads
  SHA256SUMS again;
- held: opens one read-only DuckDB connection at the start and counts every table through it
  on each pass: an open connection must keep working, on the release it opened, while the
  directory is swapped under it.

The two run in separate processes: DuckDB shares one database instance per file within a
process, so while a connection is held, a new connection to the same path in that process
sees the held connection's release, not the file now at that path.
"""

import hashlib
import json
import sys
import time
import traceback
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

DUCKDB_NAME = "survey_figures.duckdb"
SUMS_NAME = "SHA256SUMS"
PAUSE = {"fresh": 0.01, "held": 0.05}


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    return {name: con.table(name).shape[0] for name in sorted(names)}


def read_pass(warehouse: Path) -> dict:
    before = (warehouse / SUMS_NAME).read_bytes()
    con = duckdb.connect(str(warehouse / DUCKDB_NAME), read_only=True)
    try:
        duckdb_rows = table_counts(con)
    finally:
        con.close()
    parquet = {}
    for line in before.decode("utf-8").splitlines():
        name = line.split("  ", 1)[1]
        if name.endswith(".parquet"):
            data = (warehouse / name).read_bytes()
            rows = pq.read_table(pa.BufferReader(data)).num_rows
            parquet[name] = [hashlib.sha256(data).hexdigest(), rows]
    after = (warehouse / SUMS_NAME).read_bytes()
    return {
        "sums_before": hashlib.sha256(before).hexdigest(),
        "sums_after": hashlib.sha256(after).hexdigest(),
        "duckdb_rows": duckdb_rows,
        "parquet": parquet,
    }


def main(warehouse: Path, log: Path, stop: Path, mode: str = "fresh") -> None:
    held = duckdb.connect(str(warehouse / DUCKDB_NAME), read_only=True) if mode == "held" else None
    with open(log, "a", encoding="utf-8") as out:
        while not stop.exists():
            try:
                record = {"held_rows": table_counts(held)} if held else read_pass(warehouse)
            except Exception as err:  # every failure is the finding, so none may stop the loop
                record = {"error": repr(err), "traceback": traceback.format_exc()}
            out.write(json.dumps(record) + "\n")
            out.flush()
            time.sleep(PAUSE[mode])  # leave the publisher some of a small machine's CPU
    if held:
        held.close()


if __name__ == "__main__":
    main(*map(Path, sys.argv[1:4]), *sys.argv[4:5])
