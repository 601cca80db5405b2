"""What makes the tables an open-data release: CSV, datapackage.json, dictionary, changelog,
index.html and SHA256SUMS, written beside the Parquet and DuckDB files."""

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa

from pipeline.publish.changelog import changelog_md, data_digest, resolve_version
from pipeline.publish.checksums import sha256_file, write_sums
from pipeline.publish.csv_file import write_csv
from pipeline.publish.datapackage import datapackage, write_datapackage
from pipeline.publish.dictionary import dictionary_md, example_values
from pipeline.publish.metadata import ReleaseInfo
from pipeline.publish.page import page_html
from schemas.spec import TableSpec

DATAPACKAGE = "datapackage.json"
DICTIONARY = "DATA_DICTIONARY.md"
CHANGELOG = "CHANGELOG.md"
PAGE = "index.html"


def _frame(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(integer_object_nulls=True, date_as_object=True)


def _sources(dim_source: pd.DataFrame) -> list[dict]:
    """Data Package sources: each document, with its address when known."""
    return [
        {"title": row["title"], **({"path": row["url"]} if row["url"] else {})}
        for row in dim_source.astype(object).where(dim_source.notna(), None).to_dict("records")
    ]


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def write_open_data(
    tables: list[tuple[TableSpec, pa.Table]], out: Path, info: ReleaseInfo, db_name: str
) -> list[Path]:
    """Write the files into `out`, which already holds the Parquet and DuckDB files.

    SHA256SUMS comes last: it lists every other file of `out`.
    """
    written, csv_stats = [], {}
    for spec, table in tables:
        path = out / f"{spec.name}.csv"
        write_csv(table, path)
        csv_stats[path.name] = (path.stat().st_size, sha256_file(path))
        written.append(path)
    version = resolve_version(info, data_digest({n: h for n, (_, h) in csv_stats.items()}))
    specs = [spec for spec, _ in tables]
    examples = {spec.name: example_values(table) for spec, table in tables}
    frames = {spec.name: _frame(table) for spec, table in tables}

    descriptor = datapackage(
        info,
        version,
        [(s, examples[s.name]) for s in specs],
        csv_stats,
        _sources(frames["dim_source"]),
    )
    write_datapackage(descriptor, out / DATAPACKAGE)
    written.append(out / DATAPACKAGE)
    rows = [(s, len(frames[s.name]), examples[s.name]) for s in specs]
    written.append(write_text(out / DICTIONARY, dictionary_md(info, version, rows, db_name)))
    written.append(write_text(out / CHANGELOG, changelog_md(info, version)))
    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.suffix in (".parquet", ".csv")}
    downloads = [
        (db_name, "every table in one DuckDB database, with keys, comments and views"),
        (DATAPACKAGE, "Frictionless Data Package"),
        (DICTIONARY, "data dictionary"),
        (CHANGELOG, "versions"),
        ("SHA256SUMS", "checksums"),
    ]
    html = page_html(info, version, specs, frames, sizes, downloads, db_name)
    written.append(write_text(out / PAGE, html))
    written.append(write_sums(out))
    return written


def release_version(release: Path) -> str:
    """The version a built release carries, read from its datapackage.json."""
    return json.loads((release / DATAPACKAGE).read_text(encoding="utf-8"))["version"]
