"""Two raw/ states whose releases differ, and telling which release a warehouse/ holds."""

import hashlib
import os
import sys
from pathlib import Path

from pipeline.publish.checksums import release_files, verify
from pipeline.publish.release import DUCKDB_NAME
from pipeline.resources import PROJECT_ROOT, ProjectPaths

VARIABLES = "codelists/variables.yml"
LABEL = "  label_en: Use of an artificial intelligence technology\n"
LABEL_B = "  label_en: Use of an artificial intelligence technology (state b)\n"


def set_state(raw: Path, state: str) -> None:
    """Raw state "a" is the committed raw/; "b" labels a variable differently."""
    path = raw / VARIABLES
    text = path.read_text(encoding="utf-8").replace(LABEL_B, LABEL)
    assert LABEL in text, f"{VARIABLES} no longer has {LABEL!r}: update this helper"
    path.write_text(text if state == "a" else text.replace(LABEL, LABEL_B), encoding="utf-8")


def release_id(warehouse: Path) -> str:
    """A digest of every file of a complete release but the DuckDB file (whose bytes vary
    between identical builds; SHA256SUMS vouches for it). Raises if the release is not whole."""
    problems = verify(warehouse)
    assert problems == [], f"{warehouse} is not a complete release: {problems}"
    digest = hashlib.sha256()
    for name in release_files(warehouse):  # the survey pages in their directory too
        if name == DUCKDB_NAME:
            continue
        digest.update(name.encode() + b"\0" + (warehouse / name).read_bytes() + b"\0")
    return digest.hexdigest()


def cli_env(paths: ProjectPaths, dagster_home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "SURVEY_FIGURES_RAW_DIR": str(paths.raw),
        "SURVEY_FIGURES_WAREHOUSE_DIR": str(paths.warehouse),
        "DAGSTER_HOME": str(dagster_home),
    }


BUILD_COMMAND = [sys.executable, "-m", "pipeline", "build"]
CWD = PROJECT_ROOT
