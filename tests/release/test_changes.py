"""What changed between two releases, and the version bump it calls for."""

import hashlib
import json
import shutil

import pytest

from pipeline.publish.changes import release_changes


def edited_copy(release, tmp_path, table: str, edit) -> object:
    """A copy of `release` whose `table`.csv went through `edit`, its hash updated."""
    copy = tmp_path / "edited"
    shutil.copytree(release, copy)
    path = copy / f"{table}.csv"
    lines = path.read_bytes().split(b"\r\n")
    path.write_bytes(b"\r\n".join(edit(lines)))
    package_path = copy / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["path"] == path.name:
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    package_path.write_text(json.dumps(package), encoding="utf-8")
    return copy


def test_same_release_has_no_change(seed_release):
    assert release_changes(seed_release, seed_release) == ("patch", [])


@pytest.mark.parametrize(
    ("edit", "level", "line"),
    [
        (lambda lines: lines[:1] + lines[2:], "major", "fact_observation: 1 row removed"),
        (
            lambda lines: [lines[0], lines[1].replace(b",17.0,", b",18.0,"), *lines[2:]],
            "patch",
            "fact_observation: 1 row changed",
        ),
    ],
)
def test_row_changes_are_counted(seed_release, tmp_path, edit, level, line):
    new = edited_copy(seed_release, tmp_path, "fact_observation", edit)
    assert release_changes(seed_release, new) == (level, [line])


def test_rows_added_are_a_minor_change(seed_release, tmp_path):
    old = edited_copy(
        seed_release, tmp_path, "fact_observation", lambda lines: lines[:1] + lines[2:]
    )
    assert release_changes(old, seed_release) == ("minor", ["fact_observation: 1 row added"])
