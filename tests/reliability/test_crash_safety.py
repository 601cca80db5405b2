"""SIGKILL the build at random points: warehouse/ always holds one whole release (the previous
one or the new one, checked against its SHA256SUMS), and the next build succeeds.

The build runs as `python -m pipeline build` in a subprocess, alternating between two raw/
states whose releases differ. One uninterrupted build first measures when the staging tree
appears and when it is swapped in. Of the 10 kills (seeded), 5 strike at a random time over the
whole build, 4 while the release is being written into the staging tree (spread over that
window), and 1 just after the swap: a kill before staging cannot touch warehouse/, so the
critical section gets its share on purpose.
"""

import os
import random
import signal
import subprocess
import time

import dagster as dg
import pytest

from pipeline.definitions import build_definitions
from pipeline.orchestrate import QUIET, BuildResult, run_build

from ..conftest import build, report
from .releases import BUILD_COMMAND, CWD, cli_env, release_id, set_state

SEED = 20261126
# (phase, count): when each kill's random delay starts counting.
SCHEDULE = [("start", 5), ("staged", 4), ("swapped", 1)]


def _staging(paths) -> list:
    return list(paths.warehouse.parent.glob(f"{paths.warehouse.name}.new-*"))


def _run(paths, env, phase: str | None = None, delay: float = 0.0, timeout=180.0) -> dict:
    """Run the build; SIGKILL it `delay` seconds after `phase` (start, staged, swapped)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        BUILD_COMMAND,
        cwd=CWD,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    seen = {"start": 0.0}
    while proc.poll() is None and time.perf_counter() - start < timeout:
        now = time.perf_counter() - start
        staged = bool(_staging(paths))
        if staged and "staged" not in seen:
            seen["staged"] = now
        if not staged and "staged" in seen and "swapped" not in seen:
            seen["swapped"] = now
        if phase in seen and now >= seen[phase] + delay:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return {
                "phase": phase,
                "killed_at": round(now, 3),
                "staging_present": staged,
                "exit": proc.returncode,
            }
        time.sleep(0.002)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail(f"build did not finish in {timeout} s")
    return {
        "phase": phase,
        "killed_at": None,
        "staging_present": False,
        "exit": proc.returncode,
        **seen,
        "end": time.perf_counter() - start,
    }


def build_on_home(paths, home) -> BuildResult:
    """What `python -m pipeline build` runs, in this process, on the Dagster home at `home`."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        return run_build(build_definitions(paths), instance, paths, run_config=QUIET)


@pytest.mark.slow
def test_killed_builds_leave_a_whole_release(project, tmp_path):
    home = tmp_path / "dagster_home"
    env = cli_env(project, home)
    result = build(project)  # release "a": the committed raw/
    assert result.success, report(result)
    expected = {"a": release_id(project.warehouse)}

    # One uninterrupted command-line build (a → b) gives release "b" and the build's timeline.
    set_state(project.raw, "b")
    timing = _run(project, env)
    assert timing["exit"] == 0 and "swapped" in timing, timing
    expected["b"] = release_id(project.warehouse)
    assert expected["a"] != expected["b"]
    staging = timing["swapped"] - timing["staged"]

    rng = random.Random(SEED)
    plan = [(phase, i, n) for phase, n in SCHEDULE for i in range(n)]
    rng.shuffle(plan)
    current, log = "b", []
    for phase, i, n in plan:
        if phase == "start":
            delay = rng.uniform(0, timing["end"])
        elif phase == "staged":
            delay = staging * 0.9 * (i + rng.random()) / n
        else:
            delay = rng.uniform(0, 0.2)
        new = "a" if current == "b" else "b"
        set_state(project.raw, new)
        run = _run(project, env, phase, delay)

        held = release_id(project.warehouse)  # raises unless whole per its SHA256SUMS
        assert held in (expected[current], expected[new]), f"{run}: neither release"
        run["holds"] = "new" if held == expected[new] else "previous"
        run["delay"] = round(delay, 3)
        log.append(run)

        # The next build, on the Dagster home whose run the kill interrupted, cleans whatever
        # the killed one left and publishes the new state.
        result = build_on_home(project, home)
        assert result.success, report(result)
        assert release_id(project.warehouse) == expected[new]
        assert not _staging(project), "staging tree left after a successful build"
        current = new

    print(
        f"build {timing['end']:.1f} s, staging tree from {timing['staged']:.2f} s "
        f"to {timing['swapped']:.2f} s"
    )
    for entry in log:
        print(entry)
    assert len(log) == 10
    assert sum(e["staging_present"] for e in log) >= 2, f"too few kills mid-publish: {log}"
    verify = subprocess.run(
        [*BUILD_COMMAND[:-1], "verify", str(project.warehouse)],
        cwd=CWD,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
