"""The DuckDB file: tables with keys and comments, and the analysts' views."""

from pathlib import Path

import duckdb
import pyarrow as pa

from schemas.spec import DUCKDB_TYPES, TableSpec

BLOCK_SIZE = 16384
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


def write_duckdb(path: Path, tables: list[tuple[TableSpec, pa.Table]]) -> None:
    """Create the database at `path` (which must not exist); tables in dependency order."""
    con = duckdb.connect()
    try:
        # Small blocks: the default 256 KiB block per table and index makes a 10 MB file of
        # a few kilobytes of data. Any DuckDB reader opens it as usual.
        con.execute(f"ATTACH {_literal(str(path))} AS release (BLOCK_SIZE {BLOCK_SIZE})")
        con.execute("USE release")
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
        con.execute("CHECKPOINT release")
        con.execute("USE memory")
        con.execute("DETACH release")
    finally:
        con.close()
