"""warehouse/ in the repository is the current release, and raw/release.yml versions its data."""

import datetime as dt
import json

from pipeline.publish.bundle import DATAPACKAGE
from pipeline.publish.changelog import entry_yaml, next_version, release_digest
from pipeline.publish.changes import release_changes
from pipeline.publish.checksums import verify
from pipeline.publish.metadata import ReleaseInfo, load_release_info
from pipeline.resources import PROJECT_ROOT

from ..conftest import RAW
from .compare import release_differences

COMMITTED = PROJECT_ROOT / "warehouse"


def _committed_version() -> str | None:
    path = COMMITTED / DATAPACKAGE
    return json.loads(path.read_text(encoding="utf-8"))["version"] if path.exists() else None


def version_advice(info: ReleaseInfo, digest: str, built) -> str:
    """What to add to raw/release.yml so that the data just built has a version."""
    latest = info.latest
    if _committed_version() == latest.version:
        level, changes = release_changes(COMMITTED, built)
        since = f"since the committed release {latest.version} (warehouse/)"
    else:
        level, changes = "minor", ["<what changed in the data>"]
        since = f"since {latest.version}: compare with that version's warehouse/ in git history"
    version = next_version(latest.version, level)
    listed = "\n".join(f"  - {c}" for c in changes) or "  (no table differs)"
    entry = entry_yaml(version, dt.date.today().isoformat(), digest, changes)
    return (
        f"The published data changed: its digest is {digest}, but the latest version in "
        f"raw/release.yml, {latest.version}, records {latest.data_digest}.\n"
        f"What changed {since}:\n{listed}\n"
        f"Add this entry at the top of `versions:` in raw/release.yml (say in words what "
        f"changed and why; a {level} bump), then run `make run` and commit warehouse/:\n\n"
        f"{entry}"
    )


def test_release_yml_has_a_version_for_the_data(seed_release):
    info = load_release_info(RAW)
    digest = release_digest(seed_release)
    assert info.latest.data_digest == digest, version_advice(info, digest, seed_release)


def test_versions_are_unique_and_newest_first():
    versions = load_release_info(RAW).versions
    keys = [tuple(int(x) for x in v.version.split(".")) for v in versions]
    assert keys == sorted(set(keys), reverse=True)
    assert [v.date for v in versions] == sorted((v.date for v in versions), reverse=True)


def test_committed_release_is_intact():
    assert COMMITTED.is_dir(), "no warehouse/: run `make run` and commit it"
    assert verify(COMMITTED) == []


def test_committed_release_is_current(seed_release):
    differences = release_differences(COMMITTED, seed_release)
    assert differences == [], (
        "warehouse/ is not the release that the code and raw/ build now; run `make run` and "
        "commit warehouse/. Differences: " + "; ".join(differences)
    )
