"""Sources read and checked on every core: each process reads a chunk of sources, runs the
per-source checks on it and pickles its documents once, for the store."""

import pickle
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError
from pipeline.load.cores import map_chunks
from pipeline.load.documents import SourceDocument, read_block
from pipeline.validate.source_report import source_problems


@dataclass
class CheckedSources:
    """Documents of consecutive sources, each with its pickle, and the problems of the
    sources that have any, by source id."""

    docs: list[SourceDocument]
    pickled: list[bytes]
    problems: dict[str, pd.DataFrame]

    def __reduce__(self):
        # Sent between processes as the documents' own pickles: the receiver unpickles each
        # once, and the store can write those bytes without pickling the document again.
        return (_from_pickled, (self.pickled, self.problems))


def _from_pickled(pickled: list[bytes], problems: dict[str, pd.DataFrame]) -> CheckedSources:
    return CheckedSources([pickle.loads(b) for b in pickled], pickled, problems)


def check_chunk(directories: list[Path]) -> CheckedSources | InputError:
    """The checked documents of `directories`, or the InputError of the first bad one."""
    docs = read_block(directories)
    if isinstance(docs, InputError):
        return docs
    found = source_problems(docs)
    return CheckedSources(
        docs,
        [pickle.dumps(d, pickle.HIGHEST_PROTOCOL) for d in docs],
        {key: frame for key, frame in found.items() if len(frame)},
    )


def read_checked(directories: list[Path], workers: int | None = None) -> CheckedSources:
    """`check_chunk` of every directory, in order, on every core for many sources (a source's
    checks look at that source alone); the first bad source in order raises its InputError, as
    reading them one by one would."""
    out = CheckedSources([], [], {})
    for chunk in map_chunks(check_chunk, directories, workers):
        if isinstance(chunk, InputError):
            raise chunk
        out.docs += chunk.docs
        out.pickled += chunk.pickled
        out.problems.update(chunk.problems)
    return out
