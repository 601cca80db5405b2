"""`python -m pipeline extract PATH`: JSON lines, or a one-line error and exit code 2."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_prints_one_json_object_per_mention(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes("\ufeffPrès d’un quart (23\u202f%) des 1.600 dirigeants.\r\nFin.\r\n".encode())
    result = run_cli(str(path))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["surface"], r["kind"], r["value"]) for r in rows] == [
        ("un quart", "fraction", 25.0),
        ("23\u202f%", "percent", 23.0),
        ("1.600", "count", 1600.0),
    ]
    first = rows[0]
    assert {"start", "end", "approx", "qualifier", "sentence"} <= set(first)
    assert first["qualifier"] == "Près d’" and first["approx"] is True
    assert first["sentence"] == "Près d’un quart (23\u202f%) des 1.600 dirigeants."
    assert "\\u" not in result.stdout  # ensure_ascii=False


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.write_bytes("café 53 %".encode("latin-1")), p)[1], "not UTF-8"),
        (lambda p: (p.mkdir(), p)[1], "is a directory"),
    ],
    ids=["missing", "latin-1", "directory"],
)
def test_unreadable_file_exits_2_with_one_line(tmp_path, make, fragment):
    path = make(tmp_path / "article.txt")
    result = run_cli(str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and fragment in lines[0]
