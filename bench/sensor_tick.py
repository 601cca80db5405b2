"""What one tick of `raw_sources_sensor` costs at a corpus size, against hashing every source.

Usage (from the repository root)::

    .venv/bin/python bench/sensor_tick.py [--sources 10000] [--rounds 5] [--seed 0]

Generates a synthetic corpus (bench/corpus.py) in a temporary directory, runs the sensor's
first tick (every source hashed, one run requested over them all), then times, in the same run and
alternating, `rounds` times each:

- baseline: the digest of every source (`input_digest`), which is what each tick did before
  the sensor recorded its files' stats;
- tick: a full evaluation of the sensor on an unchanged corpus (stats compared, nothing
  hashed, nothing requested, the state file kept);
- one edit: a tick after one source was edited (that source hashed and requested).

Prints the minimum of each (the machine is shared: the minimum is the least disturbed).
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import dagster as dg  # noqa: E402

from bench.corpus import generate, touch_source  # noqa: E402
from pipeline.load.documents import input_digest  # noqa: E402
from pipeline.load.sources import source_dirs  # noqa: E402
from pipeline.resources import ProjectPaths  # noqa: E402
from pipeline.sensors import raw_sources_sensor  # noqa: E402


def tick(instance, paths: ProjectPaths, cursor: str | None) -> tuple[list[str], str]:
    context = dg.build_sensor_context(instance=instance, resources={"paths": paths}, cursor=cursor)
    result = raw_sources_sensor(context)
    requested = [
        r.partition_key or f"{r.partition_key_range.start}..{r.partition_key_range.end}"
        for r in result.run_requests
    ]
    return requested, context.cursor


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="sensor-tick-") as tmp,
        dg.DagsterInstance.ephemeral() as instance,
    ):
        raw = Path(tmp) / "raw"
        corpus = generate(args.sources, raw, seed=args.seed)
        paths = ProjectPaths(
            raw_dir=str(raw), warehouse_dir=str(Path(tmp) / "wh"), store_dir=str(Path(tmp) / "st")
        )
        first, (requested, cursor) = timed(lambda: tick(instance, paths, None))
        ids = sorted(corpus.source_ids)
        assert requested == [f"{ids[0]}..{ids[-1]}"]  # one run reads them all
        baseline, unchanged, edited = [], [], []
        for i in range(args.rounds):
            seconds, _ = timed(lambda: [input_digest(d) for d in source_dirs(raw)])
            baseline.append(seconds)
            seconds, (requested, cursor) = timed(lambda c=cursor: tick(instance, paths, c))
            assert requested == []
            unchanged.append(seconds)
            source_id = corpus.source_ids[i % len(corpus.source_ids)]
            touch_source(raw, source_id)
            seconds, (requested, cursor) = timed(lambda c=cursor: tick(instance, paths, c))
            assert requested == [source_id]
            edited.append(seconds)
    print(f"sources: {args.sources:,}; minimum of {args.rounds} rounds, same run")
    print(f"  first tick (every source hashed, one run):      {first:.3f} s")
    print(f"  baseline, every source hashed:                   {min(baseline):.3f} s")
    print(f"  tick, nothing changed:                           {min(unchanged):.3f} s")
    print(f"  tick, one source edited:                         {min(edited):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
