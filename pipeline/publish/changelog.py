"""The data's version: a digest of the published tables, matched against raw/release.yml."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.publish.checksums import SUMS_NAME, read_sums, sums_line
from pipeline.publish.metadata import ReleaseInfo, Version

UNRELEASED = "unreleased"


def data_digest(csv_sha256: dict[str, str]) -> str:
    """SHA-256 of the SHA256SUMS lines of the CSV files: `grep '\\.csv$' SHA256SUMS | sha256sum`."""
    lines = "".join(sums_line(name, csv_sha256[name]) for name in sorted(csv_sha256))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def release_digest(release: Path) -> str:
    """The data digest of a built release, from its SHA256SUMS."""
    sums = read_sums(release / SUMS_NAME)
    return data_digest({name: h for name, h in sums.items() if name.endswith(".csv")})


@dataclass(frozen=True)
class Resolved:
    """The version a release carries, and whether raw/release.yml records its data."""

    version: str
    date: str
    digest: str
    released: bool


def resolve_version(info: ReleaseInfo, digest: str) -> Resolved:
    """The latest version when its digest is the data's; otherwise that version + 'unreleased'."""
    latest = info.latest
    if latest.data_digest == digest:
        return Resolved(latest.version, latest.date, digest, True)
    return Resolved(f"{latest.version}+{UNRELEASED}", latest.date, digest, False)


def next_version(current: str, level: str) -> str:
    """`current` bumped at `level`: 'major', 'minor' or 'patch'."""
    ma, mi, pa = (int(x) for x in current.split("."))
    return {"major": f"{ma + 1}.0.0", "minor": f"{ma}.{mi + 1}.0", "patch": f"{ma}.{mi}.{pa + 1}"}[
        level
    ]


def entry_yaml(version: str, date: str, digest: str, changes: list[str]) -> str:
    """A `versions:` entry of raw/release.yml, ready to paste at the top of the list."""
    items = "".join(f"      - {json.dumps(c, ensure_ascii=False)}\n" for c in changes)
    return (
        f'  - version: {version}\n    date: {date}\n    data_digest: "{digest}"\n'
        f"    changes:\n{items}"
    )


def _section(v: Version) -> str:
    changes = "".join(f"- {' '.join(c.split())}\n" for c in v.changes)
    return f"## {v.version} — {v.date}\n\n{changes}\nData digest: `{v.data_digest}`\n"


def changelog_md(info: ReleaseInfo, resolved: Resolved) -> str:
    """CHANGELOG.md: one section per version in raw/release.yml, newest first."""
    head = (
        f"# Changelog — {info.title}\n\n"
        "Versions of the published data, newest first. The version changes whenever the data "
        "in the tables changes: MAJOR when a table, a column or rows are removed, MINOR when "
        "tables, columns or rows are added, PATCH when values are corrected. The data digest "
        "of a version "
        "is the SHA-256 of the lines of its SHA256SUMS that name CSV files "
        "(`grep '\\.csv$' SHA256SUMS | sha256sum`).\n"
    )
    sections = (
        []
        if resolved.released
        else [
            f"## Unreleased\n\nThe data differs from version {info.latest.version} (data digest "
            f"`{resolved.digest}`) and raw/release.yml has no entry for it yet.\n"
        ]
    )
    sections += [_section(v) for v in info.versions]
    return head + "\n" + "\n".join(sections)
