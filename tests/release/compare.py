"""Compare two releases: every file byte for byte, but the DuckDB file by its content."""

from pathlib import Path

import duckdb

from pipeline.publish.checksums import SUMS_NAME
from pipeline.publish.release import DUCKDB_NAME


def duckdb_content(path: Path) -> dict:
    """Tables, columns, comments, constraints, views and every row, in a stable order."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {
            "columns": con.execute(
                "SELECT table_name, column_index, column_name, data_type, is_nullable, comment "
                "FROM duckdb_columns() WHERE NOT internal ORDER BY table_name, column_index"
            ).fetchall(),
            "tables": con.execute(
                "SELECT table_name, comment FROM duckdb_tables() ORDER BY table_name"
            ).fetchall(),
            "constraints": sorted(
                con.execute(
                    "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints()"
                ).fetchall()
            ),
            "views": con.execute(
                "SELECT view_name, sql, comment FROM duckdb_views() WHERE NOT internal "
                "ORDER BY view_name"
            ).fetchall(),
        }
        for table, _ in out["tables"]:
            out[f"rows/{table}"] = con.execute(f'SELECT * FROM "{table}" ORDER BY ALL').fetchall()
        return out
    finally:
        con.close()


def _sums_without_duckdb(path: Path) -> str:
    return "".join(
        line
        for line in path.read_text(encoding="utf-8").splitlines(True)
        if not line.rstrip("\n").endswith(f"  {DUCKDB_NAME}")
    )


def _files(release: Path) -> set[str]:
    """Every file of a release (survey pages in their directory), as relative POSIX paths."""
    return {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()}


def release_differences(expected: Path, actual: Path) -> list[str]:
    """Files that differ between two releases (empty when they hold the same release).

    DuckDB does not write the same bytes twice, so its file is compared by content and its
    line of SHA256SUMS is left out; every other file must be byte-identical.
    """
    names = sorted(_files(expected) | _files(actual))
    out = []
    for name in names:
        a, b = expected / name, actual / name
        if not a.exists() or not b.exists():
            out.append(f"{name}: only in {'actual' if b.exists() else 'expected'}")
        elif name == DUCKDB_NAME:
            if duckdb_content(a) != duckdb_content(b):
                out.append(f"{name}: different content")
        elif name == SUMS_NAME:
            if _sums_without_duckdb(a) != _sums_without_duckdb(b):
                out.append(f"{name}: different checksums")
        elif a.read_bytes() != b.read_bytes():
            out.append(f"{name}: different bytes")
    return out
