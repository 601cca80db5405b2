"""The catalogue of bad inputs in bad_inputs/: each is refused with a message naming the file,
the entry and the fix, and leaves the published release byte for byte as it was; the few that
are fine French typography (BOM, CRLF, no-break spaces, quotes, formulas) build with the right
offsets.

Each case is one small YAML file: the steps that spoil a copy of raw/ and what to expect. The
cases marked `cli: true` run `python -m pipeline build` to prove the exit code; the others
build in process, which is faster and reports the same lines.
"""

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipeline.publish.checksums import verify
from pipeline.publish.release import DUCKDB_NAME

from ..conftest import RAW, SEED_ID, build, report, tree_digest
from .catalogue import (
    MESSAGE_PARTS,
    build_cli,
    build_in_process,
    cases,
    load_case,
    message_lines,
    prepare,
)

CASES = cases()


@pytest.fixture(scope="module")
def good_release(tmp_path_factory) -> Path:
    """The release of the committed raw/, built once: what every case starts from."""
    from pipeline.resources import ProjectPaths

    root = tmp_path_factory.mktemp("good")
    shutil.copytree(RAW, root / "raw")
    result = build(ProjectPaths(raw_dir=str(root / "raw"), warehouse_dir=str(root / "wh")))
    assert result.success, report(result)
    return root / "wh"


def test_the_catalogue_is_complete():
    assert len(CASES) >= 30
    for path in CASES:
        case = load_case(path)
        assert case["description"], path.name
        for message in case["expect"].get("messages", []):
            assert {"file", "problem", "fix"} <= message.keys() <= set(MESSAGE_PARTS), path.name


def _decoded(raw: Path, source_id: str) -> str:
    directory = raw / "sources" / source_id
    return next(directory.glob("*.txt")).read_bytes().decode("utf-8-sig")


def check_published(expect: dict, raw: Path, warehouse: Path) -> None:
    """The release is complete, every quote is its text's slice, and the listed values hold."""
    assert verify(warehouse) == []
    evidence = pd.read_parquet(warehouse / "fact_evidence.parquet")
    texts = {s: _decoded(raw, s) for s in evidence["source_id"].unique()}
    for row in evidence.itertuples(index=False):
        text = texts[row.source_id]
        assert text[row.char_start : row.char_end] == row.quote, row
        assert text[row.number_start : row.number_end] == row.number_text, row
    seed = evidence[evidence["source_id"] == SEED_ID].set_index("observation_id")
    for observation_id, fields in (expect.get("evidence") or {}).items():
        assert {k: seed.loc[observation_id, k] for k in fields} == fields, observation_id
    facts = pd.read_parquet(warehouse / "fact_observation.parquet").set_index("observation_id")
    for observation_id, value in (expect.get("values") or {}).items():
        assert facts.loc[observation_id, "value"] == value, observation_id
    con = duckdb.connect(str(warehouse / DUCKDB_NAME), read_only=True)
    try:
        for cell in expect.get("cells") or []:
            parquet = pd.read_parquet(warehouse / f"{cell['table']}.parquet")
            assert cell["value"] in set(parquet[cell["column"]]), cell
            assert cell["value"] in set(con.table(cell["table"]).df()[cell["column"]]), cell
    finally:
        con.close()
    for item in expect.get("csv") or []:
        assert item["contains"] in (warehouse / item["file"]).read_text(encoding="utf-8"), item


@pytest.mark.parametrize("case_path", CASES, ids=[p.stem for p in CASES])
def test_bad_input(case_path, project, good_release, tmp_path):
    case = load_case(case_path)
    expect = case["expect"]
    for path in expect.get("absent", []):
        Path(path).unlink(missing_ok=True)
    shutil.copytree(good_release, project.warehouse)
    before = tree_digest(project.warehouse)
    prepare(case, project)

    if case.get("cli"):
        outcome = build_cli(project, tmp_path / "dagster_home")
        assert outcome.exit_code == (0 if expect["outcome"] == "published" else 1), outcome.report
        # The report names each bad input once, on one line: no stack trace, no warning.
        for noise in ("Traceback", "Stack Trace", "Warning"):
            assert noise not in outcome.report, outcome.report
    else:
        outcome = build_in_process(project)

    if expect["outcome"] == "published":
        assert outcome.published, outcome.report
        check_published(expect, project.raw, project.warehouse)
    else:
        assert not outcome.published, f"published what should be refused:\n{outcome.report}"
        for message in expect["messages"]:
            assert message_lines(outcome.report, message), (
                f"no line of the report holds all of {message}:\n{outcome.report}"
            )
        assert tree_digest(project.warehouse) == before, "the published release changed"
    assert not list(project.warehouse.parent.glob("warehouse.new-*")), "staging tree left"
    for path in expect.get("absent", []):
        assert not Path(path).exists(), f"{path} exists: the input ran code"
