"""Watch raw/sources: register new sources as partitions and materialize changed ones."""

import json

import dagster as dg

from pipeline.load.documents import input_digest
from pipeline.load.sources import source_dirs
from pipeline.partitions import SOURCES
from pipeline.resources import ProjectPaths


def source_digests(paths: ProjectPaths) -> dict[str, str]:
    """The current digest of every source directory, by source id."""
    return {d.name: input_digest(d) for d in source_dirs(paths.raw)}


@dg.sensor(
    job_name="source_job",
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def raw_sources_sensor(context: dg.SensorEvaluationContext, paths: ProjectPaths):
    """Adds a partition per new directory of raw/sources, drops removed ones, and requests a
    run for every source whose files changed since the last evaluation."""
    seen = json.loads(context.cursor) if context.cursor else {}
    now = source_digests(paths)
    known = set(context.instance.get_dynamic_partitions(SOURCES.name))
    changed = sorted(k for k, digest in now.items() if seen.get(k) != digest)
    context.update_cursor(json.dumps(now, sort_keys=True))
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=k, run_key=f"{k}:{now[k]}") for k in changed],
        dynamic_partitions_requests=[
            SOURCES.build_add_request(sorted(set(now) - known)),
            SOURCES.build_delete_request(sorted(known - set(now))),
        ],
    )
