"""Where the full build spends its time: cProfile over one in-process build of a corpus.

Usage (from the repository root)::

    .venv/bin/python bench/profile_build.py [--sources 1000] [--seed 0] [--top 30]
                                            [--out build.prof]

Generates a synthetic corpus (bench/corpus.py), builds it once outside the profiler (so
that imports and first-call caches do not count), then again under cProfile, and prints
the functions with the most own time and the most cumulative time. The .prof file opens in
any pstats viewer (e.g. ``python -m pstats build.prof``).
"""

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import dagster as dg  # noqa: E402

from bench.corpus import generate, touch_source  # noqa: E402
from pipeline.definitions import build_definitions  # noqa: E402
from pipeline.instance import write_settings  # noqa: E402
from pipeline.orchestrate import QUIET, run_build  # noqa: E402
from pipeline.resources import ProjectPaths  # noqa: E402


def build_once(raw: Path, warehouse: Path, home: Path, only: list[str] | None = None) -> float:
    """One full build as `make run` does it (a Dagster home with the project's settings);
    its wall time."""
    paths = ProjectPaths(raw_dir=str(raw), warehouse_dir=str(warehouse))
    start = time.perf_counter()
    with dg.DagsterInstance.from_config(str(write_settings(home))) as instance:
        result = run_build(build_definitions(paths), instance, paths, only=only, run_config=QUIET)
    if not result.success:
        raise RuntimeError("the build failed")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", type=Path, help="write the cProfile stats here")
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="profile the rebuild after one source changed (--source ID), not the full build",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="profile-") as tmp:
        raw, warehouse = Path(tmp) / "raw", Path(tmp) / "warehouse"
        generate(args.sources, raw, args.seed)
        home = Path(tmp) / ("home" if args.incremental else "home_warm")
        warm = build_once(raw, warehouse, home)
        only = None
        if args.incremental:
            only = [min(p.name for p in (raw / "sources").iterdir())]
            touch_source(raw, only[0])
        profiler = cProfile.Profile()
        profiler.enable()
        profiled = build_once(raw, warehouse, Path(tmp) / "home", only=only)
        profiler.disable()
    what = "one-source rebuild" if args.incremental else "build"
    print(f"{args.sources} sources: build {warm:.1f} s, {what} under cProfile {profiled:.1f} s")
    if args.out:
        profiler.dump_stats(args.out)
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats(order).print_stats(args.top)
        print(f"\n=== top {args.top} by {order} ===")
        print(buffer.getvalue().split("\n", 6)[-1].rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
