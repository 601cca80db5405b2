"""Run one bad-input fixture of bad_inputs/: apply it to a copy of raw/, build, read the outcome."""

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import yaml

from pipeline.errors import InputError
from pipeline.resources import PROJECT_ROOT, ProjectPaths
from pipeline.run_report import check_lines

from ..conftest import build, report
from .mutate import apply_steps

CASES_DIR = Path(__file__).with_name("bad_inputs")
MESSAGE_PARTS = ("file", "entry", "problem", "fix")
RELEASE = dg.AssetKey("warehouse_release")


@dataclass(frozen=True)
class Outcome:
    published: bool
    report: str
    exit_code: int | None = None  # only when run through the command line


def load_case(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert case["expect"]["outcome"] in ("refused", "published"), path.name
    return case


def cases() -> list[Path]:
    return sorted(CASES_DIR.glob("*.yml"))


def prepare(case: dict, paths: ProjectPaths) -> None:
    apply_steps(paths.raw, case.get("steps", []))


def build_in_process(paths: ProjectPaths) -> Outcome:
    try:
        result = build(paths)
    except InputError as err:  # raw/ unusable before any run starts, as `build` reports it
        return Outcome(published=False, report=str(err))
    _, failed_checks = check_lines(result)
    released = any(e.asset_key == RELEASE for e in result.get_asset_materialization_events())
    published = result.success and failed_checks == 0 and released
    return Outcome(published=published, report=report(result))


def build_cli(paths: ProjectPaths, dagster_home: Path, timeout: float = 120) -> Outcome:
    """`python -m pipeline build` as a maintainer runs it, against `paths`."""
    env = {
        **os.environ,
        "SURVEY_FIGURES_RAW_DIR": str(paths.raw),
        "SURVEY_FIGURES_WAREHOUSE_DIR": str(paths.warehouse),
        "DAGSTER_HOME": str(dagster_home),
    }
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "build"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Outcome(
        published=done.returncode == 0, report=done.stdout + done.stderr, exit_code=done.returncode
    )


def message_lines(report_text: str, message: dict) -> list[str]:
    """Lines of the report holding every fragment of `message` (file, entry, problem, fix)."""
    fragments = [message[k] for k in MESSAGE_PARTS if message.get(k) is not None]
    return [line for line in report_text.splitlines() if all(f in line for f in fragments)]
