"""The DuckDB file: tables with keys and comments, and the analysts' views."""

from pathlib import Path

import duckdb
import pyarrow as pa

from schemas.spec import DUCKDB_TYPES, TableSpec

# DuckDB's smallest and largest block sizes.
MIN_BLOCK_SIZE, MAX_BLOCK_SIZE = 16384, 262144
# The oldest storage format the file's contents need, so that analysts' DuckDB opens it: by
# default DuckDB 2 writes a format no 1.x release reads. With this one DuckDB 1.1 and later
# open the file (1.0 only with the default block size, 256 KiB).
STORAGE_VERSION = "v1.0.0"
VIEWS_SQL = Path(__file__).with_name("views.sql")


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_table_sql(spec: TableSpec) -> str:
    cols = [
        f"{_ident(c.name)} {DUCKDB_TYPES[c.type]}{'' if c.nullable else ' NOT NULL'}"
        for c in spec.columns
    ]
    if spec.primary_key:
        cols.append(f"PRIMARY KEY ({', '.join(map(_ident, spec.primary_key))})")
    for fk in spec.foreign_keys:
        ref = fk["reference"]
        if ref["resource"] == spec.name:
            continue  # DuckDB has no self-referencing foreign keys; checked in the pipeline
        cols.append(
            f"FOREIGN KEY ({', '.join(map(_ident, fk['fields']))}) REFERENCES "
            f"{_ident(ref['resource'])} ({', '.join(map(_ident, ref['fields']))})"
        )
    return f"CREATE TABLE {_ident(spec.name)} (\n  " + ",\n  ".join(cols) + "\n)"


def block_size(data_bytes: int) -> int:
    """About a thousandth of the data, as a power of two DuckDB accepts.

    Every table and index takes whole blocks: 256 KiB blocks made the seed's file 9.7 MB for
    a few kilobytes of data (0.7 MB with 16 KiB blocks), while 100 MB of data (10,000
    sources) took a third more time to write in 16 KiB blocks than in 64 KiB ones.
    """
    size = MIN_BLOCK_SIZE
    while size * 2 <= min(MAX_BLOCK_SIZE, data_bytes // 1024):
        size *= 2
    return size


def write_duckdb(
    path: Path, tables: list[tuple[TableSpec, pa.Table]], storage: str | None = STORAGE_VERSION
) -> None:
    """Create the database at `path` (which must not exist); tables in dependency order; in
    the `storage` format (None: DuckDB's default, which only DuckDB 2 opens).

    One thread: the release's other files are written on the other core meanwhile. One
    transaction: a commit per statement wrote the log and checkpointed it again and again.
    """
    con = duckdb.connect(config={"threads": 1})
    try:
        # DuckDB 1.1 and later open a file of any block size as usual.
        block = block_size(sum(table.nbytes for _, table in tables))
        version = f", STORAGE_VERSION {_literal(storage)}" if storage else ""
        con.execute(f"ATTACH {_literal(str(path))} AS release (BLOCK_SIZE {block}{version})")
        con.execute("USE release")
        con.execute("BEGIN")
        for spec, table in tables:
            con.execute(create_table_sql(spec))
            con.register("incoming", table)
            con.execute(f"INSERT INTO {_ident(spec.name)} SELECT * FROM incoming")
            con.unregister("incoming")
            con.execute(f"COMMENT ON TABLE {_ident(spec.name)} IS {_literal(spec.description)}")
            for c in spec.columns:
                con.execute(
                    f"COMMENT ON COLUMN {_ident(spec.name)}.{_ident(c.name)} "
                    f"IS {_literal(c.description)}"
                )
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute("COMMIT")
        con.execute("CHECKPOINT release")
        con.execute("USE memory")
        con.execute("DETACH release")
    finally:
        con.close()
