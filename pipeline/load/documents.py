"""A source directory read whole: text, metadata, annotations and the numbers in the text."""

import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.load.annotations import Annotations, load_annotations
from pipeline.load.sources import Source, load_source
from pipeline.model.mentions import mention_rows

INPUT_FILES = ("source.yml", "annotations.yml")
# Bumped whenever SourceDocument changes shape: documents stored by an older pipeline are
# read again from raw/ rather than trusted.
FORMAT = 2


@dataclass(frozen=True)
class SourceDocument:
    """Everything one source contributes, and a digest of the files it was read from."""

    source: Source
    annotations: Annotations
    mentions: tuple[tuple, ...]  # pipeline.model.mentions.MENTION_COLUMNS
    digest: str
    format: int = FORMAT


def input_digest(directory: Path, text_file: str = "article.txt") -> str:
    """SHA-256 over the source's metadata, annotations and text, in that order."""
    h = hashlib.sha256()
    for name in (*INPUT_FILES, text_file):
        path = directory / name
        h.update(name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"(missing)")
    return h.hexdigest()


def load_document(directory: Path) -> SourceDocument:
    """Read, verify and extract one source directory."""
    source = load_source(directory)
    return SourceDocument(
        source=source,
        annotations=load_annotations(directory),
        mentions=mention_rows(source),
        digest=input_digest(directory, source.meta["text_file"]),
    )


# Below this many sources, starting worker processes costs more than it saves.
PARALLEL_FROM = 400
CHUNK = 250


def load_documents(directories: list[Path], workers: int | None = None) -> list[SourceDocument]:
    """`load_document` of every directory, in order. Many sources are read by one process per
    core (each source is independent); the first bad source in order raises its InputError,
    as reading them one by one would."""
    workers = workers or len(os.sched_getaffinity(0))
    if workers < 2 or len(directories) < PARALLEL_FROM:
        return [load_document(d) for d in directories]
    chunks = [directories[i : i + CHUNK] for i in range(0, len(directories), CHUNK)]
    context = multiprocessing.get_context("spawn")  # no fork of a process running Dagster
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [doc for chunk in pool.map(_load_chunk, chunks) for doc in chunk]


def _load_chunk(directories: list[Path]) -> list[SourceDocument]:
    return [load_document(d) for d in directories]
