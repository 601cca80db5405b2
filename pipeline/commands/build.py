"""`build`: materialize every asset in process and report each check; non-zero on failure."""

import argparse

import dagster as dg

from pipeline.instance import ensure_dagster_home
from pipeline.run_report import check_lines, not_materialized, step_failures


# The run's events stay in the instance (and the UI); the terminal gets warnings and the summary.
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="materialize all assets and publish warehouse/")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ensure_dagster_home()
    from pipeline.definitions import defs  # after DAGSTER_HOME is set

    job = defs.resolve_implicit_global_asset_job_def()
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(
            instance=instance, raise_on_error=False, run_config=QUIET
        )
    lines, failed_checks = check_lines(result)
    print(f"run {result.run_id}: {'succeeded' if result.success else 'FAILED'}")
    print("\n".join(lines))
    failures = step_failures(result)
    if failures:
        print("\n".join(failures))
    planned = set(defs.resolve_asset_graph().get_all_asset_keys())
    missing = not_materialized(result, planned)
    if missing:
        print("not materialized (warehouse/ left as it was): " + ", ".join(missing))
    return 0 if result.success and failed_checks == 0 and not missing else 1
