"""The built release: Frictionless validation, checksums, and descriptions that come from
schemas/."""

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from pipeline.publish.bundle import CHANGELOG, DATAPACKAGE, DICTIONARY, PAGE
from pipeline.publish.changelog import release_digest, resolve_version
from pipeline.publish.checksums import SUMS_NAME, verify
from pipeline.publish.metadata import load_release_info
from pipeline.publish.page import SURVEYS_DIR, survey_page
from pipeline.publish.release import DUCKDB_NAME
from schemas import PUBLISHED, table_spec

from ..conftest import RAW

FRICTIONLESS = Path(sys.executable).with_name("frictionless")
SPECS = [table_spec(m) for m in PUBLISHED]


def frictionless_report(release: Path) -> dict:
    """`frictionless validate --json datapackage.json`, run in the release directory."""
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", DATAPACKAGE],
        cwd=release,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stdout)
    assert (done.returncode == 0) == report["valid"], done.stderr
    return report


def errors_of(report: dict) -> list[tuple[str, str]]:
    return [(task["name"], err["type"]) for task in report["tasks"] for err in task["errors"]]


def package(release: Path) -> dict:
    return json.loads((release / DATAPACKAGE).read_text(encoding="utf-8"))


def test_release_holds_every_file(seed_release):
    expected = {DATAPACKAGE, DICTIONARY, CHANGELOG, PAGE, SUMS_NAME, DUCKDB_NAME, SURVEYS_DIR}
    for spec in SPECS:
        expected |= {f"{spec.name}.parquet", f"{spec.name}.csv"}
    assert {p.name for p in seed_release.iterdir()} == expected
    surveys = pq.read_table(seed_release / "dim_survey.parquet")["survey_id"].to_pylist()
    assert sorted(
        p.relative_to(seed_release).as_posix() for p in (seed_release / SURVEYS_DIR).iterdir()
    ) == sorted(survey_page(s) for s in surveys)


def test_frictionless_validates_the_release(seed_release):
    report = frictionless_report(seed_release)
    assert report["valid"], errors_of(report)
    assert len(report["tasks"]) == 2 * len(SPECS)


def test_frictionless_catches_a_broken_csv_and_a_broken_parquet(seed_release, tmp_path):
    copy = tmp_path / "release"
    shutil.copytree(seed_release, copy)
    csv_path = copy / "fact_observation.csv"
    csv_path.write_bytes(csv_path.read_bytes().replace(b'"cpme_2024_ai_users"', b'"nobody"', 1))
    table = pq.read_table(copy / "fact_evidence.parquet")
    column = table.column_names.index("source_id")
    table = table.set_column(
        column,
        table.field(column),
        pc.replace_substring(table.column(column), "petites", "grandes"),
    )
    pq.write_table(table, copy / "fact_evidence.parquet")
    errors = set(errors_of(frictionless_report(copy)))
    assert ("fact_observation_csv", "foreign-key") in errors
    assert ("fact_observation_csv", "hash-count") in errors
    assert ("fact_evidence", "foreign-key") in errors


def test_checksums_verify(seed_release):
    assert verify(seed_release) == []


def test_descriptions_types_and_keys_come_from_the_schemas(seed_release):
    resources = {r["name"]: r for r in package(seed_release)["resources"]}
    for spec in SPECS:
        for name in (spec.name, f"{spec.name}_csv"):
            res = resources[name]
            assert res["description"] == spec.description
            fields = res["schema"]["fields"]
            assert [(f["name"], f["type"], f["description"]) for f in fields] == [
                (c.name, c.type, c.description) for c in spec.columns
            ]
            assert [not c.nullable for c in spec.columns] == [
                f.get("constraints", {}).get("required", False) for f in fields
            ]
            assert res["schema"].get("primaryKey", []) == spec.primary_key
            assert len(res["schema"].get("foreignKeys", [])) == len(spec.foreign_keys)


def test_a_nullable_numbers_bounds_are_in_its_csv_resource_only(seed_release):
    """Frictionless reads a null number of a Parquet file as NaN, which no bound admits: the
    Parquet resource leaves out the bounds of a nullable number, the CSV copy keeps them."""
    resources = {r["name"]: r for r in package(seed_release)["resources"]}
    bounds = {
        fmt: {
            f["name"]: f.get("constraints")
            for f in resources[name]["schema"]["fields"]
            if f["name"] in ("sample_size", "margin_of_error", "year")
        }
        for fmt, name in (("parquet", "dim_survey"), ("csv", "dim_survey_csv"))
    }
    assert bounds["csv"] == {
        "sample_size": {"minimum": 1},
        "year": {"required": True, "minimum": 1900, "maximum": 2100},
        "margin_of_error": {"maximum": 50},
    }
    assert bounds["parquet"] == {
        "sample_size": None,
        "year": {"required": True, "minimum": 1900, "maximum": 2100},  # never null
        "margin_of_error": None,
    }


def test_package_metadata_comes_from_release_yml(seed_release):
    info = load_release_info(RAW)
    dp = package(seed_release)
    version = resolve_version(info, release_digest(seed_release))
    assert dp["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert (dp["name"], dp["title"], dp["version"]) == (info.name, info.title, version.version)
    assert dp["created"] == f"{version.date}T00:00:00Z"
    assert dp["licenses"][0]["name"] == "etalab-2.0"
    assert "Quotations:" in dp["description"]
    assert [s["title"] for s in dp["sources"]] == pq.read_table(
        seed_release / "dim_source.parquet"
    ).column("title").to_pylist()


def test_dictionary_has_every_table_and_column(seed_release):
    text = (seed_release / DICTIONARY).read_text(encoding="utf-8")
    lines = text.splitlines()
    for spec in SPECS:
        assert f"## `{spec.name}` — {spec.title}" in lines
        rows = pq.read_metadata(seed_release / f"{spec.name}.parquet").num_rows
        assert f"- Rows: {rows}" in text
        for c in spec.columns:
            line = next(
                x
                for x in lines
                if x.startswith(f"| `{c.name}` | {c.type} |")
                and " ".join(c.description.split()).replace("|", "\\|") in x
            )
            assert c.nullable or "null in every row" not in line, f"{spec.name}.{c.name}"
            assert rows or "no rows in this release" in line, f"{spec.name}.{c.name}"
    assert "Formulas are neutralised in CSV" in text


def test_changelog_names_the_version(seed_release):
    version = package(seed_release)["version"]
    text = (seed_release / CHANGELOG).read_text(encoding="utf-8")
    assert f"## {version.split('+')[0]} — " in text


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.refs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [(tag, k, v) for k, v in attrs if k in ("src", "href", "srcset")]


def _local_links(page: Path) -> set[str]:
    """The addresses of release files a page links to, after checking it fetches nothing."""
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    assert not {"script", "link", "img", "iframe", "object"} & set(parser.tags)
    assert [r for r in parser.refs if r[1] != "href"] == []
    return {v for _, _, v in parser.refs if not v.startswith(("http://", "https://"))}


def test_pages_fetch_nothing_and_link_to_release_files(seed_release):
    pages = {p.relative_to(seed_release).as_posix() for p in (seed_release / SURVEYS_DIR).iterdir()}
    files = {p.name for p in seed_release.iterdir() if p.is_file()}
    assert _local_links(seed_release / PAGE) == files - {PAGE} | pages
    for page in pages:
        assert _local_links(seed_release / page) == {f"../{PAGE}"}


@pytest.mark.parametrize("name", [DATAPACKAGE, DICTIONARY, CHANGELOG, PAGE])
def test_text_files_hold_no_build_path(seed_release, name):
    text = (seed_release / name).read_text(encoding="utf-8")
    assert str(seed_release.parent) not in text and "/tmp" not in text


# The storage format number in a DuckDB file's header (after its checksum, the magic "DUCK"),
# and the number of the v1.0.0 format, which DuckDB 1.1 to 2.0 open. DuckDB 2 writes 999 by
# default, a format no 1.x release opens ("Trying to read a database file with version
# number 999"), nor 1.5 (which reads up to 69).
DUCKDB_MAGIC_AT, V1_0_0 = 8, 64


def test_the_duckdb_file_opens_in_the_duckdb_releases_analysts_have(seed_release):
    header = (seed_release / DUCKDB_NAME).read_bytes()[:64]
    magic_end = DUCKDB_MAGIC_AT + 4
    assert header[DUCKDB_MAGIC_AT:magic_end] == b"DUCK"
    assert int.from_bytes(header[magic_end : magic_end + 8], "little") == V1_0_0
