"""A worker of `load_documents`: reads the source directories listed in a job file and writes
their documents (or the first InputError) to an output file, both pickled."""

import pickle
import sys
from pathlib import Path

from pipeline.gc_thresholds import fewer_collections
from pipeline.load.documents import read_block


def main(job: str, out: str) -> int:
    directories = [Path(d) for d in pickle.loads(Path(job).read_bytes())]
    with fewer_collections():
        documents = read_block(directories)
    Path(out).write_bytes(pickle.dumps(documents, pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
