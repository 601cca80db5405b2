"""SHA256SUMS and `python -m pipeline verify`: intact, changed, missing and extra files."""

import hashlib
import shutil
import subprocess

import pytest

from pipeline.__main__ import main
from pipeline.publish.checksums import SUMS_NAME, read_sums, verify, write_hashed, write_sums


@pytest.fixture
def release(tmp_path):
    root = tmp_path / "release"
    root.mkdir()
    (root / "a.csv").write_bytes(b"id\r\n1\r\n")
    (root / "b.parquet").write_bytes(b"PAR1\x00\x01PAR1")
    write_sums(root)
    return root


def test_sums_list_every_other_file_sorted(release):
    lines = (release / SUMS_NAME).read_text().splitlines()
    assert [line.split("  ")[1] for line in lines] == ["a.csv", "b.parquet"]
    assert read_sums(release / SUMS_NAME).keys() == {"a.csv", "b.parquet"}


def test_coreutils_sha256sum_accepts_the_file(release):
    if not shutil.which("sha256sum"):
        pytest.skip("no sha256sum")
    subprocess.run(
        ["sha256sum", "--check", "--strict", SUMS_NAME],
        cwd=release,
        check=True,
        capture_output=True,
    )


def test_intact_release_verifies(release, capsys):
    assert verify(release) == []
    assert main(["verify", str(release)]) == 0
    assert "2 files match SHA256SUMS" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda r: (r / "a.csv").write_bytes(b"id\r\n2\r\n"), "changed  a.csv"),
        (lambda r: (r / "b.parquet").unlink(), "missing  b.parquet"),
        (lambda r: (r / "notes.txt").write_text("x"), "extra    notes.txt"),
        (lambda r: (r / SUMS_NAME).unlink(), f"missing  {SUMS_NAME}"),
        (lambda r: (r / SUMS_NAME).write_text("nonsense\n"), "unreadable"),
        (
            lambda r: (r / SUMS_NAME).write_text("0" * 64 + "  ../etc/passwd\n"),
            "outside the release",
        ),
    ],
)
def test_damage_is_named(release, capsys, damage, problem):
    damage(release)
    problems = verify(release)
    assert any(problem in p for p in problems), problems
    assert main(["verify", str(release)]) == 1
    assert problem in capsys.readouterr().out


def test_every_problem_is_reported_at_once(release, capsys):
    (release / "a.csv").write_bytes(b"x")
    (release / "b.parquet").unlink()
    (release / "c.md").write_text("x")
    assert verify(release) == ["changed  a.csv", "missing  b.parquet", "extra    c.md"]


def test_missing_directory_is_an_error(tmp_path, capsys):
    assert main(["verify", str(tmp_path / "nowhere")]) == 2


def test_digests_taken_as_files_were_written_are_not_read_again(tmp_path):
    root = tmp_path / "release"
    root.mkdir()
    digest = write_hashed(root / "a.csv", b"id\r\n1\r\n")
    (root / "b.parquet").write_bytes(b"PAR1")
    assert digest == hashlib.sha256(b"id\r\n1\r\n").hexdigest()
    write_sums(root, {"a.csv": digest})
    assert verify(root) == []
    write_sums(root, {"a.csv": "f" * 64})  # what it was told, not what it would read
    assert read_sums(root / SUMS_NAME)["a.csv"] == "f" * 64
