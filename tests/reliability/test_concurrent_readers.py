"""A separate process reads warehouse/ in a loop (DuckDB read-only, every Parquet file) while 20
releases are published: no read fails, and every read sees whole releases.

Of the 20 releases, 3 come from full in-process builds and 17 from calling `publish` directly
with the tables of the first build, a leaf table cut by a different number of rows each time.
Readers only ever see what `publish` does (stage, then swap), so the direct calls exercise the
swap 17 more times for a fraction of a build's cost; the full builds prove the real path. Every
release differs from all others (a label or row counts), so a pass that reads the same
SHA256SUMS before and after read nothing of another release.

A pass is `consistent` when SHA256SUMS did not change during it: then every Parquet file must
be byte for byte the one SHA256SUMS lists, and DuckDB and Parquet must count the rows of that
release. A pass that straddled a swap must still read each file whole, from one of the
releases published meanwhile (a directory swap makes each file atomic, not a sequence of
reads: a reader wanting one snapshot of several files compares SHA256SUMS before and after, as
this one does).
"""

import hashlib
import json
import random
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest

from pipeline.publish.checksums import SUMS_NAME, read_sums
from pipeline.publish.metadata import load_release_info
from pipeline.publish.release import publish
from schemas import PUBLISHED, table_spec

from ..conftest import build, report
from .releases import CWD

BUILDS = 20
FULL_BUILDS = {0, 9, 19}
LABEL = "  label_en: Use of an artificial intelligence technology\n"
SEED = 7


def _release(warehouse) -> tuple[str, dict]:
    """The key of the release in `warehouse` (SHA-256 of its SHA256SUMS) and what it holds."""
    sums = (warehouse / SUMS_NAME).read_bytes()
    files = read_sums(warehouse / SUMS_NAME)
    rows = {
        name.removesuffix(".parquet"): pq.ParquetFile(warehouse / name).metadata.num_rows
        for name in files
        if name.endswith(".parquet")
    }
    return hashlib.sha256(sums).hexdigest(), {"files": files, "rows": rows}


def _leaf_tables(specs) -> list[str]:
    """Tables that no other table's foreign key references: rows can go without breaking keys."""
    referenced = {
        fk["reference"]["resource"]
        for s in specs
        for fk in s.foreign_keys
        if fk["reference"]["resource"] != s.name
    }
    return [s.name for s in specs if s.name not in referenced]


def _check_pass(record: dict, order: list[str], releases: dict) -> str:
    """'consistent' or 'straddled'; raises AssertionError on a read of no whole release."""
    first, last = order.index(record["sums_before"]), order.index(record["sums_after"])
    assert first <= last, "SHA256SUMS went back to an older release"
    window = [releases[k] for k in order[first : last + 1]]
    for name, (sha, rows) in record["parquet"].items():
        matches = [r for r in window if r["files"].get(name) == sha]
        assert matches, f"{name} is no file of any release published meanwhile"
        assert rows == matches[0]["rows"][name.removesuffix(".parquet")]
    assert any(record["duckdb_rows"] == r["rows"] for r in window), "DuckDB counts no release"
    if first == last:
        release = window[0]
        assert {n: s for n, (s, _) in record["parquet"].items()} == {
            n: s for n, s in release["files"].items() if n.endswith(".parquet")
        }
        return "consistent"
    return "straddled"


@pytest.mark.slow
def test_readers_see_whole_releases_while_20_are_published(project, tmp_path):
    result = build(project)
    assert result.success, report(result)
    specs = [table_spec(m) for m in PUBLISHED]
    tables = {s.name: result.asset_value(s.name) for s in specs}
    # Each build but the full ones publishes a leaf table short of 1 + i rows: every release
    # differs from the others, which the readers need to tell them apart (the DuckDB file is
    # written alike from equal tables, so equal tables would make an equal release).
    leaves = [n for n in _leaf_tables(specs) if len(tables[n]) > BUILDS]
    assert leaves, "no table of the seed has rows enough to cut one more each build"
    key, content = _release(project.warehouse)
    order, releases = [key], {key: content}

    stop = tmp_path / "stop"
    logs = {mode: tmp_path / f"{mode}.jsonl" for mode in ("fresh", "held")}
    readers = {
        mode: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.reliability.reader",
                str(project.warehouse),
                str(log),
                str(stop),
                mode,
            ],
            cwd=CWD,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mode, log in logs.items()
    }
    try:
        for mode in readers:
            _wait_for_passes(logs[mode], 3, readers[mode])
        rng = random.Random(SEED)
        variables = project.raw / "codelists" / "variables.yml"
        for i in range(BUILDS):
            if i in FULL_BUILDS:
                text = variables.read_text(encoding="utf-8")
                label = f"{LABEL[:-1]} (build {i})\n"
                variables.write_text(text.replace(LABEL, label), encoding="utf-8")
                built = build(project)
                assert built.success, report(built)
                variables.write_text(text, encoding="utf-8")
            else:
                leaf = leaves[i % len(leaves)]
                cut = {**tables, leaf: tables[leaf].iloc[: len(tables[leaf]) - 1 - i]}
                info = load_release_info(project.raw)
                publish([(s, cut[s.name]) for s in specs], project.warehouse, info)
            key, content = _release(project.warehouse)
            assert key not in releases, f"build {i} repeated an earlier release"
            order.append(key)
            releases[key] = content
            time.sleep(rng.uniform(0, 0.2))
        for mode in readers:
            _wait_for_passes(logs[mode], _passes(logs[mode]) + 3, readers[mode])
    finally:
        stop.touch()
        for reader in readers.values():
            reader.wait(timeout=60)

    records = {
        m: [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
        for m, log in logs.items()
    }
    for mode, reader in readers.items():
        errors = [r for r in records[mode] if "error" in r]
        assert not errors, f"{mode} reader errors:\n" + "\n".join(
            r["traceback"] for r in errors[:3]
        )
        assert reader.returncode == 0, reader.stderr.read()
    kinds = [_check_pass(r, order, releases) for r in records["fresh"]]
    held = {json.dumps(r["held_rows"], sort_keys=True) for r in records["held"]}
    assert held == {json.dumps(releases[order[0]]["rows"], sort_keys=True)}
    print(
        f"{len(kinds)} reader passes over {BUILDS} releases: "
        f"{kinds.count('consistent')} consistent, {kinds.count('straddled')} straddled a "
        f"swap, 0 errors; {len(records['held'])} queries through a held DuckDB connection "
        "kept its release, 0 errors"
    )
    assert kinds.count("consistent") >= BUILDS


def _passes(log) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def _wait_for_passes(log, count: int, reader, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while _passes(log) < count:
        assert reader.poll() is None, f"reader exited: {reader.stderr.read()}"
        assert time.monotonic() < deadline, "the reader makes no progress"
        time.sleep(0.05)
