"""`verify`: check a release against its SHA256SUMS; non-zero naming every bad file."""

import argparse
from pathlib import Path

from pipeline.publish.checksums import SUMS_NAME, release_files, verify
from pipeline.resources import ProjectPaths


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help=f"check a release's files against its {SUMS_NAME}")
    p.add_argument(
        "directory", nargs="?", type=Path, help="the release directory (default: warehouse/)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    directory = args.directory or ProjectPaths.from_env().warehouse
    if not directory.is_dir():
        print(f"{directory}: not a directory")
        return 2
    problems = verify(directory)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{directory}: {len(problems)} problem(s); the release is not as published")
        return 1
    print(f"{directory}: {len(release_files(directory))} files match {SUMS_NAME}")
    return 0
