"""`dev`: open the Dagster UI on this project, with the project's own DAGSTER_HOME."""

import argparse
import os
import sys
from pathlib import Path

from pipeline.instance import ensure_dagster_home


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dev", help="start the Dagster UI (dagster dev)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", default="3000")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ensure_dagster_home()
    dagster = str(Path(sys.executable).with_name("dagster"))
    argv = [dagster, "dev", "-m", "pipeline.definitions", "-h", args.host, "-p", args.port]
    os.execv(dagster, argv)
    return 0  # not reached
