"""The benchmark scripts still run against the current code: each at a tiny size, as a person
runs it from the repository root, with the figures it prints."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_sensor_tick_runs():
    out = run("sensor_tick.py", "--sources", "30", "--rounds", "1")
    assert "sources: 30; minimum of 1 rounds, same run" in out
    for line in ("first tick", "baseline, every source hashed", "tick, nothing changed"):
        assert re.search(rf"{line}[^:]*:\s+\d+\.\d{{3}} s", out), (line, out)


@pytest.mark.slow
def test_scale_runs():
    out = run("scale.py", "--sizes", "30")
    row = next(line for line in out.splitlines() if line.startswith("| 30 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == 15 and all(re.fullmatch(r"[\d.,]+", c) for c in cells), row
    assert "one-source rebuild" in out


def test_duckdb_write_runs(seed_release):
    out = run("duckdb_write.py", str(seed_release), "--repeat", "1")
    assert re.search(r"^[\d,]+ rows in 13 tables$", out, re.M), out
    for storage in ("v1.0.0", "default"):
        assert re.search(rf"^\| {storage} \| \d+\.\d\d \| \d+\.\d \|$", out, re.M), out


def test_release_files_runs(seed_release):
    out = run("release_files.py", str(seed_release), "--repeat", "1")
    assert re.search(r"^[\d,]+ rows in 13 tables, best of 1$", out, re.M), out
    for part in ("DuckDB file", "Parquet files", "CSV files", "index.html and 1 survey page"):
        assert re.search(rf"^\| {part}[^|]* \| \d+\.\d\d \|$", out, re.M), (part, out)
    assert re.search(r"^\| all parts, one after the other \| \d+\.\d\d \|$", out, re.M), out


def test_draft_agreement_runs():
    out = run("draft_agreement.py")
    assert re.search(r"^\d+ curated sources$", out, re.M), out
    for outcome in ("same", "other value", "other unit", "none", "agreed", "with a reason"):
        assert re.search(rf"^  {outcome} +\d+ of \d+ \(\d+ %\)$", out, re.M), (outcome, out)
