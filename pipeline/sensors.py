"""Watch raw/sources: register new sources as partitions and materialize changed ones, all of
them in one run when the pipeline's code or lexicons changed."""

import hashlib
import json
import re
import time
from pathlib import Path

import dagster as dg

from pipeline.atomic import write_whole
from pipeline.gc_thresholds import fewer_collections
from pipeline.load.documents import input_digest, input_stats, reading_version
from pipeline.load.sources import source_dirs
from pipeline.partitions import SOURCES
from pipeline.resources import ProjectPaths

# Dagster writes the cursor into every tick it records (one every 30 s). The digest of each
# source (780 KB of JSON at 10,000 sources) is therefore kept in a file of the store, named
# after its own SHA-256, and the cursor is that name.
STATE_DIR = "sensor"
TEXT_FILE = "article.txt"


def _stats(directory: Path) -> str:
    """input_stats of a source directory as one string ("size:mtime:ctime:inode" a file, "-"
    for a missing one): one object a source to keep, compare and write, not sixteen."""
    return " ".join(
        ":".join(map(str, s)) if s is not None else "-" for s in input_stats(directory, TEXT_FILE)
    )


def source_state(paths: ProjectPaths, seen: dict[str, dict]) -> dict[str, dict]:
    """{source id: {"digest", "stats"}} of every source directory. A source whose files have
    the stats `seen` records for it (size, times, inode) keeps its digest; the others are
    hashed again."""
    out = {}
    for directory in source_dirs(paths.raw):
        stats, before = _stats(directory), seen.get(directory.name)
        if before is not None and before["stats"] is not None and before["stats"] == stats:
            digest = before["digest"]
        else:
            digest = input_digest(directory, TEXT_FILE)
        out[directory.name] = {"digest": digest, "stats": stats}
    return out


def state_file(paths: ProjectPaths, cursor: str) -> Path:
    """Where the digests a cursor names are kept."""
    return paths.store / STATE_DIR / f"{cursor}.json"


def seen_state(paths: ProjectPaths, cursor: str | None) -> tuple[dict[str, dict], str | None]:
    """What the sensor last acknowledged: each source as `source_state` gives it, and the
    reading_version of the pipeline that materialized them, from the state file the cursor
    names (earlier versions kept {source id: digest}, in the cursor itself, then in that
    file, and no version); nothing without a cursor, or when the store lost the file, so
    that every source is materialized again."""
    if not cursor:
        return {}, None
    if cursor.startswith("{"):
        found = json.loads(cursor)
    elif not re.fullmatch(r"[0-9a-f]{64}", cursor):  # not a name this sensor gave
        return {}, None
    else:
        try:
            found = json.loads(state_file(paths, cursor).read_bytes())
        except (FileNotFoundError, ValueError):  # lost or damaged: start again from nothing
            return {}, None
    version = found.get("version") if isinstance(found.get("sources"), dict) else None
    sources = found["sources"] if version is not None else found
    return {
        k: v if isinstance(v, dict) else {"digest": v, "stats": None} for k, v in sources.items()
    }, version


def keep_state(
    paths: ProjectPaths, state: dict[str, dict], version: str, cursor: str | None
) -> str:
    """Store `state` and the reading `version` in their state file and return the file's name,
    the next cursor. Files other than this one and the current cursor's are removed (a tick
    that fails keeps the current cursor, whose file must still be there)."""
    data = json.dumps({"version": version, "sources": state}, sort_keys=True).encode()
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
    run for every source whose files changed since the last evaluation; when the pipeline's
    code or lexicons changed since (or on its first evaluation), one run reads every source
    again, as `make run` does: the stored documents of another version are refused."""
    with fewer_collections():  # tens of thousands of small objects, kept until the next tick
        seen, seen_version = seen_state(paths, context.cursor)
        now = source_state(paths, seen)
    in_order = context.instance.get_dynamic_partitions(SOURCES.name)
    known = set(in_order)
    version = reading_version()
    if version != seen_version:
        # Partitions keep the order they were added in; new ones come last, sorted.
        order = [k for k in in_order if k in now] + sorted(set(now) - known)
        requests = [_one_run(order, version)] if order else []
    else:
        changed = (k for k, v in now.items() if k not in seen or seen[k]["digest"] != v["digest"])
        # Dagster launches a run key once: the key names this write of the files (their
        # stats change with every write), so that a source edited back to an earlier text is
        # read again.
        requests = [
            dg.RunRequest(partition_key=k, run_key=f"{k}:{now[k]['digest']}:{now[k]['stats']}")
            for k in sorted(changed)
        ]
    context.update_cursor(keep_state(paths, now, version, context.cursor))
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[
            SOURCES.build_add_request(sorted(set(now) - known)),
            SOURCES.build_delete_request(sorted(known - set(now))),
        ],
    )


def _one_run(order: list[str], version: str) -> dg.RunRequest:
    """One run over every partition, first to last (the asset's single-run backfill). Its key
    names the tick, so that a version rolled back and forth reads every source each time
    (Dagster launches a run key once)."""
    key = f"all:{version}:{time.time_ns()}"
    if len(order) == 1:
        return dg.RunRequest(partition_key=order[0], run_key=key)
    return dg.RunRequest(
        run_key=key,
        tags={
            "dagster/asset_partition_range_start": order[0],
            "dagster/asset_partition_range_end": order[-1],
        },
    )
