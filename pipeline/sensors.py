"""Watch raw/sources: register new sources as partitions and materialize changed ones."""

import hashlib
import json
import re
from pathlib import Path

import dagster as dg

from pipeline.atomic import write_whole
from pipeline.load.documents import input_digest
from pipeline.load.sources import source_dirs
from pipeline.partitions import SOURCES
from pipeline.resources import ProjectPaths

# Dagster writes the cursor into every tick it records (one every 30 s). The digest of each
# source (780 KB of JSON at 10,000 sources) is therefore kept in a file of the store, named
# after its own SHA-256, and the cursor is that name.
STATE_DIR = "sensor"


def source_digests(paths: ProjectPaths) -> dict[str, str]:
    """The current digest of every source directory, by source id."""
    return {d.name: input_digest(d) for d in source_dirs(paths.raw)}


def state_file(paths: ProjectPaths, cursor: str) -> Path:
    """Where the digests a cursor names are kept."""
    return paths.store / STATE_DIR / f"{cursor}.json"


def seen_digests(paths: ProjectPaths, cursor: str | None) -> dict[str, str]:
    """The digests the sensor last acknowledged: the state file the cursor names (an earlier
    version kept them in the cursor itself); none without a cursor, or when the store lost
    the file, so that every source is materialized again."""
    if not cursor:
        return {}
    if cursor.startswith("{"):
        return json.loads(cursor)
    if not re.fullmatch(r"[0-9a-f]{64}", cursor):  # not a name this sensor gave
        return {}
    try:
        return json.loads(state_file(paths, cursor).read_bytes())
    except (FileNotFoundError, ValueError):  # lost or damaged: start again from nothing
        return {}


def keep_digests(paths: ProjectPaths, digests: dict[str, str], cursor: str | None) -> str:
    """Store `digests` in their state file and return its name, the next cursor. Files other
    than this one and the current cursor's are removed (a tick that fails keeps the current
    cursor, whose file must still be there)."""
    data = json.dumps(digests, sort_keys=True).encode()
    name = hashlib.sha256(data).hexdigest()
    target = state_file(paths, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        write_whole(target, data)
    for old in target.parent.glob("*.json"):
        if old.stem not in (name, cursor):
            old.unlink(missing_ok=True)
    return name


@dg.sensor(
    job_name="source_job",
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def raw_sources_sensor(context: dg.SensorEvaluationContext, paths: ProjectPaths):
    """Adds a partition per new directory of raw/sources, drops removed ones, and requests a
    run for every source whose files changed since the last evaluation."""
    seen = seen_digests(paths, context.cursor)
    now = source_digests(paths)
    known = set(context.instance.get_dynamic_partitions(SOURCES.name))
    changed = sorted(k for k, digest in now.items() if seen.get(k) != digest)
    context.update_cursor(keep_digests(paths, now, context.cursor))
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=k, run_key=f"{k}:{now[k]}") for k in changed],
        dynamic_partitions_requests=[
            SOURCES.build_add_request(sorted(set(now) - known)),
            SOURCES.build_delete_request(sorted(known - set(now))),
        ],
    )
