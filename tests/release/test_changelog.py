"""Versions: the data digest, the version a release carries, CHANGELOG.md, the bump to make."""

import hashlib
import re
import shutil
from dataclasses import replace

import pytest

from pipeline.errors import InputError
from pipeline.publish.changelog import (
    changelog_md,
    data_digest,
    entry_yaml,
    next_version,
    resolve_version,
)
from pipeline.publish.checksums import sums_line
from pipeline.publish.metadata import Version, load_release_info

from ..conftest import RAW

DIGEST_A = "a" * 64
DIGEST_B = "b" * 64


@pytest.fixture
def info():
    return replace(
        load_release_info(RAW),
        versions=[
            Version("1.1.0", "2026-02-01", DIGEST_B, ["Added a source."]),
            Version("1.0.0", "2026-01-01", DIGEST_A, ["First release."]),
        ],
    )


def test_digest_is_sha256sum_of_the_csv_lines():
    sums = {"b.csv": "2" * 64, "a.csv": "1" * 64}
    lines = sums_line("a.csv", "1" * 64) + sums_line("b.csv", "2" * 64)
    assert data_digest(sums) == hashlib.sha256(lines.encode()).hexdigest()


def test_released_data_takes_the_latest_version(info):
    resolved = resolve_version(info, DIGEST_B)
    assert (resolved.version, resolved.date, resolved.released) == ("1.1.0", "2026-02-01", True)


def test_changed_data_is_marked_unreleased(info):
    resolved = resolve_version(info, "c" * 64)
    assert (resolved.version, resolved.released) == ("1.1.0+unreleased", False)
    assert resolved.date == "2026-02-01"  # never the clock: bytes stay reproducible


def test_changelog_lists_versions_newest_first(info):
    text = changelog_md(info, resolve_version(info, DIGEST_B))
    assert text.index("## 1.1.0 — 2026-02-01") < text.index("## 1.0.0 — 2026-01-01")
    assert "- Added a source." in text and "Unreleased" not in text
    assert f"Data digest: `{DIGEST_A}`" in text


def test_changelog_says_when_data_is_unreleased(info):
    text = changelog_md(info, resolve_version(info, "c" * 64))
    assert "## Unreleased" in text and "c" * 64 in text


@pytest.mark.parametrize(
    ("level", "expected"), [("major", "2.0.0"), ("minor", "1.3.0"), ("patch", "1.2.4")]
)
def test_next_version(level, expected):
    assert next_version("1.2.3", level) == expected


def test_suggested_entry_is_valid_release_yaml(tmp_path, info):
    entry = entry_yaml("1.2.0", "2026-03-01", "0123" * 16, ["fact_observation: 2 rows added"])
    text = (RAW / "release.yml").read_text(encoding="utf-8")
    (tmp_path / "release.yml").write_text(text.replace("versions:\n", "versions:\n" + entry, 1))
    latest = load_release_info(tmp_path).latest
    assert latest == Version("1.2.0", "2026-03-01", "0123" * 16, ["fact_observation: 2 rows added"])


def test_release_yml_is_checked_against_its_schema(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "release.yml", raw / "release.yml")
    text = (raw / "release.yml").read_text(encoding="utf-8")
    (raw / "release.yml").write_text(re.sub(r"version: [0-9.]+", "version: one", text, count=1))
    with pytest.raises(InputError, match=r"versions\[0\]\.version"):
        load_release_info(raw)
