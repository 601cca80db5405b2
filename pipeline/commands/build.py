"""`build`: materialize the sources, then the release; report each check; non-zero on failure."""

import argparse

import dagster as dg

from pipeline.errors import InputError
from pipeline.instance import ensure_dagster_home
from pipeline.orchestrate import QUIET, run_build
from pipeline.resources import ProjectPaths
from pipeline.run_report import check_lines, not_materialized, step_failures


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="materialize all assets and publish warehouse/")
    p.add_argument(
        "--source",
        action="append",
        metavar="ID",
        help="re-read only this source (repeatable); the others are reused as last "
        "materialized, after checking that their files did not change",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ensure_dagster_home()
    from pipeline.definitions import defs  # after DAGSTER_HOME is set

    try:
        with dg.DagsterInstance.get() as instance:
            result = run_build(
                defs, instance, ProjectPaths.from_env(), only=args.source, run_config=QUIET
            )
    except InputError as err:  # raw/ unusable before any run starts (e.g. no source at all)
        print(f"FAILED before any run: {err}\nwarehouse/ left as it was")
        return 1
    lines, failed_checks = check_lines(result)
    runs = ", ".join(r.run_id for r in result.runs)
    print(f"runs {runs}: {'succeeded' if result.success else 'FAILED'}")
    print("\n".join(lines))
    failures = step_failures(result)
    if failures:
        print("\n".join(failures))
    planned = set(defs.resolve_asset_graph().get_all_asset_keys())
    missing = not_materialized(result, planned)
    if missing:
        print("not materialized (warehouse/ left as it was): " + ", ".join(missing))
    return 0 if result.success and failed_checks == 0 and not missing else 1
