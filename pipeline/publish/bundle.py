"""What makes the tables an open-data release: CSV, datapackage.json, dictionary, changelog,
index.html and a page per survey, written beside the Parquet and DuckDB files."""

import json
from pathlib import Path

import pyarrow as pa

from pipeline.publish.arrow import records
from pipeline.publish.changelog import Resolved, changelog_md, data_digest, resolve_version
from pipeline.publish.checksums import SUMS_NAME, write_hashed
from pipeline.publish.csv_file import csv_bytes
from pipeline.publish.datapackage import datapackage, datapackage_json
from pipeline.publish.dictionary import dictionary_md, example_values
from pipeline.publish.metadata import ReleaseInfo
from pipeline.publish.page import INDEX, pages_html
from schemas.spec import TableSpec

DATAPACKAGE = "datapackage.json"
DICTIONARY = "DATA_DICTIONARY.md"
CHANGELOG = "CHANGELOG.md"
PAGE = INDEX


def _sources(dim_source: pa.Table) -> list[dict]:
    """Data Package sources: each document, with its address when known."""
    return [
        {"title": row["title"], **({"path": row["url"]} if row["url"] else {})}
        for row in records(dim_source, ["title", "url"])
    ]


def write_open_data(
    tables: list[tuple[TableSpec, pa.Table]], out: Path, info: ReleaseInfo, db_name: str
) -> tuple[Resolved, dict[str, str]]:
    """Write the CSV files, datapackage.json, the dictionary and the changelog into `out`;
    returns the release's version and the SHA-256 of each file written, by name."""
    digests, csv_stats = {}, {}
    for spec, table in tables:
        name, data = f"{spec.name}.csv", csv_bytes(table)
        digests[name] = write_hashed(out / name, data)
        csv_stats[name] = (len(data), digests[name])
    version = resolve_version(info, data_digest({n: h for n, (_, h) in csv_stats.items()}))
    specs, by_name = [s for s, _ in tables], {s.name: t for s, t in tables}
    examples = {spec.name: example_values(table) for spec, table in tables}
    descriptor = datapackage(
        info,
        version,
        [(s, examples[s.name]) for s in specs],
        csv_stats,
        _sources(by_name["dim_source"]),
    )
    rows = [(spec, table.num_rows, examples[spec.name]) for spec, table in tables]
    for name, text in (
        (DATAPACKAGE, datapackage_json(descriptor)),
        (DICTIONARY, dictionary_md(info, version, rows, db_name)),
        (CHANGELOG, changelog_md(info, version)),
    ):
        digests[name] = write_hashed(out / name, text.encode("utf-8"))
    return version, digests


def write_pages(
    tables: list[tuple[TableSpec, pa.Table]],
    out: Path,
    info: ReleaseInfo,
    version: Resolved,
    db_name: str,
) -> dict[str, str]:
    """Write index.html and the survey pages into `out`, which holds the Parquet and CSV
    files whose sizes the index shows; returns the SHA-256 of each page, by path."""
    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.suffix in (".parquet", ".csv")}
    downloads = [
        (db_name, "every table in one DuckDB database, with keys, comments and views"),
        (DATAPACKAGE, "Frictionless Data Package"),
        (DICTIONARY, "data dictionary"),
        (CHANGELOG, "versions"),
        (SUMS_NAME, "checksums"),
    ]
    specs, by_name = [s for s, _ in tables], {s.name: t for s, t in tables}
    pages = pages_html(info, version, specs, by_name, sizes, downloads, db_name)
    digests = {}
    for path, html in pages.items():
        (out / path).parent.mkdir(exist_ok=True)
        digests[path] = write_hashed(out / path, html.encode("utf-8"))
    return digests


def release_version(release: Path) -> str:
    """The version a built release carries, read from its datapackage.json."""
    return json.loads((release / DATAPACKAGE).read_text(encoding="utf-8"))["version"]
