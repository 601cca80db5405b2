"""A worker of `map_chunks`: runs the job's function over each chunk of the job's items named
on its standard input ("start stop" lines) and sends back each result, pickled."""

import importlib
import os
import pickle
import sys
from pathlib import Path

from pipeline.gc_thresholds import fewer_collections
from pipeline.load.cores import write_result


def main(job: str) -> int:
    target, items = pickle.loads(Path(job).read_bytes())
    module, name = target.split(":")
    fn = getattr(importlib.import_module(module), name)
    # Results go out on the original standard output; anything printed goes to stderr.
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with fewer_collections():
        for line in sys.stdin.buffer:
            start, stop = (int(n) for n in line.split())
            result = fn(items[start:stop])
            write_result(channel, start, pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
