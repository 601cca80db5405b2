"""What Dagster's own bookkeeping costs per source partition and per step, with the stock
SQLite event log and with the project's one (pipeline/event_storage.py), measured in the same
run.

Usage (from the repository root)::

    .venv/bin/python bench/partition_events.py [--partitions 2000] [--batching-only 10000]
                                               [--steps 50]

Partitions: one asset that does nothing, partitioned like `source_documents` (dynamic
partitions, a single-run backfill policy), materialized over every partition in one run on a
fresh Dagster home: the time is Dagster's alone (planning, one planned and one
materialization event per partition). Steps: a chain of unpartitioned assets that do nothing,
each with a blocking check, as the release job is; the median of three runs. Each
configuration runs in its own child process.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _home(storage: str, home: str) -> Path:
    from pipeline.instance import write_settings

    home_dir = Path(home)
    if storage == "batching":
        write_settings(home_dir)
    else:
        home_dir.mkdir(parents=True, exist_ok=True)
        (home_dir / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    return home_dir


def child_steps(steps: int, storage: str, home: str) -> dict:
    import dagster as dg

    def link(i: int) -> dg.AssetsDefinition:
        @dg.asset(
            name=f"step_{i}",
            deps=[f"step_{i - 1}"] if i else [],
            check_specs=[dg.AssetCheckSpec("ok", asset=f"step_{i}", blocking=True)],
        )
        def _asset():
            yield dg.Output(None, metadata={"rows": i})
            yield dg.AssetCheckResult(passed=True, check_name="ok")

        return _asset

    defs = dg.Definitions(
        assets=[link(i) for i in range(steps)],
        jobs=[dg.define_asset_job("job", selection=dg.AssetSelection.all())],
        executor=dg.in_process_executor,
    )
    with dg.DagsterInstance.from_config(str(_home(storage, home))) as instance:
        job = defs.resolve_job_def("job")
        job.execute_in_process(instance=instance)  # first run: databases created
        times = []
        for _ in range(3):
            start = time.perf_counter()
            result = job.execute_in_process(instance=instance)
            times.append(time.perf_counter() - start)
    return {"success": result.success, "seconds": sorted(times)[1], "materialized": steps}


def child(partitions: int, storage: str, home: str) -> dict:
    import dagster as dg

    parts = dg.DynamicPartitionsDefinition(name="parts")

    @dg.asset(partitions_def=parts, backfill_policy=dg.BackfillPolicy.single_run())
    def nothing(context: dg.AssetExecutionContext) -> None:
        context.partition_keys  # noqa: B018 - resolved as the real asset resolves them

    defs = dg.Definitions(
        assets=[nothing],
        jobs=[dg.define_asset_job("job", selection=[nothing])],
        executor=dg.in_process_executor,
    )
    home_dir = _home(storage, home)
    keys = [f"s{i:06d}" for i in range(partitions)]
    with dg.DagsterInstance.from_config(str(home_dir)) as instance:
        instance.add_dynamic_partitions("parts", keys)
        tags = {
            "dagster/asset_partition_range_start": keys[0],
            "dagster/asset_partition_range_end": keys[-1],
        }
        start = time.perf_counter()
        result = defs.resolve_job_def("job").execute_in_process(instance=instance, tags=tags)
        seconds = time.perf_counter() - start
        stored = len(instance.get_materialized_partitions(dg.AssetKey("nothing")))
    return {"success": result.success, "seconds": seconds, "materialized": stored}


def measure(kind: str, n: int, storage: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="events-") as tmp:
        out = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(n), storage, tmp],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partitions", type=int, default=2000)
    parser.add_argument("--batching-only", type=int, default=10000)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, n, storage, home = args.child
        work = child_steps if kind == "steps" else child
        print(json.dumps(work(int(n), storage, home)))
        return 0
    runs = [(args.partitions, "stock"), (args.partitions, "batching")] if args.partitions else []
    if args.batching_only:
        runs.append((args.batching_only, "batching"))
    print("| partitions | event log | run s | ms per partition | partitions recorded |")
    print("|---:|---|---:|---:|---:|")
    for n, storage in runs:
        r = measure("partitions", n, storage)
        assert r["success"] and r["materialized"] == n, r
        print(f"| {n:,} | {storage} | {r['seconds']:.1f} | {1000 * r['seconds'] / n:.2f} | {n:,} |")
    if args.steps:
        print("\n| steps (each with a blocking check) | event log | run s | ms per step |")
        print("|---:|---|---:|---:|")
        for storage in ("stock", "batching"):
            r = measure("steps", args.steps, storage)
            assert r["success"], r
            ms = 1000 * r["seconds"] / args.steps
            print(f"| {args.steps} | {storage} | {r['seconds']:.2f} | {ms:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
