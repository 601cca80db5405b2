"""Command line: `python -m pipeline COMMAND ...`."""

import argparse
import importlib
import logging
import os
import sys

from pipeline.commands import COMMANDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"pipeline.commands.{name}").register(sub)
    args = parser.parse_args(argv)
    return args.run(args)


def end(code: int) -> None:
    """Exit with `code` once the command has returned, without freeing one by one the objects
    a build leaves in memory (every source's rows: 2.6 s at 10,000 sources). Everything is
    written and closed by then (the Dagster instance, the release files); the output streams
    and log handlers are flushed here."""
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    end(main())
