"""Run a build: per-source partitions first (in one run), then everything that combines them."""

from dataclasses import dataclass, field

import dagster as dg

from pipeline.gc_thresholds import fewer_collections
from pipeline.load.sources import source_dirs
from pipeline.partitions import SOURCES
from pipeline.resources import ProjectPaths

# The run's events stay in the instance (and the UI); the terminal gets the build's own report
# (pipeline/run_report.py), which names each bad input once, without Dagster's stack traces.
QUIET = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


def sync_partitions(instance: dg.DagsterInstance, paths: ProjectPaths) -> list[str]:
    """Make the partitions the directories of raw/sources; returns the source ids."""
    ids = [d.name for d in source_dirs(paths.raw)]
    known = set(instance.get_dynamic_partitions(SOURCES.name))
    new = [i for i in ids if i not in known]
    if new:
        instance.add_dynamic_partitions(SOURCES.name, new)
    for gone in sorted(known - set(ids)):
        instance.delete_dynamic_partition(SOURCES.name, gone)
    return ids


@dataclass
class BuildResult:
    """The runs of one build, read as one."""

    runs: list[dg.ExecuteInProcessResult] = field(default_factory=list)

    @property
    def success(self) -> bool:
        return bool(self.runs) and all(r.success for r in self.runs)

    @property
    def all_events(self) -> list:
        return [e for r in self.runs for e in r.all_events]

    def get_asset_check_evaluations(self) -> list:
        return [e for r in self.runs for e in r.get_asset_check_evaluations()]

    def get_asset_materialization_events(self) -> list:
        return [e for r in self.runs for e in r.get_asset_materialization_events()]

    def asset_value(self, key: str):
        for run in reversed(self.runs):
            if dg.AssetKey(key) in {e.asset_key for e in run.get_asset_materialization_events()}:
                return run.asset_value(key)
        raise KeyError(f"{key} was not materialized")


def run_build(
    defs: dg.Definitions,
    instance: dg.DagsterInstance,
    paths: ProjectPaths,
    only: list[str] | None = None,
    run_config: dict | None = None,
) -> BuildResult:
    """Materialize the given sources (all by default) in one run, then the release."""
    with fewer_collections():
        return _run_build(defs, instance, paths, only, run_config)


def _run_build(defs, instance, paths, only, run_config) -> BuildResult:
    ids = sync_partitions(instance, paths)
    targets = [i for i in ids if only is None or i in only]
    result = BuildResult()
    if targets:
        sources = defs.resolve_job_def("source_job")
        if len(targets) == len(ids):
            keys = instance.get_dynamic_partitions(SOURCES.name)  # in the instance's order
            tags = {
                "dagster/asset_partition_range_start": keys[0],
                "dagster/asset_partition_range_end": keys[-1],
            }
            result.runs.append(
                sources.execute_in_process(
                    instance=instance, tags=tags, raise_on_error=False, run_config=run_config
                )
            )
        else:
            for key in targets:
                result.runs.append(
                    sources.execute_in_process(
                        instance=instance,
                        partition_key=key,
                        raise_on_error=False,
                        run_config=run_config,
                    )
                )
    if result.runs and not result.success:
        return result
    release = defs.resolve_job_def("release_job")
    result.runs.append(
        release.execute_in_process(instance=instance, raise_on_error=False, run_config=run_config)
    )
    return result
