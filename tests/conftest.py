"""Shared fixtures: a copy of raw/ in a temporary directory, and building it with Dagster."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipeline.definitions import build_definitions
from pipeline.orchestrate import QUIET, BuildResult, run_build
from pipeline.resources import PROJECT_ROOT, ProjectPaths
from pipeline.run_report import check_lines, step_failures

RAW = PROJECT_ROOT / "raw"
SEED_ID = "petites_entreprises_part_ia"


def raw_with(root: Path, data: Path) -> ProjectPaths:
    """A copy of raw/ under `root` with a test data set added as a curator adds it: its
    surveys/ files and sources/ directories copied, its variables.yml appended to the codelist;
    paths to it and to root/warehouse."""
    shutil.copytree(RAW, root / "raw")
    for survey in sorted((data / "surveys").glob("*.yml")):
        shutil.copy(survey, root / "raw" / "surveys")
    for source in sorted((data / "sources").iterdir()):
        shutil.copytree(source, root / "raw" / "sources" / source.name)
    variables = root / "raw" / "codelists" / "variables.yml"
    variables.write_text(
        variables.read_text(encoding="utf-8") + "\n" + (data / "variables.yml").read_text("utf-8"),
        encoding="utf-8",
    )
    return ProjectPaths(raw_dir=str(root / "raw"), warehouse_dir=str(root / "warehouse"))


def release_with(root: Path, data: Path) -> Path:
    """The release built with Dagster from raw/ with a test data set added (raw_with)."""
    paths = raw_with(root, data)
    result = build(paths)
    assert result.success, report(result)
    return Path(paths.warehouse_dir)


def query(release: Path, sql: str, *params) -> list[tuple]:
    """Rows of `sql` on a release's DuckDB file, opened read-only as an analyst would."""
    with duckdb.connect(str(release / "survey_figures.duckdb"), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def published_figures(release: Path, survey: str, source: str) -> dict[str, tuple]:
    """observation_id → (value, unit, decimals, value_low, value_high, number_text) of every
    figure of `survey` that `source` states, as an analyst reads them from the DuckDB file."""
    rows = query(
        release,
        "SELECT o.observation_id, o.value, o.unit, o.decimals, o.value_low, o.value_high, "
        "e.number_text FROM fact_observation o JOIN fact_evidence e USING (observation_id) "
        "WHERE o.survey_id = ? AND e.source_id = ?",
        survey,
        source,
    )
    return {r[0]: r[1:] for r in rows}


def traced_numbers(release: Path, data: Path, source: str) -> list[str]:
    """The characters of a test data set's article at each published figure's number offsets,
    in the order of the text, after checking that they are its number_text as published."""
    text = (data / "sources" / source / "article.txt").read_text(encoding="utf-8")
    rows = query(
        release,
        "SELECT number_text, number_start, number_end FROM fact_evidence WHERE source_id = ? "
        "ORDER BY number_start",
        source,
    )
    assert all(text[start:end] == written for written, start, end in rows)
    return [text[start:end] for _, start, end in rows]


def refused_after_edit(root: Path, data: Path, source: str, old: str, new: str) -> str:
    """The report of a build of raw/ with a test data set whose source's annotations.yml has
    `old` replaced by `new`, after checking that the build failed and published nothing."""
    paths = raw_with(root, data)
    annotations = Path(paths.raw_dir) / "sources" / source / "annotations.yml"
    text = annotations.read_text(encoding="utf-8")
    assert old in text
    annotations.write_text(text.replace(old, new), encoding="utf-8")
    result = build(paths)
    assert not result.success
    assert not Path(paths.warehouse_dir, "survey_figures.duckdb").exists()
    return report(result)


def run_add_source(
    article: Path, source: str, survey: str, raw: Path, *extra: str
) -> subprocess.CompletedProcess:
    """`python -m pipeline add-source` as a person runs it, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "add-source", str(article), "--id", source]
        + ["--survey", survey, "--raw-dir", str(raw), *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def build(paths: ProjectPaths, only: list[str] | None = None) -> BuildResult:
    """Materialize every asset in process, on an ephemeral instance, against `paths`."""
    with dg.DagsterInstance.ephemeral() as instance:
        return run_build(build_definitions(paths), instance, paths, only=only, run_config=QUIET)


def report(result: BuildResult) -> str:
    """Everything a person would read about a failed build: step errors and check failures."""
    lines, _ = check_lines(result)
    return "\n".join(step_failures(result) + lines)


def tree_digest(root: Path) -> dict[str, str]:
    """SHA-256 of every file under root, by relative path."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    """A private copy of raw/ and an empty warehouse location."""
    shutil.copytree(RAW, tmp_path / "raw")
    return ProjectPaths(raw_dir=str(tmp_path / "raw"), warehouse_dir=str(tmp_path / "warehouse"))


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory) -> tuple[BuildResult, Path]:
    """One in-process build of the committed raw/: the run and its release directory."""
    root = tmp_path_factory.mktemp("release")
    shutil.copytree(RAW, root / "raw")
    paths = ProjectPaths(raw_dir=str(root / "raw"), warehouse_dir=str(root / "warehouse"))
    result = build(paths)
    assert result.success, report(result)
    return result, root / "warehouse"


@pytest.fixture(scope="session")
def seed_release(seed_run) -> Path:
    """The release built from the committed raw/, for tests that only read it."""
    return seed_run[1]
