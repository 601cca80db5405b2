"""What changed between two releases, table by table, and the version bump that calls for."""

import csv
import json
from pathlib import Path

LEVELS = ("patch", "minor", "major")


def _tables(release: Path) -> dict[str, dict]:
    """Table name → its CSV resource in the release's datapackage.json."""
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    return {
        r["path"].removesuffix(".csv"): r for r in package["resources"] if r.get("format") == "csv"
    }


def _rows(release: Path, resource: dict) -> dict[tuple, dict]:
    key = resource["schema"].get("primaryKey") or [f["name"] for f in resource["schema"]["fields"]]
    with open(release / resource["path"], encoding="utf-8", newline="") as fh:
        return {tuple(row[k] for k in key): row for row in csv.DictReader(fh)}


def _table_changes(name: str, old: tuple, new: tuple) -> tuple[str, str] | None:
    (old_release, old_res), (new_release, new_res) = old, new
    if old_res.get("hash") == new_res.get("hash"):
        return None
    old_cols = [f["name"] for f in old_res["schema"]["fields"]]
    new_cols = [f["name"] for f in new_res["schema"]["fields"]]
    old_rows, new_rows = _rows(old_release, old_res), _rows(new_release, new_res)
    gone, added = old_rows.keys() - new_rows.keys(), new_rows.keys() - old_rows.keys()
    common = [c for c in new_cols if c in old_cols]
    changed = sum(
        1
        for k in old_rows.keys() & new_rows.keys()
        if any(old_rows[k][c] != new_rows[k][c] for c in common)
    )
    parts, level = [], "patch"
    for what, items, lvl in (
        ("columns removed", [c for c in old_cols if c not in new_cols], "major"),
        ("columns added", [c for c in new_cols if c not in old_cols], "minor"),
    ):
        if items:
            parts.append(f"{what}: {', '.join(items)}")
            level = max(level, lvl, key=LEVELS.index)
    for what, count, lvl in (
        ("removed", len(gone), "major"),
        ("added", len(added), "minor"),
        ("changed", changed, "patch"),
    ):
        if count:
            parts.append(f"{count} row{'' if count == 1 else 's'} {what}")
            level = max(level, lvl, key=LEVELS.index)
    return level, f"{name}: " + ("; ".join(parts) or "cells rewritten, same values")


def release_changes(old: Path, new: Path) -> tuple[str, list[str]]:
    """The bump level ('major', 'minor', 'patch') and one line per changed table."""
    old_tables, new_tables = _tables(old), _tables(new)
    level, lines = "patch", []
    for name in sorted(old_tables.keys() | new_tables.keys()):
        if name not in new_tables:
            level, change = "major", (f"{name}: table removed")
        elif name not in old_tables:
            level = max(level, "minor", key=LEVELS.index)
            change = f"{name}: table added ({len(_rows(new, new_tables[name]))} rows)"
        else:
            found = _table_changes(name, (old, old_tables[name]), (new, new_tables[name]))
            if found is None:
                continue
            level = max(level, found[0], key=LEVELS.index)
            change = found[1]
        lines.append(change)
    return level, lines
