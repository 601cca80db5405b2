"""How the full build scales with the number of sources, and what one changed source costs.

Usage (from the repository root)::

    .venv/bin/python bench/scale.py [--sizes 100,1000,10000] [--seed 0] [--keep DIR]

For each size: generate a synthetic corpus (bench/corpus.py) in a temporary directory, then

- baseline: read and SHA-256 every file of the corpus (the least any build must do);
- extraction: ``extract_mentions`` over every text, in this process (MB/s of UTF-8);
- full build: ``pipeline.orchestrate.run_build`` as ``make run`` does it (every source
  partition, then the release job), in a child Python process on a Dagster instance kept in
  the work directory: wall time as seen from here (interpreter start and imports included),
  CPU time of the child and the worker processes it starts (getrusage), peak resident
  memory of the child and its workers together (sampled from /proc every 50 ms), and the
  slowest steps;
- incremental: append a sentence to one source (new SHA-256) and build again with only that
  source re-read (``make run`` with ``--source ID``), on the same instance.

Prints one table with the cost per source at each size (flat = linear growth) and the
incremental rebuild as a fraction of the full build.
"""

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import generate, touch_source  # noqa: E402
from pipeline.__main__ import end  # noqa: E402

TOP_STEPS = 6


def child_build(raw: str, warehouse: str, home: str, only: str) -> dict:
    """Run one build (pipeline.orchestrate.run_build, as `make run` does) in this process.

    `home` keeps the Dagster instance between the full and the incremental build; `only`
    names the one source to re-read ("" for all of them).
    """
    started = time.perf_counter()
    import dagster as dg

    from pipeline.definitions import build_definitions
    from pipeline.instance import write_settings
    from pipeline.orchestrate import QUIET, run_build
    from pipeline.resources import ProjectPaths
    from pipeline.run_report import step_failures

    imported = time.perf_counter()
    paths = ProjectPaths(raw_dir=raw, warehouse_dir=warehouse)
    defs = build_definitions(paths)
    with dg.DagsterInstance.from_config(str(write_settings(Path(home)))) as instance:
        result = run_build(
            defs,
            instance,
            paths,
            only=[only] if only else None,
            run_config=QUIET,
        )
        runs = {}  # wall seconds of each Dagster run, by job
        for run in result.runs:
            stats = instance.get_run_stats(run.run_id)
            job = run.dagster_run.job_name
            runs[job] = runs.get(job, 0.0) + stats.end_time - stats.start_time
    done = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)  # processes reading sources
    steps = {
        e.step_key: e.event_specific_data.duration_ms / 1000
        for run in result.runs
        for e in run.get_step_success_events()
    }
    layers: dict[str, float] = {}  # seconds of steps by asset group; checks apart
    graph = defs.resolve_asset_graph()
    for key, seconds in steps.items():
        asset = dg.AssetKey(key)
        layer = graph.get(asset).group_name if graph.has(asset) else "checks"
        layers[layer] = layers.get(layer, 0.0) + seconds
    failed = [
        c.check_name
        for c in result.get_asset_check_evaluations()
        if not c.passed and c.severity.value == "ERROR"
    ] + step_failures(result)
    return {
        "success": result.success and not failed,
        "failed_checks": failed,
        "import_s": imported - started,
        "job_s": done - imported,
        "cpu_s": usage.ru_utime + usage.ru_stime + workers.ru_utime + workers.ru_stime,
        "source_steps_s": steps.get("source_documents", 0.0),
        "runs_s": runs,
        "steps": dict(sorted(steps.items(), key=lambda kv: -kv[1])[:TOP_STEPS]),
        "layers": layers,
    }


def tree_rss_mb(root: int) -> float:
    """Resident memory of a process and all its descendants (from /proc), in MB."""
    parents, rss = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        pid = int(stat.parent.name)
        parents[pid], rss[pid] = int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    tree, grew = {root}, True
    while grew:
        more = {p for p, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(rss.get(p, 0) for p in tree) / 2**20


def run_build(raw: Path, warehouse: Path, home: Path, only: str = "") -> dict:
    """One build in a child process; peak memory is that of the child and its workers
    together, sampled every 50 ms."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(raw), str(warehouse), str(home), only],
            stdout=stdout,
            stderr=stderr,
            text=True,
        )
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - start
        stdout.seek(0), stderr.seek(0)
        out, err = stdout.read(), stderr.read()
    if proc.returncode != 0:
        raise RuntimeError(f"build failed ({proc.returncode}):\n{err[-4000:]}")
    report = {**json.loads(out.strip().splitlines()[-1]), "peak_rss_mb": peak}
    if not report["success"]:
        raise RuntimeError(f"build of {raw} failed: {report['failed_checks']}")
    return {**report, "wall_s": wall}


def read_and_hash(raw: Path) -> float:
    start = time.perf_counter()
    for path in sorted(raw.rglob("*")):
        if path.is_file():
            hashlib.sha256(path.read_bytes()).hexdigest()
    return time.perf_counter() - start


def extraction_mb_s(raw: Path) -> float:
    from pipeline.extract import extract_mentions

    texts = [p.read_text(encoding="utf-8") for p in sorted(raw.glob("sources/*/article.txt"))]
    extract_mentions("53 % le 20 juin.")  # lexicons load once, outside the timing
    start = time.perf_counter()
    for text in texts:
        extract_mentions(text)
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6 / (time.perf_counter() - start)


def measure(n: int, seed: int, workdir: Path) -> dict:
    raw, warehouse = workdir / f"n{n}" / "raw", workdir / f"n{n}" / "warehouse"
    start = time.perf_counter()
    corpus = generate(n, raw, seed)
    generated = time.perf_counter() - start
    row = {
        "sources": n,
        "text_mb": corpus.text_bytes / 1e6,
        "generate_s": generated,
        "baseline_s": read_and_hash(raw),
        "extract_mb_s": extraction_mb_s(raw),
        "load": os.getloadavg()[0],
    }
    home = workdir / f"n{n}" / "dagster_home"
    home.mkdir(parents=True, exist_ok=True)
    row["full"] = run_build(raw, warehouse, home)
    changed = corpus.source_ids[len(corpus.source_ids) // 2]
    touch_source(raw, changed)
    row["incremental"] = run_build(raw, warehouse, home, only=changed)
    return row


def print_table(rows: list[dict]) -> None:
    print(
        "\n| sources | text MB | baseline read+hash s | full build s (wall) | full build CPU s "
        "| ms per source (wall) | ms per source (CPU) | peak RSS MB | extraction MB/s "
        "| incremental rebuild s (wall) | incremental CPU s | incremental / full "
        "| of which: the source's partition run s | partition run / full | load avg |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        f, i, n = r["full"], r["incremental"], r["sources"]
        print(
            f"| {n:,} | {r['text_mb']:.1f} | {r['baseline_s']:.2f} | {f['wall_s']:.1f} | "
            f"{f['cpu_s']:.1f} | {1000 * f['wall_s'] / n:.1f} | {1000 * f['cpu_s'] / n:.1f} | "
            f"{f['peak_rss_mb']:.0f} | {r['extract_mb_s']:.2f} | {i['wall_s']:.1f} | "
            f"{i['cpu_s']:.1f} | {i['wall_s'] / f['wall_s']:.2f} | "
            f"{i['runs_s'].get('source_job', 0.0):.1f} | "
            f"{i['runs_s'].get('source_job', 0.0) / f['wall_s']:.3f} | {r['load']:.1f} |"
        )
    for r in rows:
        steps = ", ".join(f"{k} {v:.1f}s" for k, v in r["full"]["steps"].items())
        print(f"\n{r['sources']:,} sources, slowest steps of the full build: {steps}")
        print(
            f"  (corpus generated in {r['generate_s']:.1f} s; imports "
            f"{r['full']['import_s']:.1f} s, job {r['full']['job_s']:.1f} s)"
        )
        i = r["incremental"]
        steps = ", ".join(f"{k} {v:.1f}s" for k, v in i["steps"].items())
        runs = ", ".join(f"{k} {v:.1f}s" for k, v in i["runs_s"].items())
        layers = ", ".join(f"{k} {v:.1f}s" for k, v in i["layers"].items())
        print(f"  one-source rebuild: imports {i['import_s']:.1f} s, runs: {runs}")
        print(f"  its steps by layer: {layers}")
        print(f"  its slowest steps: {steps}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="100,1000,10000",
        help="comma-separated corpus sizes (default: 100,1000,10000)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="generate into DIR and keep it")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child_build(*args.child)))
        end(0)  # as `python -m pipeline build` ends
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="scale-") as tmp:
        workdir = args.keep or Path(tmp)
        for n in sizes:
            rows.append(measure(n, args.seed, workdir))
            print(
                f"{n} sources: full {rows[-1]['full']['wall_s']:.1f} s, incremental "
                f"{rows[-1]['incremental']['wall_s']:.1f} s",
                file=sys.stderr,
                flush=True,
            )
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
