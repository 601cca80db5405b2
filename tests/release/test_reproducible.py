"""Building twice from the same inputs gives the same release, byte for byte (DuckDB: content)."""

import shutil

import duckdb
import pytest

from pipeline.publish.release import DUCKDB_NAME

from ..conftest import build, report
from .compare import release_differences


@pytest.mark.slow
def test_second_build_is_identical(seed_release, project):
    result = build(project)
    assert result.success, report(result)
    assert release_differences(seed_release, project.warehouse) == []


def test_comparison_notices_changed_bytes_and_content(seed_release, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(seed_release, copy)
    (copy / "index.html").write_text("changed")
    (copy / "DATA_DICTIONARY.md").unlink()
    con = duckdb.connect(str(copy / DUCKDB_NAME))
    con.execute("UPDATE dim_source SET title = 'x'")
    con.close()
    assert release_differences(seed_release, copy) == [
        "DATA_DICTIONARY.md: only in expected",
        "index.html: different bytes",
        f"{DUCKDB_NAME}: different content",
    ]
